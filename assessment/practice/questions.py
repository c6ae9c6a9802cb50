"""The question bank of drills: data only, in our own words.

Each skill has at least twelve interview questions; each question says what a strong answer
shows, so the drill can tell the user what to aim for before they answer. ``TOPIC_QUESTION``
turns a topic the interviewer named ("SQL", "stakeholder management") into one more question
for that skill. To add a question, add a :class:`Question` to its skill's tuple.

A drill keeps which question it answered by :func:`question_id`, a slug of the skill and the
text ("communication:tell-me-about-yourself"), so rewording a question
makes it a new one and a repeat drill can skip what was already answered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Question:
    text: str
    strong: str  # what a strong answer shows
    story: bool = True  # a "tell me about a time" question, answered with a story


Q = Question

QUESTIONS: dict[str, tuple[Question, ...]] = {
    "communication": (
        Q(
            "Tell me about yourself.",
            "A two-minute arc: where you are, one result that proves it, why this role next.",
            False,
        ),
        Q(
            "Explain a piece of your work to someone outside your field.",
            "Plain words, one picture or comparison, and a check that the listener followed.",
        ),
        Q(
            "Tell me about a time you had to give someone bad news.",
            "You said it early and plainly, listened, and agreed what happens next.",
        ),
        Q(
            "Describe a time you changed someone's mind.",
            "You understood their view first, brought evidence, and the decision moved.",
        ),
        Q(
            "Tell me about a presentation that did not go to plan.",
            "What went wrong, how you adjusted in the room, and what you do differently now.",
        ),
        Q(
            "How do you make sure people understood what you asked of them?",
            "A concrete habit: a written summary, a question back, a deadline agreed.",
            False,
        ),
        Q(
            "Tell me about a misunderstanding at work and how you cleared it up.",
            "You noticed it, named it without blame, and fixed the way you communicate.",
        ),
        Q(
            "Walk me through a report or email you wrote that people acted on.",
            "Who it was for, the one point it made, and what they did because of it.",
        ),
        Q(
            "Describe a time you had to speak up in a meeting when it was uncomfortable.",
            "The point you made, how you kept it calm and factual, and the outcome.",
        ),
        Q(
            "How would you explain our product to a new customer in one minute?",
            "Who it is for, the problem it solves, one example: short and concrete.",
            False,
        ),
        Q(
            "Tell me about a time you had to listen more than talk.",
            "What you heard that others missed, and what changed because you listened.",
        ),
        Q(
            "Describe a time you adapted your message for a different audience.",
            "The two audiences, what you changed (detail, words, format), and why it worked.",
        ),
    ),
    "role_knowledge": (
        Q(
            "Why should we hire you for this role?",
            "Two or three of the job's core skills, each backed by something you did.",
            False,
        ),
        Q(
            "What is the most important skill for this job, and how have you shown it?",
            "You name it with a reason and prove it with a recent example.",
        ),
        Q(
            "Walk me through how you would approach the first task of this role.",
            "A sensible sequence of steps using the tools and methods of the job.",
            False,
        ),
        Q(
            "Tell me about the hardest technical problem you solved in your field.",
            "The problem in a sentence, the method you chose over others, and the result.",
        ),
        Q(
            "What has changed in your field in the last year, and how have you kept up?",
            "A specific change, how you learnt it, and where you used it.",
            False,
        ),
        Q(
            "Tell me about a time your expertise stopped a mistake.",
            "What you spotted, why it mattered, and what would have happened otherwise.",
        ),
        Q(
            "Which tools do you use every day, and which one do you know best?",
            "Honest levels, with one example of going deep in the tool you know best.",
            False,
        ),
        Q(
            "Describe a time you had to learn a new skill quickly for a job.",
            "How you learnt it, how fast, and the first real thing you did with it.",
        ),
        Q(
            "What would you do in your first 90 days here?",
            "Learn, then deliver: the people you would meet, the quick win, the plan.",
            False,
        ),
        Q(
            "Tell me about a piece of work you are proud of in your field.",
            "Your own part, the standard of the work, and how it was used.",
        ),
        Q(
            "What is a common mistake people make in this role?",
            "A real pitfall named precisely, and how you avoid it in practice.",
            False,
        ),
        Q(
            "Tell me about a time you taught a colleague part of your craft.",
            "What you taught, how you checked they had it, and what they did with it.",
        ),
    ),
    "problem_solving": (
        Q(
            "Tell me about a problem you solved with no clear answer at the start.",
            "How you framed it, the options you weighed, and how you chose.",
        ),
        Q(
            "Describe a time your first approach failed.",
            "You noticed early, said why it failed, and changed course.",
        ),
        Q(
            "How would you work out why sales dropped last month?",
            "Clarifying questions, a structure of possible causes, and the data to check first.",
            False,
        ),
        Q(
            "Tell me about a decision you made with incomplete information.",
            "What you knew, what you assumed, the risk you accepted, and how it turned out.",
        ),
        Q(
            "Describe a time you found the root cause of a recurring issue.",
            "Symptoms versus cause, how you proved it, and the fix that stuck.",
        ),
        Q(
            "Tell me about a trade-off you had to make between speed and quality.",
            "Both sides named, the reason for your choice, and what you did to limit the cost.",
        ),
        Q(
            "Walk me through how you break down a large, vague task.",
            "From goal to parts to first step, with an example.",
            False,
        ),
        Q(
            "Tell me about a time you simplified something complicated.",
            "What was complex, what you removed or changed, and the effect.",
        ),
        Q(
            "Describe a time you used data to make a decision.",
            "The question, the data, what it showed, and what you decided.",
        ),
        Q(
            "Tell me about a time you spotted a problem before anyone else.",
            "The signal you noticed, how you checked it, and what you prevented.",
        ),
        Q(
            "How do you decide what to work on when everything is urgent?",
            "A clear way to prioritise, with a real example of using it.",
            False,
        ),
        Q(
            "Tell me about an edge case you caught that others missed.",
            "What the case was, how you thought of it, and what it saved.",
        ),
    ),
    "evidence": (
        Q(
            "Tell me about your greatest achievement at work.",
            "A specific situation, your own actions in the first person, and a number in the result.",
        ),
        Q(
            "Describe a project where you made a measurable difference.",
            "A before-and-after figure and the part you personally played.",
        ),
        Q(
            "Tell me about a time you went beyond what was asked.",
            "What was asked, what you added and why, and the result it had.",
        ),
        Q(
            "Give an example of a goal you set and reached.",
            "The goal with a number or date, the steps you took, and how you did against it.",
        ),
        Q(
            "Tell me about a time you improved a process.",
            "How it worked before, what you changed, and how much time, money or errors it saved.",
        ),
        Q(
            "Describe a result you are proud of and how you achieved it.",
            "Situation, your actions, and a result with a number: under two minutes.",
        ),
        Q(
            "Tell me about a time you took the initiative.",
            "What nobody had asked for, why you did it, and what came of it.",
        ),
        Q(
            "What is your most impactful project, and what was your role in it?",
            "Your part separated from the team's, with the impact you can measure.",
        ),
        Q(
            "Tell me about a time you saved your team time or money.",
            "How much, how you know, and what you did to make it happen.",
        ),
        Q(
            "Describe a time you turned around something that was going badly.",
            "Where it stood, the steps you took, and where it ended up, in numbers.",
        ),
        Q(
            "Tell me about a customer or user you helped in a way they noticed.",
            "What they needed, what you did, and how they showed it mattered.",
        ),
        Q(
            "Give an example of feedback on your work that you are proud of.",
            "Who said it, what work it was about, and the result behind it.",
        ),
    ),
    "preparation": (
        Q(
            "What do you know about our company?",
            "Products, customers and a recent piece of news, in your own words.",
            False,
        ),
        Q(
            "Why do you think this role exists in our team?",
            "A reasonable view of the team's goals and how the role serves them.",
            False,
        ),
        Q(
            "Who do you see as our main competitors, and how are we different?",
            "Two competitors named, and a real difference you can explain.",
            False,
        ),
        Q(
            "How did you prepare for this interview?",
            "Concrete steps: what you read, who you spoke to, what you practised.",
            False,
        ),
        Q(
            "What questions do you have for us?",
            "Two or three sharp questions that show you thought about the work.",
            False,
        ),
        Q(
            "What would you want to learn in your first week here?",
            "The people, products and numbers that matter for the role.",
            False,
        ),
        Q(
            "What do you think is the biggest challenge facing our industry?",
            "A specific challenge, with a view on what it means for this company.",
            False,
        ),
        Q(
            "Which of our products have you used, and what would you change?",
            "Real use, one thoughtful suggestion, and humility about what you don't know.",
            False,
        ),
        Q(
            "Tell me about a time your research before a meeting paid off.",
            "What you looked up, what it let you do in the meeting, and the outcome.",
        ),
        Q(
            "What did you find out about this team before applying?",
            "Facts from public sources or people, used to explain your interest.",
            False,
        ),
        Q(
            "How does this role fit with what you read in the job description?",
            "The two or three requirements you match, each with an example.",
            False,
        ),
        Q(
            "If you joined, what would you look at first, and why?",
            "A priority drawn from what you learnt about the company.",
            False,
        ),
    ),
    "collaboration": (
        Q(
            "Tell me about a time you disagreed with a colleague.",
            "You listened, argued with facts, and found a way forward together.",
        ),
        Q(
            "Describe a time you led a team or a piece of work.",
            "What you owned, how you brought people along, and the outcome.",
        ),
        Q(
            "Tell me about a difficult person you worked with.",
            "What made it hard, what you did without blaming, and how it ended.",
        ),
        Q(
            "Give an example of working across teams to get something done.",
            "Who was involved, what each needed, and how you kept it moving.",
        ),
        Q(
            "Tell me about a time you took ownership of a mistake.",
            "You said it was yours, fixed it, and changed something so it would not repeat.",
        ),
        Q(
            "Describe a time you helped a colleague succeed.",
            "What they needed, what you gave, and what they achieved.",
        ),
        Q(
            "Tell me about a time you had to influence people who did not report to you.",
            "How you earned their support: evidence, listening, shared goals.",
        ),
        Q(
            "How do you handle a teammate who is not pulling their weight?",
            "Talk to them first, understand why, agree a plan, escalate only if needed.",
            False,
        ),
        Q(
            "Tell me about a time you managed stakeholders with different goals.",
            "The goals named, the compromise you found, and how you kept them informed.",
        ),
        Q(
            "Describe a time you delegated work.",
            "What you handed over, how you set it up, and how you followed up.",
        ),
        Q(
            "Tell me about a team success you contributed to.",
            "The team's result and your own part in it, in the first person.",
        ),
        Q(
            "Tell me about a time you received difficult feedback from a colleague.",
            "You listened, did not defend, and changed something specific.",
        ),
    ),
    "motivation": (
        Q(
            "Why do you want to work here?",
            "Something specific about this company, tied to what you care about and can do.",
            False,
        ),
        Q(
            "Why this role, and why now?",
            "Where you are in your career and why this is the logical next step.",
            False,
        ),
        Q(
            "Why are you leaving your current job?",
            "A positive reason about growth, never a complaint about people.",
            False,
        ),
        Q(
            "Where do you see yourself in five years?",
            "A direction that this role plausibly leads to, without overpromising.",
            False,
        ),
        Q(
            "What kind of work gives you energy?",
            "A real example of such work and why it matters to you.",
            False,
        ),
        Q(
            "What matters most to you in a team?",
            "Values that fit the team, shown by how you have acted on them.",
            False,
        ),
        Q(
            "Tell me about a time you were really motivated at work.",
            "What drove you, what you did with that energy, and the result.",
        ),
        Q(
            "What do you like least about your current role?",
            "An honest, small point, framed as what you want more of.",
            False,
        ),
        Q(
            "What attracted you to our mission?",
            "A personal reason connected to what the company does.",
            False,
        ),
        Q(
            "Tell me about a project you did because you wanted to, not because you had to.",
            "The curiosity behind it, what you did, and what you learnt.",
        ),
        Q(
            "How does this job fit your long-term goals?",
            "A clear link between the role's work and where you want to grow.",
            False,
        ),
        Q(
            "What would make you stay in a job for a long time?",
            "Conditions this company can offer, said honestly.",
            False,
        ),
    ),
    "composure": (
        Q(
            "Tell me about a time you worked under heavy pressure.",
            "You stayed steady, prioritised, and delivered; the pressure is the situation, not the story.",
        ),
        Q(
            "Describe a time you failed.",
            "You own it without excuses, say what you did next, and what you changed.",
        ),
        Q(
            "What is your biggest weakness?",
            "A real weakness, the evidence of it, and what you are doing about it.",
            False,
        ),
        Q(
            "Tell me about a time you received criticism.",
            "How you took it calmly, what you changed, and what came of it.",
        ),
        Q(
            "Describe a time a plan fell apart at the last minute.",
            "How you kept calm, what you decided quickly, and the outcome.",
        ),
        Q(
            "Tell me about a mistake you made and how you handled it.",
            "You spotted or owned it, fixed it, and told the people affected.",
        ),
        Q(
            "How do you stay calm when a deadline is close?",
            "A concrete method, with a time you used it.",
            False,
        ),
        Q(
            "Tell me about a tough question from a client or manager you could not answer.",
            "You said so honestly, found out, and came back.",
        ),
        Q(
            "Describe a time you had to make a decision quickly.",
            "What was at stake, how you decided, and how it turned out.",
        ),
        Q(
            "Tell me about a time you had to handle several crises at once.",
            "How you sorted them, what you did first, and what you let wait.",
        ),
        Q(
            "What would you change about your past if you could?",
            "A real lesson, said calmly, with what you do differently now.",
            False,
        ),
        Q(
            "Tell me about a time you were nervous and did it anyway.",
            "What made you nervous, how you prepared, and how it went.",
        ),
    ),
}

MIN_PER_SKILL = 12
TOPIC_QUESTION = (
    "The interviewer mentioned {topic}. Tell me about a piece of work where {topic} mattered: "
    "what you did yourself, and what came of it."
)
TOPIC_STRONG = "A concrete piece of work with {topic}, what you did yourself, and the result."


def questions_for(skill: str) -> tuple[Question, ...]:
    """The bank's questions for one skill (empty for an unknown key)."""
    return QUESTIONS.get(skill, ())


def topic_question(topic: str) -> Question:
    """One more question about a topic the interviewer named (the topic is the user's text)."""
    return Question(TOPIC_QUESTION.format(topic=topic), TOPIC_STRONG.format(topic=topic))


ID_WORDS = 12  # a question's id is made of its first words, enough to tell any two apart
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def question_id(skill: str, question: Question) -> str:
    """The stable id of ``question`` of ``skill``: the skill and a slug of the text's first
    words (a topic question's id names its topic: ``role_knowledge:topic:sql``)."""
    slug = "-".join(_NOT_SLUG.sub(" ", question.text.lower()).split()[:ID_WORDS])
    return f"{skill}:{slug}"


def topic_question_id(skill: str, topic: str) -> str:
    """The id of :func:`topic_question` for ``topic``, asked for ``skill``."""
    return f"{skill}:topic:" + "-".join(_NOT_SLUG.sub(" ", topic.lower()).split())
