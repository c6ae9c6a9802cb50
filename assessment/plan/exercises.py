"""Concrete, skill-specific exercises for the ``shore_up`` and ``practice_pitch`` steps.

Every skill of ``domain.md`` has one exercise to shore it up and one way to answer for it in a
pitch. Time estimates are for one honest sitting, not a best case.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Exercise:
    text: str
    minutes: int


SHORE_UP: dict[str, Exercise] = {
    "communication": Exercise(
        "Pick three questions from this interview. Answer each one aloud in under two minutes "
        "as point, reason, example, point. Record yourself, play it back, and redo any answer "
        "that ran over or lost its point.",
        45,
    ),
    "role_knowledge": Exercise(
        "List the three core skills the job ad asked for. Take the weakest one and do one "
        "hands-on piece of practice in it (a tutorial chapter with its exercises, or a small "
        "task you build yourself), then write five lines on what you can do now that you "
        "could not do before.",
        120,
    ),
    "problem_solving": Exercise(
        "Work through two practice problems of the kind you were asked. Before solving, say out "
        "loud the goal, the constraints and two possible approaches with their trade-offs; only "
        "then choose one and explain why.",
        60,
    ),
    "evidence": Exercise(
        "Rewrite two of your stories as situation-action-result, with a number in each result "
        '(time saved, money, users, errors, size of the team). Say "I" for what you did '
        "yourself, and keep each story under two minutes.",
        45,
    ),
    "preparation": Exercise(
        "For your next application, spend an hour on the company: its product and customers, "
        "recent news, and the team's other job ads. Write down three sharp questions you would "
        "ask them that the website does not answer.",
        60,
    ),
    "collaboration": Exercise(
        "Write two short stories: one where you led or influenced people without being their "
        "manager, and one where you worked through a disagreement. In each, name what you "
        "owned and how it ended.",
        40,
    ),
    "motivation": Exercise(
        'Write a 60-second answer to "Why this role, why us?" that links one thing you care '
        "about to one specific thing about the company. Rewrite it for your next application "
        "before you send it.",
        30,
    ),
    "composure": Exercise(
        "Do one mock interview with a friend, or record yourself: the two questions you dread "
        "most, answered slowly, with a deliberate pause before each answer. Note one thing that "
        "helped you stay calm and use it next time.",
        45,
    ),
}

# How to answer for a skill when it comes up in a pitch (completes "rehearse a short answer
# for questions on <skill>: ...").
PITCH_ANSWER: dict[str, str] = {
    "communication": "answer in three sentences (point, example, result), then stop and check "
    "they have what they need",
    "role_knowledge": "say what you know, what you are learning right now, and how quickly you "
    "picked up a similar skill before",
    "problem_solving": "state the goal, ask one clarifying question, lay out two options and say "
    "which you would choose and why",
    "evidence": "tell one story with a number in its result",
    "preparation": "mention one specific thing about the company and ask one sharp question",
    "collaboration": "use one story where you worked across people and say what you owned",
    "motivation": "say in two sentences why this role and this company, naming something "
    "specific about them",
    "composure": "pause before you answer, slow down, and rehearse until your first sentence "
    "comes easily",
}
PITCH_MINUTES = 40
