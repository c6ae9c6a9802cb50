"""Concrete, skill-specific exercises for the ``shore_up`` and ``practice_pitch`` steps.

Every skill of ``domain.md`` has one exercise to shore it up and one way to answer for it in a
pitch. Time estimates are for one honest sitting, not a best case.

Where the interviewer's words name a topic (:data:`TOPICS`: "SQL", "window functions",
"stakeholder management", "quantified impact"...), the exercise is about that topic
(:data:`SHORE_UP_ON_TOPIC`, filled with the topics found, in the order they were named).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Exercise:
    text: str
    minutes: int


@dataclass(frozen=True)
class Topic:
    """A topic an interviewer (or the user) can name, the skill it belongs to, and the regular
    expressions (lower case, matched at word starts) that find it in a sentence."""

    name: str
    skill: str
    patterns: tuple[str, ...]


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

# Topics named in feedback, found by :func:`assessment.plan.strategies.topics_in`. The name is how
# the plan writes it; longer topics come before the shorter ones they contain.
TOPICS: tuple[Topic, ...] = (
    Topic("SQL", "role_knowledge", (r"sql\b", r"postgres", r"mysql\b")),
    Topic("window functions", "role_knowledge", (r"window functions?\b",)),
    Topic("joins", "role_knowledge", (r"(inner |outer |left |right |self )?joins\b",)),
    Topic("Python", "role_knowledge", (r"python\b", r"pandas\b")),
    Topic("Excel", "role_knowledge", (r"excel\b", r"spreadsheets?\b")),
    Topic("Tableau", "role_knowledge", (r"tableau\b",)),
    Topic("Power BI", "role_knowledge", (r"power ?bi\b",)),
    Topic("statistics", "role_knowledge", (r"statistic", r"hypothesis test")),
    Topic("A/B testing", "role_knowledge", (r"a/b test", r"experiment design")),
    Topic("data modelling", "role_knowledge", (r"data modell?ing", r"data models?\b")),
    Topic("dashboards", "role_knowledge", (r"dashboards?\b",)),
    Topic("machine learning", "role_knowledge", (r"machine learning", r"\bml\b")),
    Topic("system design", "problem_solving", (r"systems? design",)),
    Topic("algorithms", "role_knowledge", (r"algorithms?\b", r"data structures\b")),
    Topic("coding", "role_knowledge", (r"coding\b", r"live code")),
    Topic("cloud", "role_knowledge", (r"cloud\b", r"aws\b", r"azure\b", r"gcp\b")),
    Topic("financial modelling", "role_knowledge", (r"financial modell?ing",)),
    Topic("stakeholder management", "collaboration", (r"stakeholder",)),
    Topic("leadership", "collaboration", (r"leadership", r"leading (a |the )?teams?\b")),
    Topic("conflict", "collaboration", (r"conflicts?\b", r"disagreements?\b")),
    Topic(
        "quantified impact", "evidence", (r"quantif", r"numbers\b", r"metrics?\b", r"measurable")
    ),
    Topic("trade-offs", "problem_solving", (r"trade[- ]?offs?\b",)),
    Topic("edge cases", "problem_solving", (r"edge cases?\b", r"corner cases?\b")),
    Topic(
        "structured answers",
        "communication",
        (r"rambl", r"structured? (your |the )?answers?", r"concise"),
    ),
    Topic("presenting", "communication", (r"present(ing|ation)", r"public speaking")),
    Topic("company research", "preparation", (r"research", r"our (company|product|customers)")),
    Topic("why this role", "motivation", (r"why (this|the) (role|company)", r"why us\b")),
    Topic("nerves", "composure", (r"nerv", r"anxious")),
)

# The exercise for a skill when the interviewer's words named ``{topics}`` (and ``{topic}``,
# the first of them).
SHORE_UP_ON_TOPIC: dict[str, str] = {
    "communication": "Pick three questions from this interview and practise {topics}: answer each "
    "aloud in under two minutes as point, reason, example, point. Record yourself, play it back, "
    "and redo any answer that ran over or lost its point.",
    "role_knowledge": "Do two hands-on sessions in {topics}: work through a tutorial chapter with "
    "its exercises, then solve three practice problems of the kind the job uses, on a small "
    "public data set or task of your own. Write five lines on what you can do in {topic} now "
    "that you could not do before.",
    "problem_solving": "Work through two practice problems with a focus on {topics}. Before "
    "solving, say out loud the goal, the constraints and two possible approaches with their "
    "trade-offs; only then choose one and explain why.",
    "evidence": "Rewrite two of your stories as situation-action-result with {topics}: a number "
    'in each result (time saved, money, users, errors, size of the team). Say "I" for what '
    "you did yourself, and keep each story under two minutes.",
    "preparation": "For your next application, spend an hour on {topics}: the company's product "
    "and customers, recent news, and the team's other job ads. Write down three sharp "
    "questions the website does not answer.",
    "collaboration": "Write two short stories about {topics}: one where you led or influenced "
    "people without being their manager, and one where you worked through a disagreement. In "
    "each, name what you owned and how it ended.",
    "motivation": "Write a 60-second answer on {topics} that links one thing you care about to one "
    "specific thing about the company. Rewrite it for your next application before you send it.",
    "composure": "Do one mock interview with a friend, or record yourself, working on {topics}: "
    "the two questions you dread most, answered slowly, with a deliberate pause before each "
    "answer. Note one thing that helped you stay calm and use it next time.",
}
