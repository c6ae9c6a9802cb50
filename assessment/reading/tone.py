"""Tone check for what the user writes to an employer after a rejection.

Offline and rule-based: the lexicon of ``assessment.reading.tone_lexicon`` (phrases per
category, each with a calmer line) plus a few structural rules (shouting, repeated "!", scare
quotes, public threats). It only flags; it never blocks. The lexicon and the trap rules are
documented in ``docs/tone_check.md``.

Every pattern is linear: literal words, bounded or possessive repeats, no nested quantifiers,
so a 100,000-character message is checked in one pass per rule.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass

from assessment.reading.sentences import Span, message_sentences
from assessment.reading.tone_lexicon import (
    ACRONYMS,
    ENTRIES,
    EXCLAMATION_SUGGESTION,
    NEGATORS,
    PUBLIC_PLACES,
    SCARE_QUOTE_DETERMINERS,
    SCARE_QUOTE_SUGGESTION,
    SHOUTING_SUGGESTION,
    THREAT_INTENTS,
    THREAT_SUGGESTION,
    THREAT_VERBS,
)

CATEGORIES: tuple[str, ...] = ("defensive", "angry", "sarcastic", "pleading")

CATEGORY_LABELS: dict[str, str] = {
    "defensive": "Sounds defensive",
    "angry": "Sounds angry",
    "sarcastic": "Could read as sarcastic",
    "pleading": "Sounds like pleading",
}


@dataclass(frozen=True)
class ToneFlag:
    """One phrase in the user's text that may read badly to the employer.

    ``phrase`` is ``text[start:end]``, exactly as the user wrote it; ``sentence`` is the
    sentence it sits in; ``suggestion`` is a calmer line the user could write instead.
    """

    category: str
    phrase: str
    sentence: str
    suggestion: str
    start: int
    end: int


@dataclass(frozen=True)
class _Rule:
    category: str
    pattern: re.Pattern[str]
    suggestion: str
    negatable: bool = False


# In lexicon entries a space stands for "spaces or tabs, not a line break" and a straight
# apostrophe also matches a curly one.
_GAP = r"[^\S\n]+"
_APOS = "['\u2019]"


def _whole_words(alternatives: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _compile(entry: str) -> re.Pattern[str]:
    if re.search(r"\[[^\]]* ", entry):
        raise ValueError(f"lexicon entry has a space inside [...]: {entry!r}")
    return _whole_words(entry.replace(" ", _GAP).replace("'", _APOS))


_LEXICON: tuple[_Rule, ...] = tuple(
    _Rule(entry.category, _compile(entry.phrases), entry.suggestion, entry.negatable)
    for entry in ENTRIES
)

# A whole run of two or more "!" and "?" (flagged when it has a "!"); the lookbehind and the
# possessive repeat make each run one match, so a long run cannot backtrack.
_EXCLAIM = re.compile(r"(?<![?!])[?!]{2,}+")
# One all-caps word; the lookbehind stops matches starting inside a word.
_CAPS_WORD = re.compile(r"(?<![\w'\u2019])[A-Z][A-Z'\u2019]*+(?![\w'\u2019])")
_VOWELS = frozenset("AEIOUY")
# Short quoted phrase after a determiner: your "feedback", the 'best fit'.
_SCARE_QUOTE = re.compile(
    r"(?<![\w'\u2019])([\"\u201c'\u2018])([A-Za-z][A-Za-z\- ]{0,30}?)([\"\u201d'\u2019])(?!\w)"
)
_QUOTE_PAIRS = {'"': '"', "\u201c": "\u201d", "'": "'\u2019", "\u2018": "\u2019'"}
_DETERMINER_BEFORE = re.compile(r"(?:^|\W)(?:" + SCARE_QUOTE_DETERMINERS + r")\s*$", re.IGNORECASE)
_INTENT = _whole_words(THREAT_INTENTS)
_PUBLISH = _whole_words(THREAT_VERBS)
_PUBLIC_PLACE = _whole_words(PUBLIC_PLACES)

_CLAUSE_BREAK = re.compile(r"[,;:\u2014\u2013()]|\bbut\b", re.IGNORECASE)
_NEGATION_WINDOW_CHARS = 40
_NEGATION_WINDOW_WORDS = 4


def _is_negated(text: str, sentence_start: int, start: int) -> bool:
    """True when a negator sits just before ``start`` in the same clause ("I'm not angry")."""
    window = text[max(sentence_start, start - _NEGATION_WINDOW_CHARS) : start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    words = re.findall(r"[\w'\u2019]+", window.lower())[-_NEGATION_WINDOW_WORDS:]
    return any(w in NEGATORS or w.endswith(("n't", "n\u2019t")) for w in words)


def _is_shouting(word: str) -> bool:
    letters = word.replace("'", "").replace("\u2019", "")
    return len(letters) >= 4 and letters not in ACRONYMS and bool(_VOWELS & set(letters))


class _Collector:
    """Gathers flags for one text, tied to the sentence each one starts in."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = message_sentences(text)
        self._starts = [s for s, _ in self.spans]
        self.flags: list[ToneFlag] = []
        self._sentences: dict[int, str] = {}  # one copy per sentence, however many flags

    def sentence_of(self, offset: int) -> Span | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return None
        begin, end = self.spans[i]
        return (begin, end) if offset < end else None

    def _sentence_text(self, span: Span) -> str:
        if span[0] not in self._sentences:
            self._sentences[span[0]] = self.text[span[0] : span[1]]
        return self._sentences[span[0]]

    def add(self, category: str, start: int, end: int, suggestion: str) -> None:
        span = self.sentence_of(start)
        if span is None:
            return
        end = min(end, span[1])
        if end <= start:
            return
        self.flags.append(
            ToneFlag(
                category=category,
                phrase=self.text[start:end],
                sentence=self._sentence_text(span),
                suggestion=suggestion,
                start=start,
                end=end,
            )
        )


def _apply_lexicon(c: _Collector) -> None:
    for rule in _LEXICON:
        for m in rule.pattern.finditer(c.text):
            span = c.sentence_of(m.start())
            if span is None:
                continue
            if rule.negatable and _is_negated(c.text, span[0], m.start()):
                continue
            c.add(rule.category, m.start(), m.end(), rule.suggestion)


def _apply_exclamations(c: _Collector) -> None:
    for m in _EXCLAIM.finditer(c.text):
        if "!" in m.group():
            c.add("angry", m.start(), m.end(), EXCLAMATION_SUGGESTION)


def _apply_shouting(c: _Collector) -> None:
    # Capitalised words with only spaces between ("THIS IS A JOKE") form one run; the run is
    # flagged once when any word in it counts as shouting.
    run_start = run_end = -1
    shouted = False
    for m in _CAPS_WORD.finditer(c.text):
        adjacent = run_end >= 0 and c.text[run_end : m.start()].strip(" \t") == ""
        if not adjacent:
            if shouted:
                c.add("angry", run_start, run_end, SHOUTING_SUGGESTION)
            run_start, shouted = m.start(), False
        run_end = m.end()
        shouted = shouted or _is_shouting(m.group())
    if shouted:
        c.add("angry", run_start, run_end, SHOUTING_SUGGESTION)


def _apply_scare_quotes(c: _Collector) -> None:
    for m in _SCARE_QUOTE.finditer(c.text):
        opening, inner, closing = m.group(1), m.group(2), m.group(3)
        if closing not in _QUOTE_PAIRS[opening]:
            continue
        words = inner.split()
        if not 1 <= len(words) <= 3 or inner != inner.strip():
            continue
        if all(w[0].isupper() for w in words):
            continue  # a quoted title or name: the "Data Analyst" role
        before = c.text[max(0, m.start() - 20) : m.start()]
        if _DETERMINER_BEFORE.search(before):
            c.add("sarcastic", m.start(), m.end(), SCARE_QUOTE_SUGGESTION)


def _apply_threats(c: _Collector) -> None:
    by_sentence: dict[int, dict[str, list[re.Match[str]]]] = {}
    for key, pattern in (("intent", _INTENT), ("verb", _PUBLISH), ("place", _PUBLIC_PLACE)):
        for m in pattern.finditer(c.text):
            span = c.sentence_of(m.start())
            if span is not None:
                by_sentence.setdefault(span[0], {}).setdefault(key, []).append(m)
    for parts in by_sentence.values():
        if len(parts) < 3:
            continue
        intent = parts["intent"][0]
        verbs = [v for v in parts["verb"] if v.start() >= intent.end()]
        if not verbs:
            continue
        place = parts["place"][-1]
        start = intent.start()
        end = max(verbs[0].end(), place.end())
        c.add("angry", start, end, THREAT_SUGGESTION)


def _merge_overlaps(flags: Iterable[ToneFlag], text: str) -> list[ToneFlag]:
    """Join overlapping flags of one category into one flag over their combined stretch.

    The suggestion of the longest part is kept, so "Great, another" and "another form
    rejection" become one sarcastic flag on "Great, another form rejection".
    """
    ordered = sorted(flags, key=lambda f: (f.category, f.start, -(f.end - f.start)))
    merged: list[ToneFlag] = []
    for flag in ordered:
        last = merged[-1] if merged else None
        if last is None or last.category != flag.category or flag.start >= last.end:
            merged.append(flag)
            continue
        if flag.end > last.end:
            longest = flag if flag.end - flag.start > last.end - last.start else last
            merged[-1] = dataclasses.replace(
                last,
                phrase=text[last.start : flag.end],
                end=flag.end,
                suggestion=longest.suggestion,
            )
    return sorted(merged, key=lambda f: (f.start, f.end, CATEGORIES.index(f.category)))


def check_tone(text: str) -> list[ToneFlag]:
    """Flag phrases in ``text`` that may read as defensive, angry, sarcastic or pleading.

    Returns flags in reading order; an empty list means the text reads calm. Markup is
    treated as plain text: nothing is parsed or rendered.
    """
    if not text or not text.strip():
        return []
    c = _Collector(text)
    _apply_lexicon(c)
    _apply_exclamations(c)
    _apply_shouting(c)
    _apply_scare_quotes(c)
    _apply_threats(c)
    return _merge_overlaps(c.flags, text)
