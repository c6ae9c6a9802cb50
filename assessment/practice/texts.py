"""Data only: every word the Practise page says about an answer (its checklist rows and
suggestions), the page's empty states and the story form's prefill.

The tone is a coach's, never a grade: a row says what is there and what to add next, and a
suggestion asks for one change. A part the checker did not find is "we did not spot", never
"your answer has no": on real answers it misses parts it should find (recall 0.44 to 0.85 per
part on the held-out half, docs/corpus_answers.md). Where the checker is unsure (whether the
answer shows the question's skill: the weakest of its items), the wording is a question to the
user, not a verdict. Placeholders: ``{skill}`` a skill's name, ``{words}``, ``{time}``, ``{hedges}``,
``{short}`` and ``{minutes}`` figures of the answer, ``{concern}`` a topic or skill name.
"""

from __future__ import annotations

# ---- checklist rows: (label, when it is there, when it is not) -------------------------------
ROWS: dict[str, tuple[str, str, str]] = {
    "situation": (
        "Situation",
        "You set the scene:",
        "We did not spot a situation: say when and where this happened, and what your role was.",
    ),
    "action": (
        "What you did",
        "You say what was done:",
        "We did not find what you did yourself: an \u201cI\u201d and a verb (\u201cI rewrote\u201d).",
    ),
    "result": (
        "Result",
        "You say what came of it:",
        "We did not spot a result: what changed because of what you did?",
    ),
    "result_number": (
        "A number in the result",
        "The result has a number:",
        "We did not spot a number in the result: how much, how many, how fast?",
    ),
    "ownership": (
        "Your part (\u201cI\u201d, not only \u201cwe\u201d)",
        "You speak for what you did.",
        "Part of it says \u201cwe\u201d where the interviewer wants to hear your part:",
    ),
    "length": (
        "Length",
        "{words} words, about {time} at a normal pace.",
        "{words} words, about {time} at a normal pace.",
    ),
    "hedges": (
        "Hedges and fillers",
        "None found: it sounds sure.",
        "Found {hedges}: each makes you sound less sure than you are.",
    ),
    "answers_question": (
        "Answers the question",
        "It answers the question asked.",
        "Does this answer the question? We are not sure it does. It reads:",
    ),
}
SHORT_NOTE = (
    "A story usually needs at least {short} words: the situation, what you did, the result."
)
LONG_NOTE = "That is over {minutes}: an interviewer's attention drifts; aim for about two minutes."
NOT_NAMED_NOTE = (
    "Does it show {skill}? We did not spot words that show it, so check it does."  # unsure
)
NO_RESULT_FOR_NUMBER = "Once there is a result, a number makes it stick."

# ---- suggestions: one change each, with the part of the answer it is about --------------------
SUGGESTIONS: dict[str, str] = {
    "answers_question": (
        "Does this answer the question asked? If you have no example yet, pick the closest one "
        "you have and tell it: a small real example beats none. It reads:"
    ),
    "situation": (
        "Start with the situation: when was it, where were you, what was your role? It opens with:"
    ),
    "action": (
        "Say what you did yourself, with \u201cI\u201d and a verb (\u201cI rewrote\u201d, "
        "\u201cI asked\u201d). Right now it reads:"
    ),
    "result": "Add the result: what changed because of what you did? The answer ends with:",
    "result_number": (
        "Put a number on the result if there is one: how much, how many, how fast. Your result:"
    ),
    "ownership": "Say which part was yours: \u201cwe\u201d hides what you did. For example:",
    "hedges": "Say it plainly, without the hedge: you know this. For example:",
    "short": "Say a little more: a situation, what you did and the result. All you said was:",
    "long": "Trim it to about two minutes: keep the situation to a sentence or two. It opens with:",
}
MAX_SUGGESTIONS = 3
ALL_THERE = "Every part is there. Now say it out loud once, at a normal pace: about {time}."

# ---- the page's words ---------------------------------------------------------------------
CONCERN = "The story that answers the {concern} concern"
NO_STORIES = (
    "No stories yet: write the one that answers the {concern} concern. A title and the four "
    "parts (situation, task, action, result) are all it needs; you can reuse it in any drill."
)
NO_STORIES_FOR_SKILL = "No story shows {skill} yet. Add one below, or show all skills."
NO_DRILLS = (
    "No drills yet. Answer the questions on the Drill tab and keep each one: it appears here "
    "with its date and checklist."
)
UNKNOWN_SKILL = "That link named a skill Rebound does not know, so the drill starts on {skill}."
UNKNOWN_STORY = "That link asked for a story form it could not open, so none was opened."
