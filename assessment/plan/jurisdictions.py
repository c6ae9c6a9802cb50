"""Where a candidate may ask for their interview notes by right: data only, one entry per place.

The feedback request kit offers a *request by right* where the law gives one: under the UK GDPR
and the EU GDPR (Article 15, the right of access) a candidate may ask an employer for the
personal data it holds about them, interview notes and scores included; the employer answers
within one month, extendable by up to two further months for complex or numerous requests
(Article 12(3)). Every fact the app states about a place lives here with its source, so a new
place is one new entry. ``assessment.plan.rights`` computes the dates; nothing here is legal
advice, and the app says so.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Jurisdiction:
    """One place and its right of access: what the app says, how it counts, and where from.

    ``months`` is the answer period, ``extension_months`` how much it may be extended;
    ``None`` for both where no right of access is known to the app (then no request by right
    is offered). ``basis`` is the one sentence shown to the user; ``sources`` the pages it rests
    on; ``law`` how the letter names the law.
    """

    key: str
    name: str
    months: int | None
    extension_months: int | None
    law: str
    basis: str
    sources: tuple[str, ...]


NOT_LEGAL_ADVICE = (
    "This is general information, not legal advice. The aim is the feedback: send the "
    "courteous request first."
)

JURISDICTIONS: dict[str, Jurisdiction] = {
    "uk": Jurisdiction(
        key="uk",
        name="United Kingdom",
        months=1,
        extension_months=2,
        law="Article 15 of the UK GDPR",
        basis=(
            "Under the UK GDPR (Article 15, the right of access) you may ask an employer for the "
            "personal data it holds about you, including interview notes and scores; it must "
            "answer within one month, or up to two more for complex requests (Article 12(3))."
        ),
        sources=(
            "https://ico.org.uk/for-the-public/getting-copies-of-your-information-subject-access-request/",
            "https://ico.org.uk/global/sar-checklist-for-smes/i-need-to-complete-a-sar",
            "https://www.legislation.gov.uk/eur/2016/679/article/15",
        ),
    ),
    "eu": Jurisdiction(
        key="eu",
        name="European Union or EEA",
        months=1,
        extension_months=2,
        law="Article 15 of the General Data Protection Regulation (EU) 2016/679",
        basis=(
            "Under the EU GDPR (Article 15, the right of access) you may ask an employer for the "
            "personal data it holds about you, including interview notes and scores; it must "
            "answer within one month, or up to two more for complex requests (Article 12(3))."
        ),
        sources=(
            "https://eur-lex.europa.eu/eli/reg/2016/679/oj",
            "https://eur-lex.europa.eu/eli/reg/1971/1182/oj",
        ),
    ),
    "elsewhere": Jurisdiction(
        key="elsewhere",
        name="Somewhere else",
        months=None,
        extension_months=None,
        law="",
        basis=(
            "Rebound does not know a right of access to interview notes where this employer is; "
            "the courteous request is the way to ask."
        ),
        sources=(),
    ),
}
JURISDICTION_KEYS: tuple[str, ...] = tuple(JURISDICTIONS)
