"""The feedback reader: what the interviewer said, read into findings, offline.

``read_feedback`` splits the text into sentences, each sentence into clauses at contrast words
(``assessment.reading.sentences``), and reads every clause against the lexicon
(``assessment.reading.lexicon``): skill cues (a phrase that names a skill *and* a polarity, like
"rambled"), skill topics (a phrase that names a skill, like "your examples", whose polarity
comes from the clause), general positive and negative words, negators, hedges and
intensifiers, advice ("practise ...", "you should ..."), which makes a clause a concern,
praising words negated by a prefix ("unenthusiastic"), and fit-factor phrases.
``suggested_ratings`` and ``fit_factor_keys`` turn the findings the user kept into what the
Feedback page pre-fills. ``docs/feedback_lexicon.md`` explains the rules with examples. No
model, no network, no new dependency.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assessment.models import Finding
from assessment.reading.lexicon import (
    ADVICE_FRAMES,
    CARRY_OVER_PRONOUNS,
    COURTESIES,
    DOUBT_FRAMES,
    FIT_FACTOR_DENIAL,
    FIT_FACTOR_LEXICON,
    GOOD_HEADINGS,
    HEDGES,
    IMPERATIVE_STARTS,
    NEGATING_PREFIXES,
    NEGATIVE_WORDS,
    NEGATORS,
    NOT_PREFIX_NEGATED,
    PLACEHOLDERS,
    POSITIVE_WORDS,
    REQUIREMENT_FRAMES,
    SKILL_LEXICON,
    STRONG_CONCERN,
    STRONG_STRENGTH,
    WORK_ON_HEADINGS,
)
from assessment.reading.sentences import blank_markup, clauses, line_sentences, lines
from assessment.skills import FIT_FACTOR_KEYS, SKILL_KEYS

# A negator flips the judging words up to this many words after it.
_NEGATION_WINDOW_WORDS = 3

# --------------------------------------------------------------------------------------------
# Compiled forms.
# --------------------------------------------------------------------------------------------


def _words(fragments: Iterable[str], prefix: str = "") -> re.Pattern[str]:
    # An apostrophe belongs to a word only between letters ("didn't"); a quotation mark
    # around a word ("'salary demands'") does not hide it.
    return re.compile(r"(?<!\w)(?<!\w')" + prefix + "(?:" + "|".join(fragments) + r")(?!\w)(?!'\w)")


def _prefixed(fragments: Iterable[str]) -> re.Pattern[str]:
    """The fragments negated by a prefix: "unenthusiastic", "disorganised", "inarticulate"."""
    return _words(fragments, "(?:" + "|".join(NEGATING_PREFIXES) + ")")


@dataclass(frozen=True)
class _Entry:
    key: str
    polarity: int | None  # None: the polarity comes from the clause
    weak: bool
    pattern: re.Pattern[str]


def _build_entries() -> tuple[_Entry, ...]:
    tiers: list[list[_Entry]] = [[], [], [], []]
    for key, parts in SKILL_LEXICON.items():
        for polarity, name in ((-1, "-"), (1, "+")):  # "too keen" before "keen"
            if parts[name]:
                tiers[0].append(_Entry(key, polarity, False, _words(parts[name])))
        praise = parts["+"] + parts["topic_words"]
        if praise:  # "unenthusiastic", "unmotivated": a praising word or topic, negated
            tiers[0].append(_Entry(key, -1, False, _prefixed(praise)))
        if parts["topic_phrases"]:
            tiers[1].append(_Entry(key, None, False, _words(parts["topic_phrases"])))
        if parts["topic_words"]:
            tiers[2].append(_Entry(key, None, False, _words(parts["topic_words"])))
        if parts["weak"]:
            tiers[3].append(_Entry(key, None, True, _words(parts["weak"])))
    return tuple(entry for tier in tiers for entry in tier)


_ENTRIES = _build_entries()
_FIT_PATTERNS = tuple((key, _words(FIT_FACTOR_LEXICON[key])) for key in FIT_FACTOR_KEYS)
_FIT_DENIAL = _words([FIT_FACTOR_DENIAL])
_ANY_FIT = _words(fragment for key in FIT_FACTOR_KEYS for fragment in FIT_FACTOR_LEXICON[key])
_ANY_SKILL = _words(
    fragment for parts in SKILL_LEXICON.values() for tier in parts.values() for fragment in tier
)
_ANY_PREFIXED = _prefixed(
    fragment for parts in SKILL_LEXICON.values() for fragment in parts["+"] + parts["topic_words"]
)
_DOUBT = _words(DOUBT_FRAMES)
_POSITIVE = _words(POSITIVE_WORDS)
_NEGATIVE = _words(NEGATIVE_WORDS)
_PREFIX_NEGATED = _prefixed(word for word in POSITIVE_WORDS if word not in NOT_PREFIX_NEGATED)
_ADVICE = _words(ADVICE_FRAMES)
_IMPERATIVE = re.compile(r"(?:" + "|".join(IMPERATIVE_STARTS) + r")(?!\w)")
_REQUIREMENT = _words(REQUIREMENT_FRAMES)
_PLACEHOLDER = re.compile("|".join(PLACEHOLDERS))
_NEGATOR = _words(NEGATORS)
_HEDGE = _words(HEDGES)
_STRONG_CONCERN = _words(STRONG_CONCERN)
_STRONG_STRENGTH = _words(STRONG_STRENGTH)
_COURTESY = _words(COURTESIES)
_WORD = re.compile(r"[\w']+")
_PRONOUN_START = re.compile("(?:" + "|".join(CARRY_OVER_PRONOUNS) + r")(?![\w'])")
_SPACES = re.compile(r"[\s\x00]+")
_BLANKED = re.compile(r"\x00+")
_HEADING = re.compile(
    r"[\s*_#>]*(?:(?P<good>"
    + "|".join(GOOD_HEADINGS)
    + r")|(?:"
    + "|".join(WORK_ON_HEADINGS)
    + r"))[\s*_]*(?::|$)"
)


# --------------------------------------------------------------------------------------------
# Sentences, under the heading they sit below.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Sentence:
    text: str
    section: int  # +1 under a "Strengths:" heading, -1 under "Areas to improve:", else 0


def _sentences(text: str) -> list[_Sentence]:
    found: list[_Sentence] = []
    section = 0
    for line in lines(text):
        heading = _HEADING.match(_analysable(text[line[0] : line[1]]))
        if heading:
            section = 1 if heading.group("good") else -1
        found.extend(_Sentence(sentence, section) for sentence in line_sentences(text, line))
    return found


# --------------------------------------------------------------------------------------------
# Clauses and findings.
# --------------------------------------------------------------------------------------------


def _analysable(sentence: str) -> str:
    """Lower-cased text, markup tags and courtesy phrases blanked out, spaces collapsed."""
    lowered = _SPACES.sub(" ", _PLACEHOLDER.sub(" ", blank_markup(sentence))).lower()
    lowered = lowered.replace("\u2019", "'").replace("\u2018", "'")
    return _SPACES.sub(" ", _COURTESY.sub(" ", lowered))


def _negated(clause: str, position: int, negator_ends: Sequence[int]) -> bool:
    for end in negator_ends:
        if end > position:
            break
        between = clause[end:position]
        if "," not in between and len(_WORD.findall(between)) <= _NEGATION_WINDOW_WORDS:
            return True
    return False


def _read_clause(clause: str, section: int = 0) -> tuple[dict[str, int], int, list[str]]:
    """Per-skill polarity in one clause, the clause's polarity, and the skills it names.

    ``section`` is the polarity of a heading above the clause ("Strengths:"), used when the
    clause names a skill without judging it.
    """
    doubt = _DOUBT.search(clause)
    negators = list(_NEGATOR.finditer(clause))
    if doubt:  # the doubt frame's own "not" is spent on the frame
        negators = [m for m in negators if not doubt.start() <= m.start() < doubt.end()]
    negator_ends = [m.end() for m in negators]
    negator_spans = [(m.start(), m.end()) for m in negators]
    doubt_end = doubt.end() if doubt else len(clause) + 1

    def signed(match: re.Match[str], sign: int) -> int:
        inside = any(s <= match.start() and match.end() <= e for s, e in negator_spans)
        # A cue that holds its own negator ("no numbers") is not flipped by an earlier one:
        # "no numbers and no timeframes" lists two gaps, it does not cancel them.
        own = any(match.start() <= s < match.end() for s, _ in negator_spans)
        if not inside and not own and _negated(clause, match.start(), negator_ends):
            sign = -sign
        return -sign if match.start() >= doubt_end else sign

    claimed: list[tuple[int, int]] = []  # every lexicon match claims its words
    cue_spans: list[tuple[int, int]] = []  # only cues keep general words from counting again
    cue_polarity: dict[str, int] = {}
    topics: list[str] = []
    weak_topics: list[str] = []
    score = -1 if doubt else 0
    evaluative = 1 if doubt else 0
    for entry in _ENTRIES:
        for match in entry.pattern.finditer(clause):
            start, end = match.span()
            if any(start < e and s < end for s, e in claimed):
                continue
            claimed.append((start, end))
            if entry.polarity is not None:
                cue_spans.append((start, end))
                polarity = signed(match, entry.polarity)
                cue_polarity[entry.key] = cue_polarity.get(entry.key, 0) + polarity
                score += polarity
                evaluative += 1
            elif entry.weak:
                weak_topics.append(entry.key)
            else:
                topics.append(entry.key)
    for pattern, sign in ((_POSITIVE, 1), (_NEGATIVE, -1), (_PREFIX_NEGATED, -1)):
        for match in pattern.finditer(clause):
            start, end = match.span()
            if any(start < e and s < end for s, e in cue_spans):
                continue
            if doubt and doubt.start() <= start < doubt.end():
                continue
            score += signed(match, sign)
            evaluative += 1
    advice = _is_advice(clause)
    if advice or (evaluative == 0 and negators):
        score = -1
    elif evaluative == 0:
        score = section
    clause_polarity = (score > 0) - (score < 0)

    found: dict[str, int] = {}
    for key, total in cue_polarity.items():
        if total:
            found[key] = -1 if advice or total < 0 else 1
    if clause_polarity:
        named = topics or ([] if found else weak_topics)
        for key in named:
            found.setdefault(key, clause_polarity)
    return found, clause_polarity, list(found) or topics or weak_topics


def _is_advice(clause: str) -> bool:
    """Advice to improve ("practise summarising", "you should show more enthusiasm") is a concern.

    Whatever praising words it uses, advice says the skill fell short.
    """
    return bool(_IMPERATIVE.match(clause) or _ADVICE.search(clause))


def _intensity(clause: str, polarity: int) -> str:
    if polarity < 0:
        if _HEDGE.search(clause):
            return "hedged"
        if _STRONG_CONCERN.search(clause):
            return "strong"
        return ""
    return "strong" if _STRONG_STRENGTH.search(clause) else ""


def _cue(text: str, sentence: str) -> str:
    """The words a finding was read from (``text``, from the lower-cased analysed sentence),
    as the user wrote them in ``sentence`` where they can be found there, spaces folded."""
    words = [w for w in text.split() if _WORD.search(w)]
    if not words:
        return ""
    # Between two words may stand what the analysis blanked (markup, a placeholder, a
    # courtesy phrase), so a short gap is allowed.
    gap = r"\W+(?:.{0,60}?\W)??"
    pattern = gap.join(
        re.escape(w).replace("'", "['\u2018\u2019]").replace('"', '["\u201c\u201d]') for w in words
    )
    match = re.search(pattern, sentence, re.IGNORECASE | re.DOTALL)
    return " ".join((match.group() if match else " ".join(words)).split())


def _skill_findings(sentence: str, analysed: str, section: int) -> list[Finding]:
    # key -> polarity -> (best weight, first clause index, intensity, the clause: the cue)
    seen: dict[str, dict[int, tuple[int, int, str, str]]] = {}
    previous_named: list[str] = []
    for index, clause in enumerate(clauses(analysed)):
        carries_over = bool(previous_named and _PRONOUN_START.match(clause.text))
        names_a_skill = _ANY_SKILL.search(clause.text) or _ANY_PREFIXED.search(clause.text)
        if not carries_over and not names_a_skill:
            previous_named = []
            continue  # names no skill: nothing to read (the common case in long text)
        found, polarity, named = _read_clause(clause.text, section)
        if not found and polarity and carries_over:
            found = dict.fromkeys(previous_named, polarity)  # "..., but they were clear"
        previous_named = named
        for key, polarity in found.items():
            intensity = _intensity(clause.text, polarity)
            by_polarity = seen.setdefault(key, {})
            if polarity in by_polarity:
                weight, first, old, cue = by_polarity[polarity]
                by_polarity[polarity] = (max(weight, clause.weight), first, old or intensity, cue)
            else:
                by_polarity[polarity] = (
                    clause.weight,
                    index,
                    intensity,
                    _cue(clause.text, sentence),
                )
    findings = []
    for key, by_polarity in seen.items():
        top = max(weight for weight, _, _, _ in by_polarity.values())
        for polarity, (weight, first, intensity, cue) in by_polarity.items():
            if weight == top:
                findings.append((first, Finding(key, polarity, sentence, intensity, cue)))
    findings.sort(key=lambda item: item[0])
    return [finding for _, finding in findings]


def _fit_findings(sentence: str, analysed: str) -> tuple[list[Finding], list[tuple[int, int]]]:
    """Fit-factor findings in order of appearance, and the spans of text that stated them."""
    found: dict[str, int] = {}
    cues: dict[str, str] = {}
    spans: list[tuple[int, int]] = []
    if not _ANY_FIT.search(analysed):
        return [], spans
    offset = 0
    for clause in clauses(analysed):
        offset = max(analysed.find(clause.text, offset), 0)
        if _FIT_DENIAL.search(clause.text):
            continue
        requirement = _REQUIREMENT.search(clause.text)
        for key, pattern in _FIT_PATTERNS:
            if key == "other_candidate" and requirement:
                continue  # "we needed someone with more X": the candidate's own gap, a skill
            for match in pattern.finditer(clause.text):
                found.setdefault(key, offset + match.start())
                cues.setdefault(key, _cue(match.group(), sentence))
                spans.append((offset + match.start(), offset + match.end()))
    ordered = sorted(found, key=found.__getitem__)
    return [Finding(key, 0, sentence, cue=cues[key]) for key in ordered], spans


def _read_sentence(sentence: str, section: int = 0) -> list[Finding]:
    """The findings of one sentence: skill findings first, then fit factors.

    Words that state a fit factor ("came down to depth of experience") are not read again as a
    skill.
    """
    analysed = _analysable(sentence)
    fit_findings, fit_spans = _fit_findings(sentence, analysed)
    for start, end in fit_spans:
        analysed = analysed[:start] + "\x00" * (end - start) + analysed[end:]
    analysed = _BLANKED.sub(" ", analysed)
    return _skill_findings(sentence, analysed, section) + fit_findings


def read_feedback(text: str) -> list[Finding]:
    """Read feedback text into findings, one per skill (or fit factor) and polarity per sentence.

    Never raises on text: empty, very long, markup, no punctuation or another language give
    the findings that match (often none). ``quote`` is the sentence as written, trimmed.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    findings: list[Finding] = []
    for sentence in _sentences(text):
        findings.extend(_read_sentence(sentence.text, sentence.section))
    return findings


# --------------------------------------------------------------------------------------------
# Ratings.
# --------------------------------------------------------------------------------------------

STRONG_CONCERN_RATING = 1
CONCERN_RATING = 2
STRENGTH_RATING = 3
STRONG_STRENGTH_RATING = 4


def suggested_rating(findings_for_one_skill: Iterable[Finding]) -> int | None:
    """The interviewer rating (1-4) the findings of one skill suggest, None when there are none.

    A concern outweighs any strength for the same skill: the interviewer's is the outside view,
    so when the feedback is mixed we err on the careful side and suggest the concern. A strong
    concern anywhere gives 1, otherwise any concern gives 2 (hedged or plain); strengths alone
    give 4 when one is strong, else 3. Fit factors (polarity 0) are ignored.
    """
    findings = [f for f in findings_for_one_skill if f.polarity]
    if not findings:
        return None
    concerns = [f for f in findings if f.polarity < 0]
    if concerns:
        if any(f.intensity == "strong" for f in concerns):
            return STRONG_CONCERN_RATING
        return CONCERN_RATING
    if any(f.intensity == "strong" for f in findings):
        return STRONG_STRENGTH_RATING
    return STRENGTH_RATING


def suggested_ratings(findings: Iterable[Finding]) -> dict[str, int]:
    """Suggested interviewer rating per skill key, in the skills' order, only skills found."""
    by_skill: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.key in SKILL_KEYS and finding.polarity:
            by_skill.setdefault(finding.key, []).append(finding)
    ratings = {}
    for key in SKILL_KEYS:
        if key in by_skill:
            rating = suggested_rating(by_skill[key])
            if rating is not None:
                ratings[key] = rating
    return ratings


def fit_factor_keys(findings: Iterable[Finding]) -> list[str]:
    """The fit-factor keys among the findings, once each, in the order of ``FIT_FACTOR_KEYS``."""
    present = {f.key for f in findings}
    return [key for key in FIT_FACTOR_KEYS if key in present]
