"""The answer checker: a practice answer read into a short checklist, offline and explained.

``check_answer(question_skill, answer)`` reads an interview answer the user typed and says,
item by item, what it has and what it lacks: a situation (a concrete time, place, role or
project), an action (what the speaker did, or would do, in their own words), a result (an
outcome of those actions) and whether that result carries a number; whether the speaker says
"I" or leans on "we"; its length and the time it takes to say at a normal pace; the hedges and
fillers it holds; and whether it answers the skill the question is for (with the feedback
reader's vocabulary). Every item keeps the words it was read from, so a suggestion can quote
the part of the answer it is about. It is deterministic and never grades: the page turns it
into a checklist and two or three suggestions.

``docs/corpus_answers.md`` is the labelling guide these rules follow; the real answers in
``tests/data/real_answers/`` measure them (``python benchmarks/answer_eval.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assessment.reading.reader import read_feedback
from assessment.reading.sentences import message_sentences

WORDS_PER_MINUTE = 150  # a normal speaking pace for an interview answer
SHORT_WORDS = 40  # under this, an answer to a "tell me about a time" question is thin
LONG_SECONDS = 150  # over two and a half minutes, an interviewer's attention drifts

_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f][\w'\u2019-]*")

# ---- situation -------------------------------------------------------------------------------
_SITUATION = re.compile(
    r"(?i)\b(?:at|in|during) my (?:previous|last|current|former|first|old|prior|summer|"
    r"most recent)\b|\bin my (?:role|time|position|job|work|internship|last role) (?:as|at|with)\b"
    r"|\b(?:when|while) (?:i|we) (?:was|were|worked|working|had|led|joined|started)\b"
    r"|\b(?:last|this past|earlier this|one) (?:year|month|summer|quarter|semester|week|time)\b"
    r"|\b(?:a few|two|three|several|some) (?:years|months|weeks) ago\b"
    r"|\b(?:early|earlier|later) in my career\b|\bonce,|\bi once\b"
    r"|\bin (?:19|20)\d\d\b"
    r"|\bi(?:'ve| have)? (?:been )?work(?:ed|ing) (?:as|at|in|for|on)\b"
    r"|\bi (?:was|am) (?:a|an|the) [\w -]{0,40}?(?:at|in|for|on)\b"
    r"|\bas (?:a|an|the) [\w -]{0,40}?(?:at|in|for),? i\b"
    r"|\b(?:our|my|the) (?:team|company|project|client|manager|department) "
    r"(?:was|were|had|faced|needed|asked)\b"
    r"|\b(?:situation|background|context|problem|challenge)\s*:"
    r"|\bmy (?:last|previous|current|former|old|recent) (?:job|role|boss|manager|company|team|"
    r"employer|position|project|internship|workplace|supervisor)\b"
    r"|\b(?:in|on|during) my (?:recent|final|first|second|third|last) (?:year|project|internship|"
    r"role|job|semester|term)\b|\bwhen (?:studying|working|i took over|i joined|i started)\b"
    r"|\bi (?:worked|work) (?:with|for|alongside) (?:a|an|the|my)\b|\bmy (?:co-?worker|colleague|"
    r"teammate|team lead|client|customer)s? (?:was|were|had|did|didn|wanted|refused|asked)"
    r"|\bi was (?:given|appointed|asked|tasked|called on|hired|promoted|on a team|part of)\b"
    r"|\bi recall\b|\bthis year\b|\bafter (?:school|college|university|graduating)\b"
    r"|\byears of experience\b|\b(?:that|where) i work(?:ed)? (?:for|at)\b"
)

# ---- actions ---------------------------------------------------------------------------------
# A first-person verb of doing: "I reassigned", "I set up", "I would summarise", "I'd bring".
_NOT_ACTIONS = (
    r"was|were|am|is|felt|feel|think|thought|believe|believed|hope|hoped|guess|know|knew|"
    r"like|liked|love|loved|want|wanted|wish|enjoy|enjoyed|mean|have|had|has|see|saw|"
    r"found|find|realised|realized|learned|learnt|understood|understand|appreciate|"
    r"appreciated|can't|cannot|couldn't|don't|didn't|won't|would|will|'d|'m|'ve|'ll|"
    r"always|usually|never|also|really|just|still|then|may|might|must|should|could|can|"
    r"hated|worked|applied|used|studied|gained|followed|seemed|tended|needed|started|"
    r"preferred|wished|lacked|missed|failed|struggled|got upset|sometimes|"
    r"[a-z]+(?:\u2019|')(?:m|ve|ll|re)"
)
_ACTION = re.compile(
    r"(?i)\b(?P<who>i|we)(?:['\u2019]d)?(?:\s+(?:then|quickly|immediately|first|also|personally|finally|"
    r"carefully|proactively|eventually|decided to|started to|began to|chose to|offered to|"
    r"took the initiative to|would|will|'d|\u2019d))*\s+"
    r"(?!(?:" + _NOT_ACTIONS + r")\b)(?!set (?:a|my|myself|the) (?:personal )?goals?\b)"
    r"(?P<verb>[a-z]{3,}ed|(?:set|built|led|made|"
    r"ran|wrote|took|gave|met|sent|began|brought|spoke|sought|taught|held|kept|put|bought|sold|"
    r"told|spent|left|went|did|fought|caught|stood|rewrote|drew|flew|grew|threw|hired|"
    r"chose|drove|got|cut|won|broke|rebuilt|organi[sz]ed|created|designed|proposed|suggested|"
    r"reached|called|asked|scheduled|spoke|listened|explained|presented|prioriti[sz]ed|"
    r"reassigned|identified|analy[sz]ed|implemented|introduced|developed|launched|"
    r"negotiated|trained|coached|mentored|worked|volunteered|researched|reviewed|read|"
    r"tested|fixed|solved|found|contacted|arranged|requested|informed|apologi[sz]ed|"
    r"corrected|summari[sz]e|bring|ask|explain|listen|start|check|break|prioriti[sz]e|"
    r"contact|schedule|set|make|take|talk|call|look|review|write|build|create|use|try|"
    r"focus|gather|meet|offer|work|plan|identify|document|share|follow|reach|research|"
    r"prepare|learn|read|test|fix|apologi[sz]e|escalate|delegate|propose|suggest|present)\b)"
)
_HEADING_ACTION = re.compile(r"(?i)\b(?:action|actions|what i did|approach)\s*:")

# ---- results ---------------------------------------------------------------------------------
_RESULT = re.compile(
    r"(?i)\bas a result\b|\bresult(?:ed|ing)? in\b|\bthe result (?:was|is)\b|\bresult\s*:"
    r"|\bled to\b|\bleading to\b|\bin the end\b|\bultimately\b|\beventually\b|\bend(?:ed)? up\b"
    r"|\boutcome\b|\bthanks to (?:this|that|these)\b|\bwhich (?:meant|helped|allowed|saved)\b"
    r"|\b(?:increas|reduc|decreas|improv|boost|cut|sav|grew|grow|rais|lower|doubl|tripl|"
    r"halv)(?:ed|ing)? (?:\w+ ){0,4}(?:by|from|to|in)\b"
    r"|\b(?:delivered|completed|finished|launched|shipped|submitted) (?:\w+ ){0,3}"
    r"(?:on time|early|ahead|successfully|within)\b"
    r"|\bsuccessful(?:ly)?\b|\b(?:we|i|the team|the client|they) (?:won|hit|met|exceeded|"
    r"achieved|secured|landed|closed|signed|retained)\b|\b(?:was|were) (?:praised|promoted|"
    r"recognised|recognized|adopted|approved|accepted|resolved|solved|fixed)\b"
    r"|\bit worked\b|\bthe (?:client|customer|manager|team) was (?:happy|pleased|satisfied|"
    r"impressed|delighted)\b|\b(?:our|my|the) (?:working )?relationship improved\b"
    r"|\b(?:was|were|got) (?:\w+ )?(?:delivered|completed|finished|shipped|launched) "
    r"(?:on time|early|ahead)|\b(?:is|are) still (?:in use|used|running)\b"
    r"|\b(?:found|find) (?:it|them) (?:much |far |a lot )?(?:easier|faster|better|simpler|"
    r"clearer)\b|\b(?:was|were) able to\b|\bmanaged to\b|\bgot (?:approval|the go-ahead|"
    r"buy-in|agreement)\b|\b(?:they|he|she|the (?:client|customer|manager|vendor|team|"
    r"director|panel|board)) (?:agreed|accepted|approved|thanked|adopted|loved|praised)\b"
    r"|\bwithin (?:\w+ ){1,2}(?:days|weeks|months|hours)\b|\b(?:i|we) (?:mastered|passed|"
    r"cleared|completed)\b|\bpaid off\b|\bmade a (?:big |real |huge )?difference\b"
    r"|\b(?:which|that) (?:is|was) (?:still )?(?:used|adopted|in use)\b"
    r"|\btook (?:us|me|them|the team) (?:only|just)\b"
)
_NUMBER = re.compile(
    r"(?i)\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|forty|fifty|hundred|thousand|million|billion|half|double|doubled|twice|"
    r"tripled|dozen|a few (?:days|weeks|months|hours)|(?:a|an) (?:day|week|month|year|hour|"
    r"quarter|fortnight))\b|%|percent|\$|£|€"
)

# ---- ownership ------------------------------------------------------------------------------
_I = re.compile(r"(?i)\b(?:i|i'm|i've|i'd|i\u2019m|i\u2019ve|i\u2019d|my|me|myself)\b")
_WE = re.compile(r"(?i)\b(?:we|we're|we've|we'd|we\u2019re|we\u2019ve|our team|the team)\b")

# ---- hedges and fillers -------------------------------------------------------------------
# Phrases counted wherever they stand, and the ones that count only in a given position
# ("well" opening a sentence, "just" as a minimiser). Lower-case; curly apostrophes allowed.
_APOSTROPHE = r"['\u2019]"
HEDGES: tuple[str, ...] = (
    r"i think",
    r"i guess",
    r"i suppose",
    r"i feel like",
    r"i hope",
    r"maybe",
    r"perhaps",
    r"probably",
    r"pretty sure",
    r"pretty",
    r"sort of",
    r"kind of",
    r"kinda",
    r"i wouldn" + _APOSTROPHE + r"t say",
    r"i mean",
    r"you know",
    r"basically",
    r"literally",
    r"um+",
    r"uh+",
    r"er+m*",
    r"ah+",
    r"hm+",
    r"let me see",
    r"let" + _APOSTROPHE + r"s see",
)
_HEDGE = re.compile(r"(?i)(?<![\w'\u2019])(?:" + "|".join(HEDGES) + r")(?![\w'\u2019])")
# "kind of" / "sort of" meaning "type of" ("what kind of role") are not hedges.
_TYPE_OF = re.compile(
    r"(?i)\b(?:what|which|the|this|that|any|every|a|one|some|same) (?:kind|sort) of\b"
)
_OPENER = re.compile(
    r"(?i)(?:^|[.!?]\s+|\n\s*)(?P<w>well|honestly|actually|so|okay|ok|right)(?=[,\s])"
)
_OPENER_HEDGES = frozenset({"well", "honestly", "actually"})
_MINIMISER = re.compile(
    r"(?i)\b(?:just (?:a (?:tiny |little )?bit|a little|tried|sort of|kind of))\b"
    r"|\b(?:can" + _APOSTROPHE + r"?t|couldn" + _APOSTROPHE + r"t) really\b"
)

# ---- does it answer the question -------------------------------------------------------------
_NON_ANSWER = re.compile(
    r"(?i)\b(?:can"
    + _APOSTROPHE
    + r"?t|cannot|couldn"
    + _APOSTROPHE
    + r"t|don"
    + _APOSTROPHE
    + r"?t) (?:really )?(?:think of|recall|remember) (?:a|an|any)\b"
    r"|\bi (?:don" + _APOSTROPHE + r"?t|do not) (?:really )?(?:have|make) (?:any|many|a) "
    r"(?:weakness|weaknesses|mistakes|failures|conflicts?)\b"
    r"|\bi (?:don" + _APOSTROPHE + r"?t|do not) (?:really )?know (?:very much|much|anything|a lot)"
    r"(?: else| about)?\b|\bi (?:think i )?know (?:just )?a (?:tiny|little) bit\b"
    r"|\bi(?:" + _APOSTROPHE + r"m| am) not (?:actually |really |quite )?sure what\b"
    r"|\bi wouldn" + _APOSTROPHE + r"?t say (?:that )?i(?:" + _APOSTROPHE + r"ve| have) ever\b"
    r"|\b(?:my (?:biggest |greatest )?weakness is (?:that )?i (?:work too hard|care too much|"
    r"am a perfectionist|am too much of a perfectionist)|i(?:'m| am) a perfectionist)\b"
    r"|\bi(?:'ve|\u2019ve| have) never (?:failed|made a mistake|had a conflict|had to)\b"
    r"|\bno (?:questions|idea)\b"
)


@dataclass(frozen=True)
class Item:
    """One checklist item: whether the answer has it, and the words that show it (or a
    sentence the suggestion is about)."""

    present: bool
    words: str = ""


@dataclass(frozen=True)
class AnswerCheck:
    """What :func:`check_answer` found. ``ownership`` is "i", "we" or "mixed"."""

    situation: Item
    action: Item
    result: Item
    result_number: Item
    ownership: str
    hedges: tuple[str, ...]
    answers_question: Item
    words: int
    seconds: int
    we_words: tuple[str, ...] = field(default_factory=tuple)


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in message_sentences(text)]


def _first(pattern: re.Pattern[str], sentences: list[str]) -> str:
    for sentence in sentences:
        if pattern.search(sentence):
            return sentence.strip()
    return ""


def _actions(text: str) -> list[re.Match[str]]:
    return list(_ACTION.finditer(text))


def _ownership(actions: list[re.Match[str]], text: str) -> tuple[str, tuple[str, ...]]:
    mine = sum(1 for m in actions if m["who"].lower() == "i")
    ours = sum(1 for m in actions if m["who"].lower() == "we")
    we_words = tuple(m.group().strip() for m in actions if m["who"].lower() == "we")
    if not actions:
        # No actions: "not a we-story", unless the answer speaks of "we" only.
        if _WE.search(text) and not _I.search(text):
            return "we", we_words
        return "i", we_words
    if ours == 0:
        return "i", we_words
    if mine == 0:
        return "we", we_words
    return ("mixed" if ours >= mine / 2 else "i"), we_words


def find_hedges(text: str) -> tuple[str, ...]:
    """The hedges and fillers in ``text``, lower-cased, as they are written, each once, in the
    order they first appear."""
    found: list[tuple[int, str]] = []
    type_of = [m.span() for m in _TYPE_OF.finditer(text)]
    for match in _HEDGE.finditer(text):
        if any(s <= match.start() < e for s, e in type_of):
            continue
        found.append((match.start(), match.group().lower()))
    for match in _OPENER.finditer(text):
        if match["w"].lower() in _OPENER_HEDGES:
            found.append((match.start("w"), match["w"].lower()))
    for match in _MINIMISER.finditer(text):
        word = "just" if match.group().lower().startswith("just") else "really"
        offset = match.group().lower().index(word)
        found.append((match.start() + offset, word))
    ordered = [phrase for _, phrase in sorted(found)]
    return tuple(dict.fromkeys(ordered))  # each phrase once, in the order first met


_BEHAVIOURAL = re.compile(
    r"(?i)\b(?:tell me about|describe|give (?:me )?an example of|talk about|walk me through) "
    r"(?:a|an|one|the) (?:time|situation|occasion|moment|project|example)\b"
)


def _answers(
    skill: str, text: str, words: int, sentences: list[str], question: str, story: bool
) -> Item:
    refusal = _NON_ANSWER.search(text)
    if refusal:
        return Item(False, _first(_NON_ANSWER, sentences) or refusal.group())
    if words < 6:
        return Item(False, text.strip())
    if _BEHAVIOURAL.search(question) and not story:
        # "Tell me about a time ..." answered with no time, place or thing done.
        return Item(False, sentences[0].strip() if sentences else text.strip())
    named = {f.key for f in read_feedback(text)}
    return Item(True, skill if skill in named else "")


def check_answer(skill: str, answer: str, question: str = "") -> AnswerCheck:
    """The checklist of one practice answer to ``question``, a question for ``skill``. Never
    raises on text."""
    text = answer if isinstance(answer, str) else ""
    sentences = _sentences(text)
    words = len(_WORD.findall(text))
    actions = _actions(text)
    situation = _first(_SITUATION, sentences)
    action_words = actions[0].group().strip() if actions else ""
    if not action_words and _HEADING_ACTION.search(text):
        action_words = _first(_HEADING_ACTION, sentences)
    result = ""
    later: list[str] = []
    if actions or action_words:
        first_action = actions[0].start() if actions else 0
        later = [s for s in sentences if text.find(s) >= first_action] or sentences
        result = _first(_RESULT, later)
    number = ""
    if result:
        # Any outcome sentence after the first action may carry the number ("it took us only
        # six hours", then "finally I was able to deliver").
        outcomes = [s for s in later if _RESULT.search(s)]
        number = next((s.strip() for s in outcomes if _NUMBER.search(s)), "")
    # A shared outcome ("as a result, we saved 12 hours") is not a we-story: only what was
    # done before the outcome counts for ownership.
    outcome_spans = [(text.find(s), text.find(s) + len(s)) for s in sentences if _RESULT.search(s)]
    doing = [
        m
        for m in actions
        if m["who"].lower() == "i" or not any(a <= m.start() < b for a, b in outcome_spans)
    ]
    ownership, we_words = _ownership(doing, text)
    return AnswerCheck(
        situation=Item(bool(situation), situation),
        action=Item(bool(action_words), action_words),
        result=Item(bool(result), result),
        result_number=Item(bool(number), number),
        ownership=ownership,
        hedges=find_hedges(text),
        answers_question=_answers(
            skill, text, words, sentences, question or "", bool(situation or action_words)
        ),
        words=words,
        seconds=round(words * 60 / WORDS_PER_MINUTE),
        we_words=we_words,
    )
