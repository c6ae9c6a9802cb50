"""The rejection e-mail, read into proposals for the Reflect form, offline.

A user pastes the e-mail they received; :func:`read_email` proposes what the text supports:
the company and the role where the text names them, the sender's name from the signature,
the addressee's name from the greeting, the date from a ``Date:`` / ``Sent:`` header or a
letter's date line, the one sentence that gives the reason, and the fit factors that sentence
states (read with the feedback reader). Every :class:`Proposal` carries the words it came from,
so the user sees why; a field the text does not support is ``None``. Template slots and
redactions (``[Company Name]``, ``{{role}}``, ``____``, ``Company X``) are never proposed, and
boilerplate ("we have decided to move forward with other candidates", "the vacancy has been
filled") proposes no reason: only a sentence that names a cause does (a better match, an
internal hire, a paused role, pay, place, a named gap, overqualification).
``docs/corpus_emails.md`` is the labelling guide these rules follow.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from assessment.reading.reader import read_feedback
from assessment.skills import FIT_FACTOR_KEYS

MAX_CHARS = 20_000  # the reason field's own limit; a longer paste is read for its start only
MAX_VALUE_CHARS = 80

# ---- slots and redactions ------------------------------------------------------------------

_SLOT = re.compile(
    r"[\[\]{}<>]|\$\{|_{3,}|\*{3,}|(?i:\bx{3,}\b)|"
    r"(?i:^(company|candidate|applicant|employer|hiring manager|recruiter|your|job|position|role)"
    r"( name| title| x| a)?$)|(?i:\b(company|employer|candidate|applicant) (x|a|b|name)\b)"
)
_REDACTED = frozenset({"employer", "rejected candidate", "x", "company", "candidate", "applicant"})


def _is_slot(value: str) -> bool:
    folded = " ".join(value.lower().split())
    return bool(_SLOT.search(value)) or folded in _REDACTED or not folded


# ---- names ---------------------------------------------------------------------------------

_CAP_WORD = r"[A-Z](?:[\w&'\u2019-]|\.(?=[A-Za-z]))*"
_SUFFIXES = ("Inc", "Ltd", "Co", "Corp", "LLC", "PLC", "GmbH", "AG", "SA", "NV", "BV", "LLP")
_NAME = (
    _CAP_WORD + r"(?:,?[ \t]+(?:" + _CAP_WORD + r"|&|of|and|de|la|the))*"
    r"(?:(?:(?<=" + r")|(?<=".join(_SUFFIXES) + r"))\.)?"
)
_NOT_A_COMPANY = frozenset(
    {"us", "we", "our", "you", "your", "i", "the company", "this time", "human resources", "hr"}
)
_COMPANY_FRAMES = (
    r"(?:position|role|job|opening|vacancy|opportunity|post|internship)(?: \w+){0,3} (?:at|with)",
    r"(?:interest|interested) in(?: (?:joining|working (?:at|for|with)|a (?:career|position|role) "
    r"(?:at|with)|the \w+ (?:at|with)))?",
    r"(?:here|career|careers) at",
    r"on behalf of",
    r"(?:applying|apply|applied|application) (?:to|with|at)",
    r"(?:interview|interviewing|speaking|meeting) with (?:us at|the team at)",
    r"(?:team|everyone|all of us) (?:at|here at)",
    r"thank you for considering",
)
_COMPANY = re.compile(r"(?:" + "|".join(_COMPANY_FRAMES) + r")[ \t]+(?P<v>" + _NAME + ")")
_ROLE_WORD = r"(?:position|role|job|vacancy|opening|post|internship|opportunity)"
_ROLE = re.compile(
    r"(?:(?i:\b(?:the|our|your|this)) +|(?i:position of) +|(?i:application for (?:the )?) *)"
    r"[\"\u201c']?(?P<v>" + _CAP_WORD + r"(?:[ \t]+" + _CAP_WORD + r"){0,5})[\"\u201d']?"
    r"(?=[ \t]+(?i:" + _ROLE_WORD + r")\b)"
)
# A subject line: "Your application for Data Analyst at Acme", "Application for Data Analyst".
_ROLE_SUBJECT = re.compile(
    r"(?im)^[ \t]*(?:subject:[ \t]*)?(?:re:[ \t]*)?(?:your )?application for (?:the )?"
    r"(?-i:(?P<v>" + _CAP_WORD + r"(?:[ \t]+" + _CAP_WORD + r"){0,5}))"
    r"(?:[ \t]+(?:at|with)[ \t]+[^\n]*)?[ \t]*$"
)
_NOT_A_ROLE = frozenset({"open", "current", "new", "same", "above", "following", "next", "this"})

# ---- signature, greeting, date --------------------------------------------------------------

_CLOSING = re.compile(
    r"(?im)^[ \t]*(?:best|best regards|kind regards|warm regards|warmest regards|regards|"
    r"sincerely|sincerely yours|yours sincerely|yours truly|respectfully|thanks|thank you|"
    r"many thanks|all the best|cheers|with best wishes|best wishes|warmly|take care)[,.!]?[ \t]*$"
)
_PERSON = re.compile(r"^(?:[A-Z][a-z'\u2019-]+)(?: [A-Z]\.)?(?: (?:[A-Z][a-z'\u2019-]+)){1,2}$")
_NOT_A_PERSON = re.compile(
    r"(?i)\b(team|recruit\w*|talent|human|resources|hiring|department|manager|director|"
    r"officer|coordinator|partner|specialist|acquisition|people|careers?|group|inc|ltd|"
    r"company|office|services|support|staff)\b"
)
_GREETING = re.compile(
    r"(?im)^[ \t]*(?:dear|hi|hello|hey|good (?:morning|afternoon|evening))[ \t]+"
    r"(?P<v>[^,:;!\n]{1,60}?)[ \t]*[,:;!]?[ \t]*$"
)
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|miss|mx|dr|prof)\.?\s+", re.IGNORECASE)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE_HEADER = re.compile(r"(?im)^[ \t]*(?:date|sent|dated)[ \t]*:[ \t]*(?P<v>[^\n]+)$")
_DATE_LINE = re.compile(
    r"(?im)^[ \t]*(?P<v>(?:\w+,? +)?(?:\d{1,2}(?:st|nd|rd|th)?,? +" + _MONTH + r"|"
    r"" + _MONTH + r" +\d{1,2}(?:st|nd|rd|th)?),? +\d{4})[ \t]*$"
)
_DATE_IN = re.compile(
    r"(?i)\b(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?,? +(?P<m1>" + _MONTH + r")|"
    r"(?P<m2>" + _MONTH + r")\.? +(?P<d2>\d{1,2})(?:st|nd|rd|th)?),? +(?P<y>\d{4})\b"
    r"|\b(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})\b"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

# ---- the reason ------------------------------------------------------------------------------

_INSTRUCTION = re.compile(r"\[\[.*?\]\]", re.DOTALL)  # a template's note to the sender
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"\u201d')\]]*(?:[ \t]+|[ \t]*\n[ \t]*\n\s*)(?=\S)")
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
# A better candidate is a reason only when the sentence says how they were better; "we have
# decided to move forward with another candidate" alone is boilerplate.
_QUALIFIED = re.compile(
    r"(?i)\b(?:more|most|better|best|closer|closest|stronger|greater|direct|specific|"
    r"perfect|ideal|hands-on)\b[\w ,-]{0,40}?\b(?:match\w*|fit|suited|qualified|aligned?|align\w*|"
    r"meets?|met|experience\w*|skills?|background|qualifications|knowledge)\b"
    r"|\bwhose\b|\bwith (?:more|stronger|deeper|direct|specific)\b"
)
_BOILERPLATE_FIT = re.compile(
    r"(?i)\b(?:not|n't) (?:the |a )?(?:best|right|strong(?:est)?) (?:fit|match)\b"
    r"|\b(?:better|good|great|best|right|closer) (?:match|fit)(?:es)? for (?:your|you)\b"
    r"|\bcame down to a few details\b"
)
_OVERQUALIFIED = re.compile(r"(?i)\bover-?qualified\b|\btoo (?:senior|experienced)\b")
_GAP = re.compile(
    r"(?i)\b(?:looking for|seeking|need(?:ed)?|require[sd]?|wanted|prefer(?:red)?)[ \t]+"
    r"(?:(?:someone|somebody|a candidate|an applicant|candidates|applicants|a person|people|"
    r"an individual)[ \t]+(?:with|who)|(?:\S+[ \t]+){0,4}(?:experience|knowledge|background|"
    r"expertise|skills)[ \t]+(?:in|of|with))\b"
)
_MIN_SENTENCE_WORDS = 4
_ABBREVIATIONS = frozenset(
    "e.g i.e mr mrs ms dr prof inc ltd co corp etc approx st jr sr vs no dept".split()
)


@dataclass(frozen=True)
class Proposal:
    """One proposed value and the words of the e-mail it came from."""

    value: str
    words: str


@dataclass(frozen=True)
class EmailProposals:
    """What the pasted e-mail supports; ``None`` where it supports nothing."""

    company: Proposal | None = None
    role: Proposal | None = None
    contact_name: Proposal | None = None
    candidate_name: Proposal | None = None
    date: Proposal | None = None  # value: an ISO date
    reason: Proposal | None = None  # value: the sentence as written
    fit_factors: tuple[Proposal, ...] = field(default_factory=tuple)  # value: a fit-factor key

    @property
    def empty(self) -> bool:
        return not any(
            (self.company, self.role, self.contact_name, self.date, self.reason, self.fit_factors)
        )


def _fold(text: str) -> str:
    return " ".join(text.split())


def _clean_name(raw: str) -> str:
    return raw.strip(" \t,;:'\"\u201c\u201d")


def _line_of(text: str, start: int) -> str:
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return _fold(text[begin : end if end >= 0 else len(text)])


def find_company(text: str) -> Proposal | None:
    for match in _COMPANY.finditer(text):
        value = _clean_name(match["v"])
        # "Apple Inc. was not": the name ends at the first lower-case word, already.
        if len(value) > MAX_VALUE_CHARS or _is_slot(value) or value.lower() in _NOT_A_COMPANY:
            continue
        return Proposal(value, _line_of(text, match.start()))
    return None


def find_role(text: str) -> Proposal | None:
    for match in (*_ROLE_SUBJECT.finditer(text), *_ROLE.finditer(text)):
        value = _clean_name(match["v"])
        words = value.split()
        if not words or words[0].lower() in _NOT_A_ROLE or _is_slot(value):
            continue
        if len(value) > MAX_VALUE_CHARS or value.lower() in _NOT_A_COMPANY:
            continue
        return Proposal(value, _line_of(text, match.start()))
    return None


def find_contact(text: str) -> Proposal | None:
    """The sender's personal name: the first line after a closing ("Best,") that looks like a
    person's name, not a title or a team."""
    for closing in _CLOSING.finditer(text):
        rest = text[closing.end() :].splitlines()
        for raw in rest[:4]:
            line = raw.strip()
            if not line:
                continue
            if _PERSON.match(line) and not _NOT_A_PERSON.search(line) and not _is_slot(line):
                return Proposal(line, line)
            break
    return None


def find_candidate(text: str) -> Proposal | None:
    match = _GREETING.search(text)
    if not match:
        return None
    value = _HONORIFIC.sub("", match["v"].strip())
    if _is_slot(value) or len(value) > 40 or value.lower() in ("all", "there", "team", "sir"):
        return None
    if not value[:1].isupper():
        return None
    return Proposal(value, _fold(match.group()))


def _parse_date(text: str) -> dt.date | None:
    match = _DATE_IN.search(text)
    if not match:
        return None
    try:
        if match["iy"]:
            return dt.date(int(match["iy"]), int(match["im"]), int(match["id"]))
        month_name = (match["m1"] or match["m2"]).lower()[:3]
        day = int(match["d1"] or match["d2"])
        return dt.date(int(match["y"]), _MONTHS.index(month_name) + 1, day)
    except ValueError:
        return None


def find_date(text: str) -> Proposal | None:
    for pattern in (_DATE_HEADER, _DATE_LINE):
        for match in pattern.finditer(text):
            value = match["v"]
            if _is_slot(value):
                continue
            day = _parse_date(value)
            if day is not None:
                return Proposal(day.isoformat(), _fold(match.group()))
    return None


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of the body as spans of ``text``: a full stop, "!" or "?" before a space ends
    one (not after "e.g.", "Mr.", "Inc."), and so does a line break, unless the line was
    hard-wrapped (ends without punctuation, the next starts in lower case). Pieces of fewer
    than four words (greeting, closing, signature) are left out."""
    cuts = [0]
    for end_match in _SENTENCE_END.finditer(text):
        before = text[: end_match.start()].rsplit(None, 1)[-1].lower().rstrip("\"\u201d')]")
        if before.rstrip(".") in _ABBREVIATIONS:
            continue
        cuts.extend((end_match.start(), end_match.end()))
    for line_break in re.finditer(r"\n", text):
        after = text[line_break.end() :].lstrip(" \t")
        line_before = text[: line_break.start()].rstrip(" \t")
        wrapped = after[:1].islower() and not line_before.endswith((".", "!", "?", ":", ","))
        if not wrapped:
            cuts.extend((line_break.start(), line_break.end()))
    cuts.append(len(text))
    cuts.sort()
    spans = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if len(text[start:end].split()) >= _MIN_SENTENCE_WORDS:
            spans.append((start, end))
    return spans


def _fit_keys(sentence: str) -> list[tuple[str, str]]:
    keys: list[tuple[str, str]] = []
    for finding in read_feedback(sentence):
        if finding.key in FIT_FACTOR_KEYS and finding.key not in (k for k, _ in keys):
            keys.append((finding.key, finding.cue or sentence))
    return keys


def _reason_of(sentence: str) -> list[tuple[str, str]] | None:
    """The fit factors a sentence gives as the reason, [] for a reason with none (a named gap,
    overqualification), or None when it gives no reason."""
    if _BOILERPLATE_FIT.search(sentence):
        return None
    keys = _fit_keys(sentence)
    named_gap = bool(_GAP.search(sentence)) or any(
        f.key == "role_knowledge" and f.polarity < 0 for f in read_feedback(sentence)
    )
    qualified = bool(_QUALIFIED.search(sentence))
    if any(k == "other_candidate" for k, _ in keys) and not (qualified or named_gap):
        keys = [(k, c) for k, c in keys if k != "other_candidate"]
        if not keys:
            return None
    if keys:
        return keys
    if _OVERQUALIFIED.search(sentence) or named_gap:
        return []
    if qualified and re.search(
        r"(?i)\b(candidates?|applicants?|others|individual|someone)\b", sentence
    ):
        return [("other_candidate", sentence)]
    return None


def find_reason(text: str) -> tuple[Proposal | None, tuple[Proposal, ...]]:
    # A template's note to its sender ("[[Consider including feedback, e.g. ...]]") is read as
    # nothing; the sentence proposed is the original text, note and all.
    body = _INSTRUCTION.sub(lambda m: " " * len(m.group()), text)
    for start, end in _sentence_spans(body):
        keys = _reason_of(body[start:end])
        if keys is None:
            continue
        factors = tuple(Proposal(key, _fold(cue)) for key, cue in keys)
        sentence = text[start:end]
        return Proposal(sentence, _fold(sentence)), factors
    return None, ()


def read_email(text: str) -> EmailProposals:
    """Everything the pasted e-mail supports, each with the words it came from. Never raises
    on text; empty, boilerplate or another language give empty proposals."""
    if not isinstance(text, str) or not text.strip():
        return EmailProposals()
    text = text[:MAX_CHARS].replace("\r\n", "\n").replace("\r", "\n")
    reason, factors = find_reason(text)
    return EmailProposals(
        company=find_company(text),
        role=find_role(text),
        contact_name=find_contact(text),
        candidate_name=find_candidate(text),
        date=find_date(text),
        reason=reason,
        fit_factors=factors,
    )
