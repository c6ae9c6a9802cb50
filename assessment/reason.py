"""The skill that the employer's stated reason (``Rejection.reason_given``) points at.

Employers rarely criticise in the reason they give; they compare: "we went with a candidate
with more SQL experience". The feedback reader reads that sentence as the fit factor
``other_candidate`` only, which is right about the decision and silent about the skill. So
:func:`skill_in_reason` reads the reason in two ways, in this order:

1. **A comparative phrase** (the rule of this module): "more / stronger / deeper / greater /
   broader / better / wider / more relevant ..." followed by up to four words of topic and
   "experience / skills / knowledge / background / expertise / exposure / understanding"
   ("more SQL experience", "stronger stakeholder management skills"), or the same words the
   other way round with "in / with / of / around / to" ("deeper knowledge of Python", "a
   stronger background in system design"). The earliest such phrase with a known topic wins.
   What the other candidate had more of is what the employer found the user to have less of.
   The topic is mapped to a skill:

   - a named technical topic (:data:`TECHNICAL_TOPICS`, plus every technology the reader's
     lexicon names for role knowledge, such as SQL, Python or Excel) is **role knowledge**,
     "system design" included: in a reason it names an area of the job's core skills, even
     though the reader reads "system design" in feedback as problem solving;
   - otherwise the reader's lexicon (``assessment/reading/lexicon.py``, its cues, topic
     phrases and topic words, not its weak topics) decides, in the skills' order
     ("leadership" is collaboration, "communication" is communication);
   - a comparative without a topic ("a candidate with more experience") points at no skill.

2. **The feedback reader** (:func:`assessment.reading.reader.read_feedback`): the first skill
   it reads as a concern in the reason ("your SQL was not deep enough").

The phrase is kept as the user typed it (from "a candidate with ..." when the sentence names
one) so the Results page can show why a skill comes first: ``they said: "a candidate with more
SQL experience"``. It is the user's own text: show it as text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from assessment.reading.lexicon import SKILL_LEXICON
from assessment.reading.reader import read_feedback
from assessment.skills import SKILL_KEYS

# Technical topics that, named in a reason, are the job's core skills (role knowledge), on top
# of the technologies the reader's lexicon already lists for role knowledge.
TECHNICAL_TOPICS: tuple[str, ...] = (
    r"system(s)? design",
    r"software (design|architecture|engineering)",
    r"architecture",
    r"data (engineering|analysis|analytics|science|warehous\w*|pipelines?|visuali[sz]ation)",
    r"analytics",
    r"databases?",
    r"cloud",
    r"devops",
    r"back[- ]?end",
    r"front[- ]?end",
    r"programming",
    r"coding",
    r"technical",
    r"hands[- ]on",
    r"domain",
    r"industry",
    r"sector",
    r"c\+\+|c#|golang|rust|scala|spark|hadoop|snowflake|dbt|looker|pandas|linux|git",
)

_COMPARATIVE = r"(?:more(?: extensive| relevant| direct| practical)?|stronger|deeper|greater|broader|better|wider)"
_NOUN = r"(?:experience|skills?|knowledge|background|expertise|exposure|understanding)"
_LEAD = (
    r"(?:(?:an?|another|the|other|one)\s+)?"
    r"(?:candidates?|applicants?|someone|somebody|people|person|individuals?)\s+"
    r"(?:with|(?:who\s+|that\s+)?(?:had|has|have|brought|showed|offered))\s+"
    r"(?:(?:a|an|much|far|lot|significantly|slightly|somewhat|bit|little)\s+)*"
)
_STOP = r"(?:than|who|which|that|for|to|and|or|but|so|because|as|at|on|we|they|you|in)"
_WORD = r"(?:[^\s.,;:!?()\"]|\.(?=[^\s.]))+"  # a dot only inside a word ("node.js")
# "more SQL experience": comparative, up to four topic words, noun.
_TOPIC_FIRST = re.compile(
    rf"(?:{_LEAD})?\b{_COMPARATIVE}\s+(?P<topic>(?:(?!{_STOP}\b){_WORD}\s+){{1,4}}?){_NOUN}\b",
    re.IGNORECASE,
)
# "deeper knowledge of Python": comparative, noun, preposition, up to four topic words.
_NOUN_FIRST = re.compile(
    rf"(?:{_LEAD})?\b{_COMPARATIVE}\s+(?:\w+\s+){{0,2}}?{_NOUN}\s+(?:in|with|of|around|to)\s+"
    rf"(?:the\s+|a\s+|an\s+)?(?P<topic>(?!{_STOP}\b){_WORD}(?:\s+(?!{_STOP}\b){_WORD}){{0,3}})",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ReasonPointer:
    """The skill a stated reason points at and the words it was read from."""

    key: str
    phrase: str


def _fragments(key: str) -> tuple[str, ...]:
    parts = SKILL_LEXICON.get(key, {})
    return (
        *parts.get("+", ()),
        *parts.get("-", ()),
        *parts.get("topic_phrases", ()),
        *parts.get("topic_words", ()),
    )


def _bounded(fragments: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(fragments) + r")(?!\w)")


_TECHNICAL = _bounded(TECHNICAL_TOPICS + SKILL_LEXICON["role_knowledge"]["topic_words"])
_BY_SKILL = tuple((key, _bounded(_fragments(key))) for key in SKILL_KEYS if _fragments(key))


def topic_skill(topic: str) -> str | None:
    """The skill a topic ("SQL", "stakeholder management") names, or None."""
    text = " ".join(topic.lower().split())
    if not text:
        return None
    if _TECHNICAL.search(text):
        return "role_knowledge"
    for key, pattern in _BY_SKILL:
        if pattern.search(text):
            return key
    return None


def _comparative(text: str) -> ReasonPointer | None:
    found = []
    for pattern in (_TOPIC_FIRST, _NOUN_FIRST):
        for match in pattern.finditer(text):
            key = topic_skill(match.group("topic"))
            if key is not None:
                found.append((match.start(), key, match.group(0)))
                break
    if not found:
        return None
    _, key, phrase = min(found)
    return ReasonPointer(key, " ".join(phrase.split()))


@functools.lru_cache(maxsize=512)
def skill_in_reason(reason_given: str) -> ReasonPointer | None:
    """The skill the employer's stated reason points at, with the phrase; None if none."""
    if not reason_given or not reason_given.strip():
        return None
    pointer = _comparative(reason_given)
    if pointer is not None:
        return pointer
    for finding in read_feedback(reason_given):
        if finding.key in SKILL_KEYS and finding.polarity < 0:
            return ReasonPointer(finding.key, " ".join((finding.cue or finding.quote).split()))
    return None
