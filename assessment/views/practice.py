"""What the Practise page shows: the drill aimed at a skill, the checklist and suggestions of
an answer, the story form's prefill, the practice log and the counts per skill.

A drill is :data:`DRILL_LENGTH` questions for one skill: the question about the topic the
interviewer named for that skill first (``strategies.topics_in`` of their words), then the
bank's questions, those answered least often (and longest ago) first, so a repeat drill gets
new ones. The words come from :mod:`assessment.practice.texts`; the items from
:func:`assessment.reading.answers.check_answer`, which this module only presents.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assessment.models import Drill, Rejection, Story
from assessment.plan import strategies
from assessment.practice import texts
from assessment.practice.bank import PracticeCounts
from assessment.practice.questions import (
    question_id,
    questions_for,
    topic_question,
    topic_question_id,
)
from assessment.reading.answers import LONG_SECONDS, SHORT_WORDS, AnswerCheck
from assessment.reading.sentences import message_sentences
from assessment.skills import SKILL_KEYS, SKILL_NAMES

DRILL_LENGTH = 3
NO_DRILLS = texts.NO_DRILLS
QUOTE_CHARS = 160  # a quoted part of the answer is cut after this many characters
CHECK_ITEMS = ("situation", "action", "result", "result_number")


@dataclass(frozen=True)
class DrillQuestion:
    """One question of a drill: its id (``Drill.question_id``), text, what a strong answer
    shows, whether it is answered with a story, and the topic it is about (or "")."""

    id: str
    text: str
    strong: str
    story: bool = True
    topic: str = ""


@dataclass(frozen=True)
class Row:
    """One checklist row: its label, whether the answer has it, the plain explanation and the
    answer's own words it is about ("" when none)."""

    key: str
    label: str
    met: bool
    explanation: str
    words: str = ""


@dataclass(frozen=True)
class Suggestion:
    """One change to try, and the part of the answer it is about."""

    key: str
    text: str
    quote: str


@dataclass(frozen=True)
class Params:
    """The page's query parameters, read: the skill (None when absent or unknown), whether to
    open the story form, and the warnings to show."""

    skill: str | None = None
    new_story: bool = False
    warnings: tuple[str, ...] = ()


# ---- query parameters and defaults ------------------------------------------------------


def default_skill(rejection: Rejection | None) -> str:
    """The skill a drill starts on: the rejection's first interviewer concern (a rating of 1-2,
    else a kept concern), in the skills' order; else the first skill."""
    if rejection is not None:
        ratings = rejection.feedback.ratings
        for key in SKILL_KEYS:
            if ratings.get(key) is not None and ratings[key] <= 2:
                return key
        concerns = {f.key for f in rejection.feedback.findings if f.polarity < 0}
        for key in SKILL_KEYS:
            if key in concerns:
                return key
    return SKILL_KEYS[0]


def read_params(params: Mapping[str, str], rejection: Rejection | None = None) -> Params:
    """``?skill=<key>`` and ``&story=new``; anything else there is ignored with a warning that
    never repeats what was typed."""
    warnings: list[str] = []
    skill = params.get("skill")
    if skill is not None and skill not in SKILL_KEYS:
        fallback = SKILL_NAMES[default_skill(rejection)]
        warnings.append(texts.UNKNOWN_SKILL.format(skill=fallback))
        skill = None
    story = params.get("story")
    if story is not None and story != "new":
        warnings.append(texts.UNKNOWN_STORY)
    return Params(skill=skill, new_story=story == "new", warnings=tuple(warnings))


# ---- the drill ---------------------------------------------------------------------------


def topic_of(rejection: Rejection | None, skill: str) -> str:
    """The first topic the interviewer's words for ``skill`` name ("SQL"), or ""."""
    if rejection is None:
        return ""
    found = strategies.topics_in(strategies.interviewer_words(rejection, skill), skill)
    return found[0] if found else ""


def concern_name(rejection: Rejection | None, skill: str) -> str:
    """What the concern is called: the topic when there is one, else the skill's name."""
    return topic_of(rejection, skill) or SKILL_NAMES.get(skill, skill)


def _bank(skill: str) -> list[DrillQuestion]:
    return [
        DrillQuestion(question_id(skill, q), q.text, q.strong, q.story)
        for q in questions_for(skill)
    ]


def _topic(skill: str, topic: str) -> DrillQuestion:
    q = topic_question(topic)
    return DrillQuestion(topic_question_id(skill, topic), q.text, q.strong, q.story, topic)


def drill_questions(
    skill: str, topic: str = "", drills: Sequence[Drill] = (), count: int = DRILL_LENGTH
) -> list[DrillQuestion]:
    """The questions of a new drill on ``skill``: the ``topic`` question first when there is a
    topic, then the bank's, least answered first (of ``drills``, oldest first), then the ones
    answered longest ago, then in the bank's order."""
    answered: dict[str, tuple[int, int]] = {}  # id: (times answered, when last)
    for position, drill in enumerate(drills):
        if drill.question_id:
            times, _ = answered.get(drill.question_id, (0, -1))
            answered[drill.question_id] = (times + 1, position)
    bank = sorted(
        enumerate(_bank(skill)),
        key=lambda pair: (*answered.get(pair[1].id, (0, -1)), pair[0]),
    )
    chosen = [_topic(skill, topic)] if topic else []
    chosen += [q for _, q in bank]
    return chosen[:count]


def drill_from_ids(skill: str, topic: str, ids: Sequence[str]) -> list[DrillQuestion] | None:
    """The drill whose questions have ``ids`` (a draft's), or None when one is not a question
    of this skill (and topic) any more."""
    known = {q.id: q for q in _bank(skill)}
    if topic:
        known[topic_question_id(skill, topic)] = _topic(skill, topic)
    if not ids or any(i not in known for i in ids):
        return None
    return [known[i] for i in ids]


# ---- the checklist and suggestions -------------------------------------------------------


def quote(words: str, limit: int = QUOTE_CHARS) -> str:
    """Words of the answer on one line, cut at a word after ``limit`` characters."""
    line = " ".join(words.split())
    if len(line) <= limit:
        return line
    return line[:limit].rsplit(" ", 1)[0] + " \u2026"


def spoken_time(seconds: int) -> str:
    """About how long an answer takes to say: "40 seconds", "1 minute 30 seconds"."""
    minutes, rest = divmod(max(seconds, 0), 60)
    parts = []
    if minutes:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    if rest or not minutes:
        parts.append(f"{rest} second{'s' if rest != 1 else ''}")
    return " ".join(parts)


def _sentences(answer: str) -> list[str]:
    return [answer[a:b] for a, b in message_sentences(answer)]


def _sentence_with(answer: str, words: str) -> str:
    """The sentence of ``answer`` holding ``words`` (case-insensitive), else ``words``."""
    for sentence in _sentences(answer):
        if words.lower() in sentence.lower():
            return sentence
    return words


def _too_short(check: AnswerCheck, story: bool) -> bool:
    return story and check.words < SHORT_WORDS


def _too_long(check: AnswerCheck) -> bool:
    return check.seconds > LONG_SECONDS


def checklist(check: AnswerCheck, skill: str, answer: str = "", story: bool = True) -> list[Row]:
    """The checklist rows of one checked answer, in the order an answer is told."""
    rows = []
    for key in CHECK_ITEMS:
        item = getattr(check, key)
        label, met, missing = texts.ROWS[key]
        if key == "result_number" and not check.result.present:
            missing = texts.NO_RESULT_FOR_NUMBER
        rows.append(Row(key, label, item.present, met if item.present else missing, item.words))
    label, met, missing = texts.ROWS["ownership"]
    mine = check.ownership == "i"
    we = _sentence_with(answer, check.we_words[0]) if check.we_words else ""
    rows.append(Row("ownership", label, mine, met if mine else missing, "" if mine else we))
    label, met, missing = texts.ROWS["length"]
    figures = {"words": check.words, "time": spoken_time(check.seconds)}
    fits = not _too_short(check, story) and not _too_long(check)
    explanation = (met if fits else missing).format(**figures)
    if _too_short(check, story):
        explanation += " " + texts.SHORT_NOTE.format(short=SHORT_WORDS)
    elif _too_long(check):
        explanation += " " + texts.LONG_NOTE.format(minutes=spoken_time(LONG_SECONDS))
    rows.append(Row("length", label, fits, explanation))
    label, met, missing = texts.ROWS["hedges"]
    found = ", ".join(f"\u201c{h}\u201d" for h in check.hedges)
    rows.append(
        Row(
            "hedges",
            label,
            not check.hedges,
            missing.format(hedges=found) if check.hedges else met,
            _sentence_with(answer, check.hedges[0]) if check.hedges else "",
        )
    )
    label, met, missing = texts.ROWS["answers_question"]
    item = check.answers_question
    name = SKILL_NAMES.get(skill, skill).lower()
    if not item.present:
        rows.append(Row("answers_question", label, False, missing, item.words))
    else:
        explanation = met.format(skill=name)
        if item.words != skill:
            explanation += " " + texts.NOT_NAMED_NOTE.format(skill=name)
        rows.append(Row("answers_question", label, True, explanation))
    return rows


def suggestions(
    check: AnswerCheck, skill: str, answer: str, story: bool = True
) -> list[Suggestion]:
    """Up to :data:`texts.MAX_SUGGESTIONS` changes to try, most useful first, each quoting
    the part of ``answer`` it is about (a suggestion with no words to quote is left out)."""
    sentences = _sentences(answer)
    first = sentences[0] if sentences else answer
    last = sentences[-1] if sentences else answer
    name = SKILL_NAMES.get(skill, skill).lower()
    found: list[tuple[str, str]] = []
    if not check.answers_question.present:
        found.append(("answers_question", check.answers_question.words or first))
    if story and not check.situation.present:
        found.append(("situation", first))
    if not check.action.present:
        found.append(("action", first))
    if check.action.present and not check.result.present:
        found.append(("result", last))
    if check.result.present and not check.result_number.present:
        found.append(("result_number", check.result.words))
    if check.we_words and check.ownership != "i":
        found.append(("ownership", _sentence_with(answer, check.we_words[0])))
    if check.hedges:
        found.append(("hedges", _sentence_with(answer, check.hedges[0])))
    if _too_short(check, story):
        found.append(("short", answer))
    elif _too_long(check):
        found.append(("long", first))
    chosen = [
        Suggestion(key, texts.SUGGESTIONS[key].format(skill=name), quote(words))
        for key, words in found
        if words.strip()
    ]
    return chosen[: texts.MAX_SUGGESTIONS]


def all_there(check: AnswerCheck) -> str:
    """What to say when there is nothing to change."""
    return texts.ALL_THERE.format(time=spoken_time(check.seconds))


# ---- stories ---------------------------------------------------------------------------


def story_prefill(rejection: Rejection | None, skill: str) -> Story:
    """The story form's start from the plan: the title names the concern, the skill is
    ticked, and the story points at the rejection it was started from."""
    return Story(
        title=texts.CONCERN.format(concern=concern_name(rejection, skill)),
        skills=(skill,),
        rejection_id=rejection.id if rejection is not None else None,
    )


def skills_text(skills: Sequence[str]) -> str:
    """A story's skills by name, in the skills' order ("Evidence & examples, Composure")."""
    return ", ".join(SKILL_NAMES[k] for k in SKILL_KEYS if k in skills) or "No skill ticked"


STORY_PARTS = (("Situation", "situation"), ("Task", "task"), ("Action", "action"))


def story_parts(story: Story) -> list[tuple[str, str]]:
    """The story's parts that are filled in, labelled, in the order they are told."""
    parts = [(label, getattr(story, field)) for label, field in STORY_PARTS]
    parts.append(("Result", story.result))
    return [(label, text) for label, text in parts if text.strip()]


def story_answer(story: Story) -> str:
    """A story as the starting point of an answer: its parts as paragraphs."""
    return "\n\n".join(text.strip() for _, text in story_parts(story))


def no_stories(rejection: Rejection | None, skill: str) -> str:
    return texts.NO_STORIES.format(concern=concern_name(rejection, skill))


def no_stories_for(skill: str) -> str:
    return texts.NO_STORIES_FOR_SKILL.format(skill=SKILL_NAMES[skill])


# ---- the practice log and counts ---------------------------------------------------------


def _present(checklist_data: Mapping, key: str) -> bool | None:
    item = checklist_data.get(key)
    if isinstance(item, Mapping) and isinstance(item.get("present"), bool):
        return item["present"]
    return None


def checklist_summary(checklist_data: Mapping) -> tuple[str, str]:
    """What a kept drill's checklist had and what it still lacked, in words:
    ("situation, action", "result, a number")."""
    names = {
        "situation": "situation",
        "action": "what you did",
        "result": "result",
        "result_number": "a number",
    }
    has = [names[k] for k in CHECK_ITEMS if _present(checklist_data, k) is True]
    lacks = [names[k] for k in CHECK_ITEMS if _present(checklist_data, k) is False]
    if checklist_data.get("ownership") in ("we", "mixed"):
        lacks.append("your part (\u201cI\u201d)")
    if checklist_data.get("hedges"):
        lacks.append("fewer hedges")
    return ", ".join(has), ", ".join(lacks)


def log_rows(drills: Sequence[Drill]) -> list[dict]:
    """The practice log: one row per kept drill, newest first, with its checklist summary."""
    rows = []
    for drill in reversed(drills):
        data = drill.checklist if isinstance(drill.checklist, Mapping) else {}
        has, lacks = checklist_summary(data)
        rows.append(
            {
                "Date": drill.practised_on,
                "Skill": SKILL_NAMES.get(drill.skill, drill.skill),
                "Question": drill.question,
                "Had": has,
                "To add next time": lacks,
            }
        )
    return rows


def count_rows(counts: Mapping[str, PracticeCounts]) -> list[dict]:
    """Per skill practised (a story, a drill or a re-rating): how much and when."""
    return [
        {
            "Skill": SKILL_NAMES[key],
            "Stories": c.stories,
            "Drills": c.drills,
            "Last practised": c.last_practised_on,
            "Latest re-rating": c.latest_rating,
        }
        for key, c in counts.items()
        if key in SKILL_NAMES and (c.stories or c.drills or c.reratings)
    ]


def rerate_note(rejection: Rejection | None, skill: str) -> str:
    """What the user said of the skill before practising, for the re-rating."""
    before = rejection.self_ratings.get(skill) if rejection is not None else None
    name = SKILL_NAMES[skill]
    if before is None:
        return f"How would you rate your {name.lower()} now, from 1 (weak) to 5 (strong)?"
    return (
        f"After this rejection you rated your {name.lower()} {before}. After practising, how "
        "would you rate it now?"
    )


# ---- the draft of an answer being typed ---------------------------------------------------


def draft_fields(skill: str, ids: Sequence[str], index: int, answer: str) -> dict:
    """The practice draft's fields (JSON-ready)."""
    return {"skill": skill, "questions": list(ids), "index": index, "answer": answer}


def draft_from_json(data: object) -> dict | None:
    """A stored practice draft's fields, or None when it is not one."""
    if not isinstance(data, dict) or set(data) != {"skill", "questions", "index", "answer"}:
        return None
    skill, ids, index, answer = (data[k] for k in ("skill", "questions", "index", "answer"))
    if skill not in SKILL_KEYS or not isinstance(answer, str):
        return None
    if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
        return None
    if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(ids):
        return None
    return draft_fields(skill, ids, index, answer)
