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
# the folded message's label on Next steps (our words only: a contact's name is user text)
MESSAGE_FOLDED_LATER = "Message to adapt and send on {day}"
MESSAGE_FOLDED_SENT = "The message you sent"
SEND_NOW = "Send today, to {to}"
SEND_LATER = "Send on {day}, to {to}"
SEND_SENT = "Sent, to {to}"
HIRING_TEAM = "the hiring team"
MAIL_LINK = "Open in your mail app"

MINUTES = "about {minutes} minutes"
HOURS = "about {hours} {unit}"
HOUR_UNITS = ("hour", "hours")
AND_MINUTES = " {minutes} minutes"

# ---- the Markdown plan -----------------------------------------------------------------

PLAN_HEADING = "# Next steps: {company}, {role}"
PLAN_INTRO = "Rejected on {rejected_on} at the {stage} stage. Plan as of {today}."
PLAN_PROGRESS = "Progress: {text}"
PLAN_NO_PROGRESS = "Progress: no steps yet."
PLAN_OVERDUE = "Overdue: {titles}."
PLAN_DUE_THIS_WEEK = "Due this week: {titles}."
PLAN_EMPTY = "There are no steps for this rejection."

# ---- progress of a plan ----------------------------------------------------------------

NO_STEPS = "No steps in this plan yet."
STEPS_DONE = "{done} of {total} {noun} done."
STEP_NOUNS = ("step", "steps")
STEPS_ACCEPTED = " {accepted} more taken on."
STEPS_NONE_TAKEN_ON = " Accept a step to add it to your plan."

# ---- step titles -----------------------------------------------------------------------

TITLE_ASK = "Thank them and ask for honest feedback"
TITLE_NUDGE = "Send one polite reminder about feedback"
TITLE_CASE = "Send a calm follow-up that makes your case"
TITLE_THANKS = "Send a thank-you note"
TITLE_RECONNECT = "Reconnect later with a short update"
TITLE_ACCESS_DUE = "The answer to your request by right is due"
TITLE_DOOR = TITLE_THANKS  # the earlier name of the thank-you step's title, still imported
TITLE_NOT_YOU = "Name what was outside your control"
TITLE_ENERGY = "Plan something that gives you energy this week"
TITLE_SHORE_UP = "Shore up {skill}"
TITLE_PITCH = "Practise your pitch, answering on {skill}"
TITLE_PITCH_LEAD = "Practise your pitch, leading with {skill}"
TITLE_CONCERN = "Change how you prepare for {skill}"
TITLE_STAGE_WALL = "Change your approach at the {stage} stage"

# Titles of earlier versions, as stored in actions, and the step each one is now.
RENAMED_TITLES = {
    "Ask for honest feedback": TITLE_ASK,
    "Send a thank-you note and note a date to reconnect": TITLE_THANKS,
}

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
    "their view is what the rest of this plan learns from. The same message thanks them, "
    "so it is the only one to send now."
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
    "You have {strengths}: {cited}.{answers}"
)
CASE_ONE_STRENGTH = "a confirmed strength"
CASE_STRENGTHS = "{count} confirmed strengths"
CASE_CITED = "{skill} ({ratings})"
CASE_CITED_SEPARATOR = "; "
CASE_ANSWERS = (
    " The follow-up answers their reason with what you bring and what you are already doing "
    "about {skill}, in your own words, without quoting them back."
)
CASE_DETAIL = (
    "Read it once more and add one concrete example with a number if you have one, then send "
    "it once, on its date: a few days after your first message, so the two do not arrive "
    "together. Keep it to facts; no need to ask them to reconsider in so many words."
)

SHORE_UP_WHY = "For {skill}, {ratings}: {kind}{combined}."
SHORE_UP_KINDS = {"blind_spot": "a blind spot", "growth_area": "a growth area"}
SHORE_UP_KIND_CONCERN = "a concern the interviewer raised"
SHORE_UP_NOTES = {
    "blind_spot": " You saw it higher than the interviewer did, which makes it the most "
    "useful thing to learn from.",
    "growth_area": " It is the gap this interview showed, so practice will show.",
}
SHORE_UP_SAID = ' The interviewer\'s words: "{quote}"'
SHORE_UP_YOU_WROTE = ' You wrote you would do differently: "{text}".'
COMBINED = " (combined {value:.1f} of 5)"

PITCH_WHY = "Before the next interview, {lead}, and {answer}."
PITCH_LEAD = "lead with {skills}"
PITCH_LEAD_ONE = "{skill} ({ratings})"
PITCH_LEAD_UNSURE = "lead with the skill you feel surest of"
PITCH_ANSWER_WHY = "have a ready answer for {skills}"
PITCH_ANSWER_ONE = "{skill} ({ratings})"
PITCH_NOTHING_TO_ANSWER = "be ready for whatever they probe"
PITCH_SEPARATOR = "; "
PITCH_DETAIL = (
    "Write a 90-second opening about yourself that leads with {lead}, with a result you can "
    "point to. Then rehearse a short answer {answers}. Say both out loud three times, ideally "
    "to someone else."
)
PITCH_DETAIL_ANSWER = "on {skill}{topics}: {answer}"
PITCH_DETAIL_TOPICS = " ({topics})"
PITCH_DETAIL_NO_CONCERN = "to the question you would least like to be asked: {answer}"
PITCH_YOUR_STRONGEST = "your strongest skill"

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
    "remembered. A short thank-you now keeps the door open; it is the one message to send "
    "today."
)
DOOR_DETAIL = (
    "Send the thank-you note and connect with your contact on a professional network. Keep "
    "any frustration off social media."
)
RECONNECT_WHY = (
    "Six weeks after the rejection ({reconnect_on}) is a good moment to check in with "
    "{company} again, with something new to say."
)
RECONNECT_DETAIL = (
    "Accept this step to put the reconnect date in your calendar file. On the day, check that "
    "the sentence about what you have been working on is true, then send it."
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

# An action the user recorded rather than accepted from a suggestion: its own "why".
ACCESS_DUE_WHY = (
    "You asked for your interview notes and scores by right; the employer must answer by this "
    "date (or tell you it needs up to two more months). If nothing has come, one short, polite "
    "reminder that gives the date of your request is the next step."
)
ACCESS_DUE_DETAIL = (
    "Check your inbox (and its spam folder) for their answer. When it comes, paste the notes "
    "or the scorecard on the Feedback page and mark this step done."
)
RECORDED_ACTIONS = {TITLE_ACCESS_DUE: (ACCESS_DUE_WHY, ACCESS_DUE_DETAIL)}

# Practice drills scheduled from a shore-up or practise step (assessment/plan/drills.py): each
# session is an action of its own, recognised by its title.
TITLE_DRILL = "Practice drill on {skill} ({number} of {total})"
DRILL_WHY = (
    "One of the practice drills you scheduled on {skill}. A few short sessions spread over the "
    "days before an interview make a ready answer come easily on the day, more than one long "
    "session the night before."
)
DRILL_DETAIL = (
    "Open the Practise page with the link below and answer one {skill} question in about "
    "{minutes} minutes, out loud or in writing. Read the checklist of your answer, then mark "
    "this drill done."
)
DRILL_FORM = "Schedule practice drills"
DRILL_FORM_INTRO = (
    "Short drills on {skill} on your plan and in your calendar file, each with a reminder the "
    "day before. With the date of your next interview, they are spread over the days before "
    "it; without one, every second day from tomorrow."
)
DRILL_FORM_AGAIN = (
    "{count} of this step's drills are not done yet. Scheduling again replaces them; done "
    "drills stay."
)
DRILL_FORM_AGAIN_ONE = (
    "1 of this step's drills is not done yet. Scheduling again replaces it; done drills stay."
)
DRILL_INTERVIEW = "Next interview date (optional)"
DRILL_INTERVIEW_HELP = "Drills are spread from tomorrow to the day before this date."
DRILL_SESSIONS = "Sessions"
DRILL_SUBMIT = "Schedule drills"
DRILL_COUNTS = ("1 practice drill", "{n} practice drills")
DRILL_SCHEDULED = "Scheduled {drills}: {days}."
DRILL_REPLACED = " They replace {noun} not done yet."
DRILL_CALENDAR = (
    " Each is a step on your plan below; download the calendar file at the bottom of this page "
    "to have them in your calendar with a reminder the day before."
)
DRILL_FEWER = (
    " Only {days} left before your interview, so there is room for {count} of the {sessions} "
    "sessions."
)
DRILL_DAYS = ("1 day is", "{n} days are")
DRILL_NONE_TOMORROW = (
    "Your interview is tomorrow, so there is no day left before it to schedule a drill. "
    "Nothing was scheduled: do one today on the Practise page instead."
)
DRILL_NONE_TODAY = (
    "Your interview is today, so nothing was scheduled. Good luck: a short drill on the "
    "Practise page now can still help."
)
DRILL_NONE_PAST = (
    "That interview date ({day}) has passed, so nothing was scheduled. Leave the date empty "
    "to have drills every second day from tomorrow."
)

# Links from a shore-up or practise step to the Practise page.
PRACTISE_DRILL_LINK = "Start a drill on {skill}"
PRACTISE_STORY_LINK = "Write the story that answers this concern"
PRACTISE_PAGE_LINK = "Open the Practise page"

# The request kit on the Feedback page.
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
KIT_TITLES = {
    "not_requested": "Haven't asked yet? Three ways to ask for the feedback",
    "requested": "Still waiting? A short version, or a request by right",
    "declined": "They declined? You may ask again, or ask by right",
}
KIT_RECORDED = (
    "Recorded: you asked on {sent_on}. If nothing comes within a week, Next steps suggests one "
    "polite reminder."
)
KIT_RECORDED_BY_RIGHT = (
    "Recorded: your request by right of {sent_on}. The answer is due by {due_on}; that date is "
    "on your plan and in its calendar file, with a reminder the day before."
)
KIT_DUE = (
    "**The answer is due by {due_on}**, or by {extended_to} if they tell you within the month "
    "that they need more time for a complex request. Public holidays are not counted, so the "
    "real date may be a day or two later, never earlier."
)
KIT_OPEN_DEADLINE = (
    "**Your request by right: the answer is due by {due_on}.** It is on your plan; mark it done "
    "there once the notes arrive."
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

SIGN_OFF = "Kind regards,"
NO_NAME = (
    'Add your name here, or once under "Your name and sign-off" on the Next steps page, '
    "and every message is signed with it."
)

# The short request: for a phone call or a message on a professional network.
SHORT_REQUEST = (
    "Hi {name}, thank you for letting me know about the {role} role. Could you share one thing "
    "that worked and one thing I could do better? Even a line or two would help me prepare. "
    "Thank you."
)
SHORT_REQUEST_NO_NAME = "there"

# The request by right (the right of access to personal data): courteous, specific, dated.
ACCESS_SUBJECT = "Subject: Request for my personal data: {role} application"
ACCESS_BODY = (
    "Thank you again for considering me for the {role} role at {company}. I am asking for the "
    "feedback in a more formal way, and I hope you will not mind.",
    "Under {law}, I would like a copy of the personal data {company} holds about me in "
    "connection with my application, in particular:",
    "- the notes taken by the interviewers during and after my interviews{interviewed};\n"
    "- any scorecards, ratings or assessment forms completed about me;\n"
    "- the assessment or summary on which the decision was based;\n"
    "- any other correspondence about my application.",
    "I understand you will answer within one month of receiving this request, or let me know "
    "if you need up to two more months because it is complex. An electronic copy by e-mail is "
    "ideal.",
    "This is not a complaint: I want to learn from the decision and do better next time. If "
    "it is simpler to send me a short summary of the interviewers' feedback first, I would "
    "welcome that too.",
)
ACCESS_INTERVIEWED = " on {day}"
FIRST_SUBJECT = "Subject: Thank you - {role}"
FIRST_SUBJECT_ASKING = "Subject: Thank you, and a request for feedback ({role})"
FIRST_THANKS = (
    "Thank you for letting me know your decision about the {role} role at {company}, and "
    "for the time you and the team gave me. I enjoyed learning about {company}."
)
FIRST_THANKS_FEEDBACK = (
    "Thank you as well for the feedback you shared. It gives me something concrete to work on."
)
FIRST_ASK = (
    "Would you be willing to share a few lines of honest feedback: what came across as my "
    "strengths, and where I fell short? I want to improve, and your view would help me "
    "prepare better for my next interviews. I understand if you cannot share much."
)
FIRST_STAY_IN_TOUCH = (
    "I would be glad to stay in touch. If a role that fits my background opens in the "
    "future, I would be happy to hear from you, and I will keep an eye on your openings."
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
)
MAKE_CASE_BRING = "What I would bring to the team: {strengths}."
MAKE_CASE_BRING_SEPARATOR = "; "
MAKE_CASE_GAP = (
    "I know that {topic} counts for a lot in this role, and I am already working on it: "
    "I am {work}."
)
MAKE_CASE_ALSO = "I am also {work}."
MAKE_CASE_CLOSING = (
    "If anything changes, or if another role on the team could use this, I would welcome "
    "a short conversation. Either way, thank you for the time you gave me."
)

RECONNECT_OPENING = (
    "Subject: Checking in - {role} at {company}",
    "",
    "{greeting}",
)
RECONNECT_SINCE = (
    "We spoke in {month_year} about the {role} role at {company}. Since then I have been {work}."
)
RECONNECT_SINCE_NOTHING = (
    "We spoke in {month_year} about the {role} role at {company}, and I have kept building my "
    "experience since then."
)
RECONNECT_ASK = (
    "Is your team hiring for a similar role now, or likely to be soon? I would be glad "
    "to be considered, and happy to have a short call if that is useful."
)
WORK_SEPARATOR = ", and "

# What a strength brings, in the user's own plain words (a letter never names the app's labels).
STRENGTH_WORDS: dict[str, str] = {
    "communication": "I explain my work clearly and keep my answers structured and to the point",
    "role_knowledge": "I have a solid, current command of the core skills of the job",
    "problem_solving": "I frame a problem before solving it and talk through the trade-offs",
    "evidence": "I can walk you through concrete results from my past work",
    "preparation": "I do my homework on the business and its customers",
    "collaboration": "I work well across teams and take ownership of what I deliver",
    "motivation": "I am genuinely motivated by this kind of work and by what your team does",
    "composure": "I stay calm and steady under pressure",
}

# What the user is already doing about a gap, completing "I am ..." ({topics}: the topics named).
WORKING_ON: dict[str, str] = {
    "communication": "practising shorter, more structured answers",
    "role_knowledge": "practising the core skills of the job hands-on",
    "problem_solving": "working through practice problems and reasoning through them out loud",
    "evidence": "putting numbers on the results of my projects, so their impact is clear",
    "preparation": "researching each company and its customers more deeply before I apply",
    "collaboration": "building clearer examples of how I lead and work across teams",
    "motivation": "getting clearer about which roles and teams fit me best",
    "composure": "doing mock interviews so that I stay calm under pressure",
}
WORKING_ON_TOPICS: dict[str, str] = {
    "communication": "practising {topics}, with shorter and more structured answers",
    "role_knowledge": "practising {topics} hands-on, on real problems",
    "problem_solving": "working through practice problems on {topics}",
    "evidence": "putting numbers on the results of my projects, so their impact is clear",
    "preparation": "working on {topics} before every application",
    "collaboration": "building clearer examples of {topics}",
    "motivation": "getting clearer about {topics}",
    "composure": "doing mock interviews to work on {topics}",
}
# The gap in plain words when no topic was named, completing "I know that ... counts for a lot".
GAP_WORDS: dict[str, str] = {
    "communication": "clear, structured communication",
    "role_knowledge": "depth in the core skills",
    "problem_solving": "structured problem solving",
    "evidence": "concrete, measurable results",
    "preparation": "knowing the business well",
    "collaboration": "working across teams",
    "motivation": "a clear reason for wanting the role",
    "composure": "staying calm under pressure",
}

# ---- the calendar file -------------------------------------------------------------------

CALENDAR_NAME = "Rebound: {company}"
EVENT_SUMMARY = "{title} ({company})"
EVENT_MESSAGE = "The message to adapt and send today:\n\n"
