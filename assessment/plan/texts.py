"""Every sentence the plan writes, as data: step titles, "why" and "what to do" templates,
pattern sentences, messages, and the labels a step is laid out with.

Templates are filled with :meth:`str.format` by the modules beside this one (``strategies``,
``patterns``, ``outreach``, ``layout``); what fills them may be user text, which ``format``
never reads as a template. Messages are tuples of lines, joined with newlines.
"""

from __future__ import annotations

# ---- step statuses and layout labels -------------------------------------------------

STATUS_LABELS = {"suggested": "Suggested", "accepted": "On your plan", "done": "Done"}
UNKNOWN_STRATEGY = "Step"
DONE_ON = "Done on {day}"
ON_PLAN_UNDATED = "On your plan, no due date"
ON_PLAN_DUE = "On your plan, due {day}"
OVERDUE = " (overdue)"

WHY_LABEL = "Why"
DETAIL_LABEL = "What to do"
TIME_LABEL = "Time"
MESSAGE_LABEL = "Message to adapt and send"
LATER_MESSAGE_LABEL = "For later, a reconnect message"

MINUTES = "about {minutes} minutes"
HOURS = "about {hours} {unit}"
HOUR_UNITS = ("hour", "hours")
AND_MINUTES = " {minutes} minutes"

# ---- the Markdown plan -----------------------------------------------------------------

PLAN_HEADING = "# Next steps: {company}, {role}"
PLAN_INTRO = "Rejected on {rejected_on} at the {stage} stage. Plan as of {today}."
PLAN_PROGRESS = "Progress: {text}"
PLAN_NO_PROGRESS = "Progress: no actions taken on yet."
PLAN_OVERDUE = "Overdue: {titles}."
PLAN_DUE_THIS_WEEK = "Due this week: {titles}."
PLAN_EMPTY = "There are no steps for this rejection."

# ---- progress of a plan ----------------------------------------------------------------

NO_ACTIONS = "No actions yet: accept a step to add it to your plan."
ACTIONS_DONE = "{done} of {total} {noun} done."
ACTION_NOUNS = ("action", "actions")

# ---- step titles -----------------------------------------------------------------------

TITLE_ASK = "Ask for honest feedback"
TITLE_NUDGE = "Send one polite reminder about feedback"
TITLE_CASE = "Send a calm follow-up that makes your case"
TITLE_DOOR = "Send a thank-you note and note a date to reconnect"
TITLE_NOT_YOU = "Name what was outside your control"
TITLE_ENERGY = "Plan something that gives you energy this week"
TITLE_SHORE_UP = "Shore up {skill}"
TITLE_PITCH = "Practise your pitch, answering on {skill}"
TITLE_CONCERN = "Change how you prepare for {skill}"
TITLE_STAGE_WALL = "Change your approach at the {stage} stage"

# The change_tactics title of each pattern kind when it names no skill or stage.
TACTIC_TITLES = {
    "recurring_concern": "Change how you prepare for a concern that keeps coming back",
    "stage_wall": "Change your approach at the stage where it keeps ending",
    "no_progress": "Try a different channel or kind of role",
}

# ---- small words -----------------------------------------------------------------------

TODAY = "today"
AGO = "{days} ago"
DAY_COUNTS = ("1 day", "{n} days")
UNNAMED_REJECTION = "rejection {id}"

# ---- why and what to do, per strategy ----------------------------------------------------

ASK_WHY = (
    "You have not asked {company} for feedback yet, and their answer came {when}. "
    "A short, polite request sent soon is the one most likely to get a reply, and "
    "their view is what the rest of this plan learns from."
)
ASK_DETAIL = (
    "Send the message below to your contact or the recruiter. Then set the "
    "feedback status to 'Requested' on the Interviewer feedback page, so Rebound "
    "can remind you to follow up once after a week."
)
NUDGE_WHY = (
    "You asked {company} for feedback on {requested_on}, {waited} ago, and have no answer yet. "
    "After more than {nudge_days} days, one short reminder is reasonable; after that, let it go."
)
NUDGE_DETAIL = (
    "Send the reminder below once. If there is still no answer, that is about "
    "their workload, not about you."
)

CASE_WHY = (
    "{company} said no {when}, within {within_days} days, and nothing "
    "you recorded says the door is closed (no internal candidate, no cancelled role). "
    "You have {strengths}: {cited}.{link}"
)
CASE_ONE_STRENGTH = "a confirmed strength"
CASE_STRENGTHS = "{count} confirmed strengths"
CASE_CITED = "{skill} ({ratings})"
CASE_CITED_SEPARATOR = "; "
CASE_LINK = " {skill} speaks directly to the reason they gave."
CASE_DETAIL = (
    "Fill in one concrete example with a number for each strength, then send it once. "
    "Keep it to facts; no need to ask them to reconsider in so many words."
)

SHORE_UP_WHY = "For {skill}, {ratings}: {kind} (combined {combined:.1f} of 5)."
SHORE_UP_KINDS = {"blind_spot": "a blind spot", "growth_area": "a growth area"}
SHORE_UP_NOTES = {
    "blind_spot": " You saw it higher than the interviewer did, which makes it the most "
    "useful thing to learn from.",
    "growth_area": " You both see room to grow, so practice will show.",
}

PITCH_WHY = (
    "Before the next interview, {lead}, and have a ready answer for {skill} "
    "({ratings}, combined {combined:.1f})."
)
PITCH_LEAD = "lead with {skill} ({ratings}, combined {combined:.1f})"
PITCH_LEAD_UNSURE = "lead with the skill you feel surest of"
PITCH_DETAIL = (
    "Write a 90-second opening about yourself that leads with your strongest skill and one "
    "result. Then rehearse a short answer for questions on {skill}: "
    "{answer}. Say both out loud three times, ideally to someone else."
)

NOT_YOU_FACTORS = "You noted things outside your control: {factors}."
NOT_YOU_REASON = 'The reason they gave: "{reason}"'
NOT_YOU_MODEST = "For {skill}, {ratings}: you were harder on yourself than they were."
NOT_YOU_DETAIL = (
    "Write two lists: what was in your hands in this interview, and what was not (who else "
    "applied, budget, timing, the team's plans). Only the first list is yours to work on."
)
NOT_YOU_REFLECTED = " You already wrote down part of the second list in your reflection."

DOOR_WHY = (
    "{company} may hire again, and people who reply graciously are "
    "remembered. Six weeks after the rejection ({reconnect_on}) is a good "
    "moment to check in again."
)
DOOR_DETAIL = (
    "Send the thank-you note now and connect with your contact on a professional "
    "network. Keep any frustration off social media. Add the reconnect date to your "
    "calendar (the calendar file of your plan has it) and use the reconnect message then."
)

ENERGY_MOOD = "you rated your mood {mood} of 5"
ENERGY_CONFIDENCE = "you rated your confidence {confidence} of 5"
ENERGY_MANY = "this is one of {count} rejections in the last {window_days} days"
ENERGY_REASONS_SEPARATOR = " and "
ENERGY_WHY = (
    "{reasons}. That is a lot to carry; a rested person interviews better than a worn-out one."
)
ENERGY_DETAIL = (
    "This week: take one evening with no applications at all, move for 30 minutes on "
    "two days, and tell one person you trust how it went. Then write down three things "
    "you did well in this interview."
)

TACTIC_WHY = "A pattern repeats across your rejections. {sentence}"
TACTIC_COVERS = " The rejections it covers: {names}"
TACTIC_COVERS_SEPARATOR = "; "
TACTIC_LATEST = " (the latest {shown} of {total:,})."
TACTIC_CONCERN_DETAIL = (
    "Doing more of the same has not moved {skill}. Change the method: "
    "ask someone who works in the field for a mock interview on it, or take a short "
    "structured course, and ask for feedback on {skill} specifically "
    "after your next interview."
)
TACTIC_STAGE_DETAIL = (
    "Several rejections ended at {stage}. Ask a person who has passed that stage "
    "at a similar company what it tests, rehearse it with them once, and change one "
    "thing about how you prepare for it (a mock round, a take-home practice, or a "
    "tighter story list)."
)
TACTIC_SAME_STAGE = "the same stage"
TACTIC_NO_PROGRESS_DETAIL = (
    "Your scores have not risen across your last three rejections, so change the inputs: "
    "apply through referrals and people you know rather than job boards, talk to two people "
    "in roles you want about how they got in, or try roles one step closer to your current "
    "experience."
)

LEFTOVER_WHY = (
    "You took this on earlier. It no longer follows from this rejection's latest ratings and "
    "feedback, so it is not suggested now, but it stays in your plan until you remove it."
)

# ---- patterns ----------------------------------------------------------------------------

# What the Progress page calls each kind of pattern.
PATTERN_NAMES = {
    "recurring_concern": "Recurring concern",
    "stage_wall": "Stage wall",
    "no_progress": "No progress yet",
}
CONCERN_SENTENCE = "The interviewer saw {skill} as a concern in {total:,} rejections: {names}."
STAGE_WALL_SENTENCE = "{total:,} of your rejections ended at the {stage} stage: {names}."
NO_PROGRESS_SENTENCE = (
    "Your average combined score did not rise across your last {count} rated rejections: {steps}."
)
NO_PROGRESS_STEP = "{average:.1f} at {rejection}"
NO_PROGRESS_SEPARATOR = ", then "
MORE_REJECTIONS = " and {count:,} more"

# ---- messages ----------------------------------------------------------------------------

GREETING = "Dear {name},"
GREETING_UNNAMED = "Hello,"
SOME_ROLE = "the role"
SOME_COMPANY = "your company"
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
DAY_MONTH = "{day} {month}"
MONTH_YEAR = "{month} {year}"

FEEDBACK_REQUEST = (
    "Subject: Feedback on my interview ({role})",
    "",
    "{greeting}",
    "",
    "Thank you for letting me know your decision about the {role} role at "
    "{company}, and for the time you and the team gave me.",
    "",
    "Would you be willing to share a few lines of honest feedback: what came across "
    "as my strengths, and where I fell short? I want to improve, and your view would "
    "help me prepare better for my next interviews.",
    "",
    "I understand if you cannot share much. Thank you either way.",
    "",
    "Kind regards,",
    "[your name]",
)

FEEDBACK_REMINDER = (
    "Subject: Feedback on my interview ({role})",
    "",
    "{greeting}",
    "",
    "I wrote{when} to ask for a little feedback on my interview for the "
    "{role} role at {company}. I know you are busy, so I am "
    "following up just once.",
    "",
    "Even two or three points would help me: one thing that worked and one thing to "
    "improve. If you cannot share feedback, I understand, and thank you again for your "
    "time.",
    "",
    "Kind regards,",
    "[your name]",
)
REMINDER_WHEN = " on {day}"

MAKE_CASE_OPENING = (
    "Subject: {role}: a short follow-up",
    "",
    "{greeting}",
    "",
    "Thank you again for letting me know about the {role} role. I respect "
    "the decision, and I would like to add one concrete point in case the team's needs "
    "change or a similar role opens.",
    "",
)
MAKE_CASE_ANSWERS_REASON = 'You mentioned: "{reason}" On that point, here is what I would bring:'
MAKE_CASE_AFTER_REASON = (
    'You mentioned: "{reason}" I understand. Here is what I would bring to the team:'
)
MAKE_CASE_NO_REASON = "Here is what I would bring to the team:"
MAKE_CASE_STRENGTH = (
    "- {skill}{noted}: [one concrete example from your work, with its result in numbers]"
)
MAKE_CASE_NOTED = " (your team noted it as a {seen})"
MAKE_CASE_NO_STRENGTH = "- [your strongest skill for this role, with one example and its result]"
MAKE_CASE_CLOSING = (
    "",
    "If anything changes, or if another role on the team could use this, I would welcome "
    "a short conversation. Either way, thank you for the time you gave me.",
    "",
    "Kind regards,",
    "[your name]",
)

THANK_YOU_NOTE = (
    "Subject: Thank you - {role}",
    "",
    "{greeting}",
    "",
    "Thank you for letting me know, and for the time you and the team spent with me "
    "on the {role} role. I enjoyed learning about {company}.",
    "",
    "I would be glad to stay in touch. If a role that fits my background opens in the "
    "future, I would be happy to hear from you, and I will keep an eye on your openings.",
    "",
    "All the best to you and the team,",
    "[your name]",
)

RECONNECT_MESSAGE = (
    "Subject: Checking in - {role} at {company}",
    "",
    "{greeting}",
    "",
    "We spoke in {month_year} about the {role} role at "
    "{company}. Since then I have [one thing you learned, built or "
    "finished since then].",
    "",
    "Is your team hiring for a similar role now, or likely to be soon? I would be glad "
    "to be considered, and happy to have a short call if that is useful.",
    "",
    "Kind regards,",
    "[your name]",
)

# ---- the calendar file -------------------------------------------------------------------

CALENDAR_NAME = "Rebound: {company}"
EVENT_SUMMARY = "{done}{title} ({company})"
EVENT_DONE = "Done: "
RECONNECT_SUMMARY = "Reconnect with {company}"
RECONNECT_DESCRIPTION = "Keep the door open: a message you can adapt and send today.\n\n"

# ---- words in the reason given that a skill can answer (make_your_case) -------------------

REASON_WORDS: dict[str, tuple[str, ...]] = {
    "communication": ("communicat", "clear", "articulat", "present", "explain"),
    "role_knowledge": (
        "experience",
        "skill",
        "technical",
        "knowledge",
        "expert",
        "hands-on",
        "qualif",
        "requirement",
        "background",
        "sql",
        "python",
        "senior",
    ),
    "problem_solving": ("problem", "analytic", "case", "reason", "think", "approach"),
    "evidence": ("example", "result", "track record", "impact", "experience", "achiev"),
    "preparation": ("prepar", "research", "understand", "product", "question"),
    "collaboration": ("team", "lead", "collaborat", "stakeholder", "manage", "ownership"),
    "motivation": ("motivat", "fit", "culture", "passion", "interest", "why", "values"),
    "composure": ("confiden", "nervous", "calm", "presence", "pressure"),
}
FIT_FACTOR_SKILLS: dict[str, tuple[str, ...]] = {
    "other_candidate": ("role_knowledge", "evidence"),
}
