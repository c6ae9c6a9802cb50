"""Sentences and clauses: how the feedback reader and the tone check cut text before reading it.

Both cut a text into pieces that each end just after a sentence-end mark and trim the
whitespace around them; what counts as the end of a sentence differs, on purpose:

- **Feedback the user pasted** (the reader): ``lines``, then ``line_sentences`` per line. A line
  break ends a sentence unless the line looks hard-wrapped, bullet markers are dropped, a full
  stop after an abbreviation ("e.g.", "Mr.") ends nothing, HTML block tags (``</p>``, ``<br>``)
  end a sentence, and a long run-on is cut at ";", then at " and <subject>", then at commas and
  finally at spaces, so that each quote stays short enough to confirm.
- **A message the user wrote** (the tone check): ``message_sentences``. ``.``, ``!`` or ``?``
  before a space or the end of the text, and every line break, end a sentence; nothing else is
  special, so the sentence shown beside a flag is exactly the text between those marks.

``clauses`` cuts one sentence of feedback at contrast words and weighs the parts.
Every pattern is linear (no nested quantifiers), so no step is quadratic in the text length.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

Span = tuple[int, int]

# Abbreviations that end in a full stop but do not end a sentence.
_ABBREVIATIONS: frozenset[str] = frozenset(
    "e.g i.e mr mrs ms dr prof sr jr st vs etc approx incl dept no nos fig cf esp "
    "a.m p.m u.s u.k inc ltd co corp mt jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_RUN_ON_CHARS = 200  # a longer stretch without full stops is split on ";" then on " and <subject>"
_HARD_WRAP_CHARS = 400  # anything still longer is cut at commas, then at spaces
_WRAPPED_LINE_CHARS = 60  # a line this long without end punctuation may be hard-wrapped

# Contrast: the clause after "but" / "however" / "yet" outweighs the one before; a clause
# opened by "although" / "though" / "while" / "whereas" gives way to the rest of the sentence.
_MAIN_MARKERS = r"but|however|yet|that said|on the other hand|nevertheless|having said that"
# "while breaking the problem down" is about time, not contrast: no split before an -ing word.
_CONCESSIVE_MARKERS = (
    r"although|even though|though|whereas|while(?! \w+ing\b)|whilst(?! \w+ing\b)|despite"
)

_TAG = re.compile(r"<[^<>\n]{0,200}>|&[a-z]{2,8};|&#\d{1,6};")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BULLET = re.compile(
    r"[ \t]*(?:[-*+\u2022\u00b7\u25aa\u2023\u25e6\u2013\u2014>]+|\(?\d{1,3}[.)]|\(?[a-z][)])[ \t]+"
)
_TERMINAL = re.compile(r"[.!?:;\u2026][\"'\u201d\u2019)\]]*\s*$")
_FEEDBACK_END = re.compile(
    r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?:</?[a-z][^<>]{0,50}>)*(?=\s|<|$)"
    r"|<br\s*/?>|</(?:p|li|div|h[1-6]|tr|ul|ol|blockquote)>",
    re.IGNORECASE,
)
# The possessive repeats make each run of marks one match, so a long run cannot backtrack.
_MESSAGE_END = re.compile(r"[.!?]++[\"'\u201d\u2019)\]]*+(?=\s|$)|\n")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_RUN_ON_AND = re.compile(
    r",?\s+and\s+(?=(?:you|your|we|i|they|it|there|the|he|she|our|their|this|that)\b)"
)
_LETTER = re.compile(r"[^\W\d_]")
_COMMA = re.compile(r",")
_CLAUSE_SPLIT = re.compile(
    r" ?(?:;|:|\s[-\u2013\u2014]\s|, ?(?=(?:" + _MAIN_MARKERS + r")\b)|"
    r"(?<![\w'])(?=(?:" + _MAIN_MARKERS + r"|" + _CONCESSIVE_MARKERS + r")(?![\w'])))"
)
_LEADING_MAIN = re.compile(r"(?:" + _MAIN_MARKERS + r")(?![\w'])[\s,]*")
_LEADING_CONCESSIVE = re.compile(r"(?:" + _CONCESSIVE_MARKERS + r")(?![\w'])")


# --- what both splitters share ---------------------------------------------------------------


def _split_after(
    text: str,
    ends: re.Pattern[str],
    start: int,
    end: int,
    is_end: Callable[[re.Match[str], int], bool] | None = None,
) -> list[Span]:
    """Pieces of ``text[start:end]``, each ending just after a match of ``ends``.

    ``is_end(match, piece_start)`` may turn a match down (a full stop after "e.g."). The last
    piece runs to ``end``.
    """
    spans = []
    piece_start = start
    for match in ends.finditer(text, start, end):
        if is_end is None or is_end(match, piece_start):
            spans.append((piece_start, match.end()))
            piece_start = match.end()
    spans.append((piece_start, end))
    return spans


def _trim(text: str, start: int, end: int) -> Span:
    """The span without the whitespace at either end (``start == end`` when nothing is left)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --- a message the user wrote (the tone check) -----------------------------------------------


def message_sentences(text: str) -> list[Span]:
    """The sentences of a message, as trimmed spans of ``text`` in reading order."""
    pieces = (_trim(text, *piece) for piece in _split_after(text, _MESSAGE_END, 0, len(text)))
    return [(start, end) for start, end in pieces if end > start]


# --- feedback the user pasted (the reader) ---------------------------------------------------


def blank_markup(text: str) -> str:
    """``text`` with HTML tags and entities replaced by spaces, so ``<strong>`` reads as nothing."""
    return _TAG.sub(" ", text)


def lines(text: str) -> list[Span]:
    """Line spans (bullet marker removed), with hard-wrapped continuation lines joined.

    A line of 60+ characters that ends without punctuation, followed by a line that starts in
    lower case, is one line.
    """
    blocks: list[Span] = []
    position = 0
    previous_open = False  # the previous line looks wrapped and may continue on this one
    for match in [*_LINE_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        start = position
        position = match.end() if match else len(text)
        line = text[start:end]
        if not line.strip():
            previous_open = False
            continue
        bullet = _BULLET.match(line)
        if bullet:
            start += bullet.end()
        stripped = text[start:end].lstrip()
        if previous_open and not bullet and stripped[:1].islower():
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
        previous_open = len(line.strip()) >= _WRAPPED_LINE_CHARS and not _TERMINAL.search(line)
    return blocks


def line_sentences(text: str, line: Span) -> list[str]:
    """The sentences of one line of ``lines(text)``, each as written (trimmed).

    A piece with no letter outside markup ("...", "<p></p>") is no sentence.
    """
    sentences = []
    for sentence in _split_after(text, _FEEDBACK_END, *line, is_end=_ends_sentence):
        for piece in _run_on_spans(text, *sentence):
            start, end = _trim(text, *piece)
            if _LETTER.search(blank_markup(text[start:end])):
                sentences.append(text[start:end])
    return sentences


def _ends_sentence(match: re.Match[str], sentence_start: int) -> bool:
    text, dot = match.string, match.start()
    return text[dot] != "." or not _is_abbreviation(text, sentence_start, dot)


def _is_abbreviation(text: str, sentence_start: int, dot: int) -> bool:
    window = text[max(sentence_start, dot - 12) : dot]
    found = _WORD_BEFORE.search(window)
    if not found:
        return False
    word = found.group(1).lower().strip(".")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _run_on_spans(text: str, start: int, end: int) -> list[Span]:
    if end - start <= _RUN_ON_CHARS:
        return [(start, end)]
    spans = _split_at(text, start, end, re.compile(r";"))
    spans = [part for s, e in spans for part in _split_long(text, s, e, _RUN_ON_AND)]
    spans = [part for s, e in spans for part in _pack(_split_long(text, s, e, _COMMA))]
    return [part for s, e in spans for part in _hard_wrap(text, s, e)]


def _split_long(text: str, start: int, end: int, separator: re.Pattern[str]) -> list[Span]:
    if end - start <= _RUN_ON_CHARS:
        return [(start, end)]
    return _split_at(text, start, end, separator)


def _pack(spans: list[Span]) -> list[Span]:
    """Neighbouring pieces joined again while they fit in ``_RUN_ON_CHARS``.

    A long sentence cut at every comma would part an evaluation from its subject ("Two days
    after the interview, the recruiter said, the panel felt I was too keen"); joined up to the
    limit, most pieces keep both.
    """
    packed: list[Span] = []
    for start, end in spans:
        if packed and end - packed[-1][0] <= _RUN_ON_CHARS:
            packed[-1] = (packed[-1][0], end)
        else:
            packed.append((start, end))
    return packed


def _split_at(text: str, start: int, end: int, separator: re.Pattern[str]) -> list[Span]:
    """Pieces of ``text[start:end]`` between the matches of ``separator``, which are dropped."""
    spans = []
    position = start
    for match in separator.finditer(text, start, end):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, end))
    return spans


def _hard_wrap(text: str, start: int, end: int) -> list[Span]:
    spans = []
    while end - start > _HARD_WRAP_CHARS:
        cut = text.rfind(" ", start + _RUN_ON_CHARS, start + _HARD_WRAP_CHARS)
        if cut < 0:
            cut = start + _HARD_WRAP_CHARS
        spans.append((start, cut))
        start = cut
    spans.append((start, end))
    return spans


# --- clauses of one sentence of feedback -----------------------------------------------------


@dataclass(frozen=True)
class Clause:
    text: str
    weight: int  # 2 after "but", 1 plain, 0 concessive ("although ...")


def clauses(sentence: str) -> list[Clause]:
    """Clauses at contrast words, each weighted for settling one skill read both ways.

    ``sentence`` is lower-cased with its spaces collapsed. "A, but B": B outweighs A.
    "Although A, B": A gives way to B. A sentence-final "A, although B" reads like "A, but B":
    the afterthought is the point being made.
    """
    found: list[Clause] = []
    for piece in _CLAUSE_SPLIT.split(sentence):
        piece = piece.strip(" ,")
        if not piece:
            continue
        main = _LEADING_MAIN.match(piece)
        concessive = _LEADING_CONCESSIVE.match(piece)
        if main:
            if piece[main.end() :]:
                found.append(Clause(piece[main.end() :], 2))
        elif concessive and not found:
            head, comma, rest = piece.partition(",")
            found.append(Clause(head, 0))
            if comma and rest.strip():
                found.append(Clause(rest.strip(), 1))
        elif concessive:
            found.append(Clause(piece[concessive.end() :].strip(" ,"), 2))
        else:
            found.append(Clause(piece, 1))
    return found
