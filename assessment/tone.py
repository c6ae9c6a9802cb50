"""Tone check for what the user writes to an employer after a rejection.

Offline and rule-based: a small lexicon of phrases per category plus a few structural rules
(shouting, repeated "!", scare quotes, public threats). It only flags; it never blocks.
The lexicon and the trap rules are documented in ``docs/tone_check.md``.

Every pattern is linear: literal words, bounded or possessive repeats, no nested quantifiers,
so a 100,000-character message is checked in one pass per rule.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

CATEGORIES: tuple[str, ...] = ("defensive", "angry", "sarcastic", "pleading")

CATEGORY_LABELS: dict[str, str] = {
    "defensive": "Sounds defensive",
    "angry": "Sounds angry",
    "sarcastic": "Could read as sarcastic",
    "pleading": "Sounds like pleading",
}

DEFAULT_SUGGESTIONS: dict[str, str] = {
    "defensive": (
        "I'd find it really useful to understand how the decision was made, "
        "so I can prepare better next time."
    ),
    "angry": (
        "I was disappointed by how this went. If you're able to share any feedback, "
        "I'd appreciate it."
    ),
    "sarcastic": (
        "Thank you for letting me know. I'd welcome any feedback you can share on my interview."
    ),
    "pleading": (
        "I'm still very interested in this role. If anything changes, I'd be glad to talk again."
    ),
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
# apostrophe also matches a curly one, so entries stay readable and a phrase never spans two
# lines (sentences are split on line breaks).
_GAP = r"[^\S\n]+"
_APOS = "['\u2019]"


def _compile(entry: str) -> re.Pattern[str]:
    if re.search(r"\[[^\]]* ", entry):
        raise ValueError(f"lexicon entry has a space inside [...]: {entry!r}")
    body = entry.replace(" ", _GAP).replace("'", _APOS)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def _rule(category: str, entry: str, suggestion: str, negatable: bool = False) -> _Rule:
    return _Rule(category, _compile(entry), suggestion, negatable)


_FEEDBACK_ASK = "Could you share what I could have done better? I'd find that really useful."
_HOW_DECIDED = (
    "I'd like to understand how the decision was made, so I can prepare better next time."
)

_LEXICON: tuple[_Rule, ...] = (
    # --- defensive: arguing with the decision or the process -----------------------------
    _rule(
        "defensive",
        r"(?:never|not|wasn't|was not) (?:really )?(?:given|got|get|had|offered) "
        r"(?:a|the|any) (?:fair |real |proper )?(?:chance|opportunity|shot)",
        "I'd have liked the chance to say more about my experience; may I send one short example?",
    ),
    _rule(
        "defensive",
        r"(?:didn't|did not|wouldn't|would not) (?:even )?(?:give|let) me "
        r"(?:a (?:fair |real )?chance|finish|explain|answer|speak)",
        "There was one point I didn't get to finish; may I add a short note on it?",
    ),
    _rule(
        "defensive",
        r"(?:process|decision|system|interview|assessment|test|task) (?:is|was|seems|seemed) "
        r"(?:\w+ ){0,2}(?:unfair|biased|rigged|flawed|broken)",
        _HOW_DECIDED,
    ),
    _rule("defensive", r"unfair|biased|rigged", _HOW_DECIDED, negatable=True),
    _rule(
        "defensive",
        r"(?:that|this|it)(?:'s| is| was) (?:simply |just |absolutely |completely |totally )?"
        r"(?:not true|untrue|false|wrong|inaccurate|not accurate)|(?:isn't|wasn't) true",
        "I see some of my answers differently; could you tell me more about how they came across?",
    ),
    _rule(
        "defensive",
        r"you (?:obviously |clearly |evidently )?(?:didn't|did not|never|don't) (?:even )?"
        r"(?:read|look at|listen|check|bother)|(?:didn't|did not) even (?:read|look|listen|open)",
        "In case it helps, the project I mentioned is described on page 1 of my CV.",
    ),
    _rule(
        "defensive",
        r"(?:not|wasn't|isn't) my fault|I did nothing wrong|(?:you|they) can't blame me",
        "Some things were outside my control; I'd still value your view on what I can improve.",
    ),
    # --- angry: insults, outrage, swearing, threats --------------------------------------
    _rule(
        "angry",
        r"ridiculous|absurd|outrageous|unacceptable|unprofessional|appalling|disgraceful"
        r"|disgrace|shameful|disgusting|insulting|pathetic",
        "I was disappointed by how this was handled, and I'd appreciate a short explanation.",
        negatable=True,
    ),
    _rule(
        "angry",
        r"incompetent|idiots?|idiotic|stupid|morons?|moronic|clowns?|clueless|useless"
        r"|amateurs?|amateurish|rude|arrogant|liars?",
        "I'd have found clearer communication during the process helpful.",
        negatable=True,
    ),
    _rule(
        "angry",
        r"angry|mad|furious|livid|outraged|fuming|pissed(?: off)?|disgusted|appalled"
        r"|fed up|sick (?:and tired )?of",
        "I was disappointed by the outcome, and I'd like to learn from it.",
        negatable=True,
    ),
    _rule(
        "angry",
        r"(?:total|complete|absolute|such a|what a|(?:is|was) a) joke"
        r"|(?:a )?(?:complete |total |huge |utter )?waste of (?:my|our|everyone's) time"
        r"|how dare you|shame on you|you people",
        "This wasn't the outcome I hoped for, but thank you for letting me know.",
    ),
    _rule(
        "angry",
        r"bullshit|crap|damn|wtf|what the hell|screw (?:you|this)|f\*+k?(?:ing)?",
        "I'm disappointed, and I'd appreciate any feedback you can share.",
    ),
    _rule(
        "angry",
        r"(?:one|1|zero|0)(?:-| )star (?:review|rating)|name and shame",
        "If it's useful, I'm happy to share some feedback on the candidate experience privately.",
    ),
    # --- sarcastic: praise or thanks that mean the opposite ------------------------------
    _rule(
        "sarcastic",
        r"thanks (?:a lot |so much |very much |a bunch )?for (?:nothing|wasting|ghosting"
        r"|ignoring|stringing me along|leading me on|the runaround|keeping me waiting)",
        "Thank you for letting me know. I'd have welcomed an update sooner, but I appreciate "
        "the reply.",
    ),
    _rule(
        "sarcastic",
        r"(?:oh )?(?:great|wonderful|perfect|fantastic|brilliant|lovely|nice|awesome)"
        r"[,.!]* (?:yet another|another|just what|exactly what)",
        "Thank you for letting me know. Could you share any feedback on my interview?",
    ),
    _rule(
        "sarcastic",
        r"(?:yet )?another (?:form|automated|generic|canned|template|copy-paste|cookie-cutter)"
        r" (?:rejection|email|response|reply|letter|message)",
        "Thank you for letting me know. If there's any specific feedback, I'd value it.",
    ),
    _rule(
        "sarcastic",
        r"(?:clearly|obviously|evidently) you",
        "I'd like to understand what drove the decision, if you're able to share it.",
    ),
    _rule(
        "sarcastic",
        r"what a (?:surprise|shock|shocker)|big surprise|how convenient|yeah,? right"
        r"|who would(?:'ve| have) (?:thought|guessed)|sure you (?:did|do|are)"
        r"|good luck (?:finding|getting|hiring)|worth (?:so little|nothing)",
        "Thank you for letting me know. I'd appreciate any feedback you can share.",
    ),
    # --- pleading: emotional appeals instead of a concrete reason ------------------------
    _rule(
        "pleading",
        r"please,? please|please reconsider|I (?:really |desperately )?need this"
        r"(?: job| role| position| opportunity)?(?: so badly| so much)?",
        "If it helps, I'd be glad to send one concrete example of my work that fits this role.",
    ),
    _rule(
        "pleading",
        r"begging|I beg(?: you)?|(?:I'll|I will|I would|I'd) do anything|desperate(?:ly)?",
        "I'm still very interested in this role. If anything changes, I'd be glad to talk again.",
    ),
    _rule(
        "pleading",
        r"you won't regret|you will not regret|I won't let you down|I will not let you down"
        r"|don't give up on me|(?:give|grant) me (?:just )?(?:one more|another|a second) "
        r"(?:chance|shot|try)|(?:just )?one more chance",
        "I'd welcome the chance to be considered for future roles that fit my experience.",
    ),
    _rule(
        "pleading",
        r"work for free|work unpaid|(?:take|accept) (?:a |any )?(?:lower|reduced|any) "
        r"(?:salary|pay)|can't afford to lose|can't pay (?:my )?(?:rent|bills)"
        r"|savings are (?:almost |nearly )?gone|no other (?:offers|options)",
        "I'm keen to stay in touch and would be glad to hear about any future openings.",
    ),
)

# --- structural rules ------------------------------------------------------------------------

# A whole run of two or more "!" and "?" (flagged when it has a "!"); the lookbehind and the
# possessive repeat make each run one match, so a long run cannot backtrack.
_EXCLAIM = re.compile(r"(?<![?!])[?!]{2,}+")
# One all-caps word; the lookbehind stops matches starting inside a word.
_CAPS_WORD = re.compile(r"(?<![\w'\u2019])[A-Z][A-Z'\u2019]*+(?![\w'\u2019])")
_VOWELS = frozenset("AEIOUY")
# Only words of four or more letters with a vowel can count as shouting, so acronyms like
# SQL, HTML or GDPR never do; these are the common ones that would.
_ACRONYMS = frozenset(
    {
        "ACME", "AGILE", "AJAX", "ASAP", "DEVOPS", "EMEA", "GOOGLE", "IELTS", "JAVA", "JIRA",
        "JSON", "LINUX", "MYSQL", "NASA", "NATO", "OKRS", "REACT", "REST", "RUBY", "SAAS",
        "SCRUM", "SOLID", "SWIFT", "TOEFL", "UCLA", "UNESCO", "UNICEF", "UNIX", "YAML",
    }
)  # fmt: skip
_SHOUT_SUGGESTION = "Writing in normal case reads calmer: state the point once, plainly."

# Short quoted phrase after a determiner: your "feedback", the 'best fit'.
_SCARE_QUOTE = re.compile(
    r"(?<![\w'\u2019])([\"\u201c'\u2018])([A-Za-z][A-Za-z\- ]{0,30}?)([\"\u201d'\u2019])(?!\w)"
)
_QUOTE_PAIRS = {'"': '"', "\u201c": "\u201d", "'": "'\u2019", "\u2018": "\u2019'"}
_DETERMINER_BEFORE = re.compile(
    r"(?:^|\W)(?:your|the|this|that|these|those|so-called|such|a|an|their|my|his|her)\s*$",
    re.IGNORECASE,
)
_SCARE_SUGGESTION = (
    'Say it plainly without quotation marks, e.g. "I\'d value more detail on the feedback."'
)

# A public complaint threat: a future intent, a publishing verb and a public place or
# authority, all in one sentence ("I'll be posting a review on Glassdoor").
_INTENT = re.compile(
    r"(?<!\w)(?:I(?:'|\u2019)ll|I will|I am going to|I(?:'|\u2019)m going to|I(?:'|\u2019)m gonna"
    r"|I plan to|I intend to|I(?:'|\u2019)d better|expect (?:a|my))(?!\w)",
    re.IGNORECASE,
)
_PUBLISH = re.compile(
    r"(?<!\w)(?:post(?:ing)?|review(?:ing)?|report(?:ing)?|tell(?:ing)?|warn(?:ing)?"
    r"|expos(?:e|ing)|complain(?:ing)?|writ(?:e|ing) about|shar(?:e|ing) (?:my|this|the) "
    r"(?:experience|story)|make sure (?:everyone|people|others))(?!\w)",
    re.IGNORECASE,
)
_PUBLIC_PLACE = re.compile(
    r"(?<!\w)(?:glassdoor|linkedin|reddit|twitter|indeed|blind|facebook|tiktok|social media"
    r"|online|publicly|everyone|the press|your (?:ceo|boss|manager|director)|hr)(?!\w)",
    re.IGNORECASE,
)
_THREAT_SUGGESTION = (
    "If you'd like to share how the process felt, a private note is more likely to be heard: "
    "\"I'd be glad to give some feedback on the candidate experience, if that's useful.\""
)

_NEGATORS = frozenset({"not", "never", "no", "hardly", "nothing", "nor", "without"})
_CLAUSE_BREAK = re.compile(r"[,;:\u2014\u2013()]|\bbut\b", re.IGNORECASE)
_NEGATION_WINDOW_CHARS = 40
_NEGATION_WINDOW_WORDS = 4

# A sentence ends at . ! ? (with any closing quote or bracket) before a space or the end,
# or at a line break.
_SENTENCE_END = re.compile(r"[.!?]++[\"'\u201d\u2019)\]]*+(?=\s|$)|\n")


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end() if match.group() != "\n" else match.start()
        spans.append((begin, end))
        begin = match.end()
    spans.append((begin, len(text)))
    trimmed = []
    for begin, end in spans:
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        if end > begin:
            trimmed.append((begin, end))
    return trimmed


def _is_negated(text: str, sentence_start: int, start: int) -> bool:
    """True when a negator sits just before ``start`` in the same clause ("I'm not angry")."""
    window = text[max(sentence_start, start - _NEGATION_WINDOW_CHARS) : start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    words = re.findall(r"[\w'\u2019]+", window.lower())[-_NEGATION_WINDOW_WORDS:]
    return any(w in _NEGATORS or w.endswith(("n't", "n\u2019t")) for w in words)


def _is_shouting(word: str) -> bool:
    letters = word.replace("'", "").replace("\u2019", "")
    return len(letters) >= 4 and letters not in _ACRONYMS and bool(_VOWELS & set(letters))


class _Collector:
    """Gathers flags for one text, tied to the sentence each one starts in."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = _sentence_spans(text)
        self._starts = [s for s, _ in self.spans]
        self.flags: list[ToneFlag] = []
        self._sentences: dict[int, str] = {}  # one copy per sentence, however many flags

    def sentence_of(self, offset: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return None
        begin, end = self.spans[i]
        return (begin, end) if offset < end else None

    def _sentence_text(self, span: tuple[int, int]) -> str:
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
            c.add("angry", m.start(), m.end(), "One full stop reads calmer than several '!'.")


def _apply_shouting(c: _Collector) -> None:
    # Capitalised words with only spaces between ("THIS IS A JOKE") form one run; the run is
    # flagged once when any word in it counts as shouting.
    run_start = run_end = -1
    shouted = False
    for m in _CAPS_WORD.finditer(c.text):
        adjacent = run_end >= 0 and c.text[run_end : m.start()].strip(" \t") == ""
        if not adjacent:
            if shouted:
                c.add("angry", run_start, run_end, _SHOUT_SUGGESTION)
            run_start, shouted = m.start(), False
        run_end = m.end()
        shouted = shouted or _is_shouting(m.group())
    if shouted:
        c.add("angry", run_start, run_end, _SHOUT_SUGGESTION)


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
            c.add("sarcastic", m.start(), m.end(), _SCARE_SUGGESTION)


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
        c.add("angry", start, end, _THREAT_SUGGESTION)


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


def is_calm(text: str) -> bool:
    """True when ``check_tone`` finds nothing to flag."""
    return not check_tone(text)


# --- labelled sets -------------------------------------------------------------------------


def load_labelled(path: str | Path) -> list[dict]:
    """Read a JSONL file of ``{"sentence", "calm", "categories"}`` rows."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                rows.append(json.loads(line))
    return rows


def _ratio(hits: int, total: int) -> float:
    # With nothing to find or nothing predicted there is nothing to get wrong.
    return hits / total if total else 1.0


def _counts(pairs: Iterable[tuple[bool, bool]]) -> dict[str, float]:
    tp = fp = fn = 0
    for truth, predicted in pairs:
        tp += truth and predicted
        fp += predicted and not truth
        fn += truth and not predicted
    return {
        "precision": _ratio(tp, tp + fp),
        "recall": _ratio(tp, tp + fn),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def score_labelled(rows: Iterable[Mapping]) -> dict:
    """Precision and recall of "not calm" detection, overall and per category.

    A sentence is predicted not calm when ``check_tone`` returns any flag; it is predicted
    to be in a category when any flag has that category. Returns
    ``{"n", "precision", "recall", "tp", "fp", "fn", "categories": {cat: {...}}, "misses"}``
    where ``misses`` lists the sentences the check got wrong overall.
    """
    rows = list(rows)
    truth_calm, predicted_calm = [], []
    truth_cats, predicted_cats = [], []
    misses = []
    for row in rows:
        flags = check_tone(row["sentence"])
        found = {f.category for f in flags}
        truth_calm.append(not row["calm"])
        predicted_calm.append(bool(flags))
        truth_cats.append(set(row.get("categories", [])))
        predicted_cats.append(found)
        if bool(flags) == row["calm"] or found != set(row.get("categories", [])):
            misses.append(
                {
                    "sentence": row["sentence"],
                    "expected": sorted(row.get("categories", [])),
                    "found": sorted(found),
                }
            )
    result = {"n": len(rows), **_counts(zip(truth_calm, predicted_calm, strict=True))}
    result["categories"] = {
        cat: _counts(
            (cat in truth, cat in predicted)
            for truth, predicted in zip(truth_cats, predicted_cats, strict=True)
        )
        for cat in CATEGORIES
    }
    result["misses"] = misses
    return result
