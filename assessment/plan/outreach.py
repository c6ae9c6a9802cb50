"""The outreach kit: the messages of a plan, filled from the user's own data, and one
conversation per contact.

Each message belongs to one strategy of ``domain.md``:

- :func:`first_message`: the one message to send now. It thanks them (``keep_door_open``) and,
  while no feedback has come, asks for it (``ask_feedback``): what several strategies want to say
  at once is said once. :func:`feedback_request` and :func:`thank_you_note` are its two forms.
- :func:`feedback_reminder`: ``ask_feedback``'s one polite nudge;
- :func:`make_your_case`: ``make_your_case``;
- :func:`reconnect_message`: ``keep_door_open``, weeks later.

:func:`schedule` gives every message its date (``Step.send_on``): at most one message per contact
is due today or earlier, and each later one waits :data:`FOLLOW_UP_GAP` after the one before.

Every message is signed with the user's own name and sign-off (:class:`Settings`); without a
name it says, in plain words, where to add it. No message holds a placeholder in brackets, an
internal label of the app ("confirmed strength") or the employer's own words: a letter answers
the reason given in the user's terms. The tone is calm and concrete: thanks, one clear ask, no
pleading, no exclamation marks. The wording is in :mod:`assessment.plan.texts`.
"""

from __future__ import annotations

import datetime as dt
import urllib.parse
from collections.abc import Iterable, Sequence
from dataclasses import replace

from assessment.forms import has_feedback
from assessment.models import Rejection, Settings, Step
from assessment.plan import texts
from assessment.scoring import Assessment

FOLLOW_UP_GAP = dt.timedelta(days=3)
"""The least time between two messages to one contact."""
CASE_STRENGTHS = 3
"""Strengths a make-your-case letter names at most."""
CASE_GAPS = 2
"""Gaps a make-your-case letter says something about at most."""
OPENERS = ("ask_feedback", "keep_door_open")
"""Strategies whose message opens the conversation when several are due on one day."""


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _fill(lines: Iterable[str], **fields: object) -> str:
    return "\n".join(line.format(**fields) for line in lines)


def _day_month(day: dt.date) -> str:
    return texts.DAY_MONTH.format(day=day.day, month=texts.MONTHS[day.month - 1])


def _month_year(day: dt.date) -> str:
    return texts.MONTH_YEAR.format(month=texts.MONTHS[day.month - 1], year=day.year)


def recipient(rejection: Rejection) -> str | None:
    """Who the messages go to: the contact's name, or None for the hiring team."""
    return _one_line(rejection.contact_name) or None


def greeting(rejection: Rejection) -> str:
    """The whole name as the user typed it ("Dear Priya Shah,"): no guess about which word is
    a first name, or about a title."""
    name = recipient(rejection)
    return texts.GREETING.format(name=name) if name else texts.GREETING_UNNAMED


def signature(settings: Settings | None) -> list[str]:
    """The sign-off and the user's name; without a name, a plain line asking for it."""
    settings = settings or Settings()
    sign_off = _one_line(settings.sign_off) or texts.SIGN_OFF
    return [sign_off, _one_line(settings.name) or texts.NO_NAME]


def _names(rejection: Rejection) -> dict[str, str]:
    """What every message is addressed with: greeting, role and company, on one line each."""
    return {
        "greeting": greeting(rejection),
        "role": _one_line(rejection.role) or texts.SOME_ROLE,
        "company": _one_line(rejection.company) or texts.SOME_COMPANY,
    }


def _letter(head: Sequence[str], paragraphs: Sequence[str], settings: Settings | None) -> str:
    """``head`` (subject, greeting), then each paragraph, then the signature."""
    lines = list(head)
    for paragraph in paragraphs:
        lines += ["", paragraph]
    return "\n".join([*lines, "", *signature(settings)])


def first_message(rejection: Rejection, settings: Settings | None = None, ask: bool = False) -> str:
    """The one message to send now: thanks (also for feedback that came), the feedback request
    when ``ask``, and an open door."""
    names = _names(rejection)
    subject = texts.FIRST_SUBJECT_ASKING if ask else texts.FIRST_SUBJECT
    paragraphs = [texts.FIRST_THANKS.format(**names)]
    feedback = rejection.feedback
    if not ask and (has_feedback(feedback) or feedback.status == "received"):
        paragraphs.append(texts.FIRST_THANKS_FEEDBACK)
    if ask:
        paragraphs.append(texts.FIRST_ASK)
    paragraphs.append(texts.FIRST_STAY_IN_TOUCH)
    head = [subject.format(**names), "", names["greeting"]]
    return _letter(head, paragraphs, settings)


def feedback_request(rejection: Rejection, settings: Settings | None = None) -> str:
    """Thanks and a short, polite request for honest strengths and weaknesses."""
    return first_message(rejection, settings, ask=True)


def thank_you_note(rejection: Rejection, settings: Settings | None = None) -> str:
    """Thanks, and an open door: no questions asked, nothing to answer."""
    return first_message(rejection, settings, ask=False)


def short_request(rejection: Rejection, settings: Settings | None = None) -> str:
    """A few lines asking for feedback, to say on a call or send on a professional network."""
    body = texts.SHORT_REQUEST.format(
        name=recipient(rejection) or texts.SHORT_REQUEST_NO_NAME,
        role=_one_line(rejection.role) or texts.SOME_ROLE,
    )
    return "\n".join([body, _one_line((settings or Settings()).name) or texts.NO_NAME])


def access_request(rejection: Rejection, law: str, settings: Settings | None = None) -> str:
    """A courteous request by right for the interview notes and scores (``law``: how the letter
    names the right, from :mod:`assessment.plan.jurisdictions`). It says "within one month"
    and no date: the due date (:mod:`assessment.plan.rights`) is the user's to keep, and the
    letter is never wrong about a public holiday the app does not know."""
    names = _names(rejection)
    interviewed = (
        texts.ACCESS_INTERVIEWED.format(day=_day_month_year(rejection.interviewed_on))
        if rejection.interviewed_on
        else ""
    )
    fields = {**names, "law": law, "interviewed": interviewed}
    head = [texts.ACCESS_SUBJECT.format(**names), "", names["greeting"]]
    return _letter(head, [p.format(**fields) for p in texts.ACCESS_BODY], settings)


def _day_month_year(day: dt.date) -> str:
    return f"{_day_month(day)} {day.year}"


def feedback_reminder(rejection: Rejection, settings: Settings | None = None) -> str:
    """One polite nudge when a feedback request had no answer."""
    requested_on = rejection.feedback.requested_on
    when = texts.REMINDER_WHEN.format(day=_day_month(requested_on)) if requested_on else ""
    body = _fill(texts.FEEDBACK_REMINDER, when=when, **_names(rejection))
    return "\n".join([body, "", *signature(settings)])


def join_words(words: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def work_on(skill: str, topics: Sequence[str] = ()) -> str:
    """What the user is already doing about a gap, completing "I am ..."."""
    if topics:
        return texts.WORKING_ON_TOPICS[skill].format(topics=join_words(topics))
    return texts.WORKING_ON[skill]


def make_your_case(
    rejection: Rejection,
    assessment: Assessment,
    settings: Settings | None = None,
    gaps: Sequence[tuple[str, Sequence[str]]] = (),
) -> str:
    """A calm follow-up: what the user brings (their strengths in plain words) and what they are
    already doing about the gap the reason points at (``gaps``: skill and topics, the reason's
    skill first, as the shore-up steps have them). It never quotes the employer."""
    names = _names(rejection)
    head = _fill(texts.MAKE_CASE_OPENING, **names).split("\n")
    bring = [texts.STRENGTH_WORDS[h.key] for h in assessment.strengths[:CASE_STRENGTHS]]
    paragraphs = []
    if bring:
        paragraphs.append(
            texts.MAKE_CASE_BRING.format(strengths=texts.MAKE_CASE_BRING_SEPARATOR.join(bring))
        )
    for n, (skill, topics) in enumerate(gaps[:CASE_GAPS]):
        work = work_on(skill, topics)
        if n == 0:
            topic = topics[0] if topics else texts.GAP_WORDS[skill]
            paragraphs.append(texts.MAKE_CASE_GAP.format(topic=topic, work=work))
        else:
            paragraphs.append(texts.MAKE_CASE_ALSO.format(work=work))
    paragraphs.append(texts.MAKE_CASE_CLOSING)
    return _letter(head, paragraphs, settings)


def reconnect_message(
    rejection: Rejection,
    settings: Settings | None = None,
    gaps: Sequence[tuple[str, Sequence[str]]] = (),
) -> str:
    """A message for a later date: what the user has been working on since, and a light
    question."""
    names = _names(rejection)
    month_year = _month_year(rejection.rejected_on)
    work = texts.WORK_SEPARATOR.join(work_on(skill, topics) for skill, topics in gaps[:CASE_GAPS])
    if work:
        since = texts.RECONNECT_SINCE.format(month_year=month_year, work=work, **names)
    else:
        since = texts.RECONNECT_SINCE_NOTHING.format(month_year=month_year, **names)
    head = _fill(texts.RECONNECT_OPENING, **names).split("\n")
    return _letter(head, [since, texts.RECONNECT_ASK], settings)


# ---- one conversation per contact ----------------------------------------------------------


def _contact(to: str | None) -> str:
    return (to or "").casefold()


def schedule(steps: Sequence[Step], today: dt.date) -> list[Step]:
    """Each message step's ``send_on``: one conversation per contact.

    A message the user marked done was sent (its ``send_on`` is cleared; its done date anchors
    the next one). The others go in date order (what a strategy asked for, never before today;
    on one day the opener first, then plan order), each at least :data:`FOLLOW_UP_GAP` after the
    one before to the same contact, so at most one message per contact is due today.
    """
    result = list(steps)
    last: dict[str, dt.date] = {}
    for i, step in enumerate(steps):
        if step.message and step.status == "done":
            sent = step.done_on or today
            key = _contact(step.to)
            last[key] = max(last.get(key, sent), sent)
            result[i] = replace(step, send_on=None)
    pending = sorted(
        (i for i, s in enumerate(steps) if s.message and s.status != "done"),
        key=lambda i: (
            max(steps[i].send_on or today, today),
            steps[i].strategy not in OPENERS,
            steps[i].priority,
        ),
    )
    for i in pending:
        step = steps[i]
        key = _contact(step.to)
        day = max(step.send_on or today, today)
        if key in last:
            day = max(day, last[key] + FOLLOW_UP_GAP)
        last[key] = day
        result[i] = replace(step, send_on=day)
    return result


def due_now(steps: Sequence[Step], today: dt.date) -> list[Step]:
    """The message steps meant to go today or earlier (at most one per contact)."""
    return [s for s in steps if s.message and s.send_on is not None and s.send_on <= today]


# ---- sending -------------------------------------------------------------------------------


SUBJECT_PREFIX = "Subject:"


def subject_and_body(message: str) -> tuple[str, str]:
    """A message's subject (its first line, without "Subject:") and the rest as its body."""
    first, _, rest = message.partition("\n")
    if first.startswith(SUBJECT_PREFIX):
        return first[len(SUBJECT_PREFIX) :].strip(), rest.lstrip("\n")
    return "", message


def mail_link(message: str, address: str = "") -> str:
    """A ``mailto:`` link that opens the user's mail app with the subject and body filled in.

    Everything is percent-encoded (RFC 6068), line breaks as CRLF, so no character of the
    message can end the link or add a header.
    """
    subject, body = subject_and_body(message)
    body = "\r\n".join(body.splitlines())
    query = urllib.parse.urlencode(
        {"subject": subject, "body": body}, quote_via=urllib.parse.quote, safe=""
    )
    return f"mailto:{urllib.parse.quote(address, safe='@')}?{query}"
