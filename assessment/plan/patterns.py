"""Patterns across one owner's rejections, exactly as ``domain.md`` defines them.

- **recurring concern**: a skill the interviewer rated ``concern`` or ``strong concern``, or in
  the ``growth area`` quadrant, in three or more rejections. The interviewer's side is the one
  of :func:`assessment.scoring.assessment_of`: the rating, or, where the interviewer gave none,
  the confirmed findings (a concern among them wins). A growth area (and a blind spot) is
  exactly a concern on that side, so in SQL this reads as "interviewer rating <= 2, or no
  rating and a confirmed finding of polarity -1".
- **stage wall**: three or more rejections ended at the same stage.
- **no progress**: the average combined score did not rise across the last three rejections
  that have one (each no higher than the one before). Rejections not rated at all are left
  out, so a fresh, unrated rejection neither hides nor creates the pattern.

Nothing is claimed below :data:`MIN_REJECTIONS` rejections. :func:`detect_patterns` holds
the rules over plain rows; :func:`find_patterns` lets SQL pick the only rows the rules can use
(rejections with a low interviewer rating, at a stage reached three or more times, or among the
last three rated), so it stays quick with a long history.

A pattern's ``sentence`` names companies, which are the user's own text: show it as text.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from assessment import storage
from assessment.names import rejection_in_sentence
from assessment.plan import texts
from assessment.scoring import Assessment
from assessment.skills import SKILL_KEYS, SKILL_NAMES, STAGE_KEYS, STAGES
from assessment.views.progress import Filters, filter_sql

MIN_REJECTIONS = 3
REPEATS = 3  # how many rejections make a repeat
NAMED = 3  # how many rejections a sentence names before "and N more"
TOLERANCE = 1e-9
_SKILL_LIST = ", ".join(f"'{key}'" for key in SKILL_KEYS)  # constants, no user text


@dataclass(frozen=True)
class Pattern:
    kind: str
    sentence: str
    rejection_ids: tuple[int, ...]
    skill: str | None = None
    stage: str | None = None


@dataclass(frozen=True)
class RejectionSummary:
    """What the pattern rules need to know about one rejection."""

    id: int
    company: str
    rejected_on: dt.date
    stage: str
    average: float | None = None
    concerns: frozenset[str] = frozenset()


def concern_skills(assessment: Assessment) -> frozenset[str]:
    """Skills the interviewer's side of this assessment calls a (strong) concern: its blind
    spots and growth areas."""
    return frozenset(s.key for s in assessment.skills if s.interviewer_side == "concern")


def _order(row: RejectionSummary) -> tuple[str, int]:
    return (row.rejected_on.isoformat(), row.id)


def _name(row: RejectionSummary) -> str:
    return rejection_in_sentence(row.company, row.rejected_on)


def name_rejections(rows: Sequence[RejectionSummary], total: int | None = None) -> str:
    """'A (date), B (date) and C (date)', or the first few and 'and N more'."""
    total = len(rows) if total is None else total
    names = [_name(r) for r in rows[:NAMED]]
    if total > len(names):
        return ", ".join(names) + texts.MORE_REJECTIONS.format(count=total - len(names))
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def recurring_concern(skill: str, rows: Sequence[RejectionSummary], total: int) -> Pattern:
    rows = sorted(rows, key=_order)
    sentence = texts.CONCERN_SENTENCE.format(
        skill=SKILL_NAMES[skill], total=total, names=name_rejections(rows, total)
    )
    return Pattern("recurring_concern", sentence, tuple(r.id for r in rows), skill=skill)


def stage_wall(stage: str, rows: Sequence[RejectionSummary], total: int) -> Pattern:
    rows = sorted(rows, key=_order)
    sentence = texts.STAGE_WALL_SENTENCE.format(
        total=total, stage=STAGES[stage], names=name_rejections(rows, total)
    )
    return Pattern("stage_wall", sentence, tuple(r.id for r in rows), stage=stage)


def no_progress(last: Sequence[RejectionSummary]) -> Pattern | None:
    """The pattern if the averages of these (oldest first) never rise, else None."""
    averages = [r.average for r in last]
    if len(last) < REPEATS or any(a is None for a in averages):
        return None
    if any(later > earlier + TOLERANCE for earlier, later in itertools.pairwise(averages)):
        return None
    steps = texts.NO_PROGRESS_SEPARATOR.join(
        texts.NO_PROGRESS_STEP.format(average=r.average, rejection=_name(r)) for r in last
    )
    sentence = texts.NO_PROGRESS_SENTENCE.format(count=len(last), steps=steps)
    return Pattern("no_progress", sentence, tuple(r.id for r in last))


def detect_patterns(rows: Iterable[RejectionSummary], total: int | None = None) -> list[Pattern]:
    """The patterns in these rejections: recurring concerns (skill order), stage walls (stage
    order), then no progress. ``total`` is how many rejections there are in all when ``rows``
    is a pre-selected subset; nothing is found below :data:`MIN_REJECTIONS`."""
    rows = sorted(rows, key=_order)
    if (len(rows) if total is None else total) < MIN_REJECTIONS:
        return []
    by_skill: dict[str, list[RejectionSummary]] = defaultdict(list)
    by_stage: dict[str, list[RejectionSummary]] = defaultdict(list)
    for row in rows:
        for skill in row.concerns:
            by_skill[skill].append(row)
        by_stage[row.stage].append(row)
    found = [
        recurring_concern(skill, by_skill[skill], len(by_skill[skill]))
        for skill in SKILL_KEYS
        if len(by_skill[skill]) >= REPEATS
    ]
    found += [
        stage_wall(stage, by_stage[stage], len(by_stage[stage]))
        for stage in STAGE_KEYS
        if len(by_stage[stage]) >= REPEATS
    ]
    rated = [r for r in rows if r.average is not None]
    stalled = no_progress(rated[-REPEATS:])
    if stalled:
        found.append(stalled)
    return found


# ---- from the database -----------------------------------------------------------------


def count_rejections(db: Database, owner: str = "local", filters: Filters | None = None) -> int:
    where, params = filter_sql(owner, filters)
    sql = f"SELECT count(*) FROM rejections r WHERE {where}"  # noqa: S608 - no user text
    return int(db.execute(sql, params).fetchone()[0])


def rejections_needed(db: Database, owner: str = "local", filters: Filters | None = None) -> int:
    """How many more rejections patterns need; 0 when there are enough."""
    return max(0, MIN_REJECTIONS - count_rejections(db, owner, filters))


def _candidate_rows(db: Database, owner: str, filters: Filters | None) -> list[RejectionSummary]:
    where, params = filter_sql(owner, filters)
    sql = f"""
        WITH chosen AS MATERIALIZED (SELECT r.id, r.stage, r.rejected_on FROM rejections r WHERE {where}),
        rated AS MATERIALIZED (
            SELECT rejection_id, skill, interviewer_value, combined
            FROM {storage.skill_ratings("SELECT id FROM chosen")}
        ),
        concern AS MATERIALIZED (
            SELECT rejection_id, skill FROM rated WHERE interviewer_value <= 2
            UNION
            SELECT f.rejection_id, f.key FROM findings f
            WHERE f.rejection_id IN (SELECT id FROM chosen) AND f.polarity < 0
                AND f.key IN ({_SKILL_LIST})
                AND NOT EXISTS (
                    SELECT 1 FROM ratings x WHERE x.rejection_id = f.rejection_id
                        AND x.source = 'interviewer' AND x.skill = f.key)
        ),
        repeated_skill AS (
            SELECT skill FROM concern GROUP BY skill HAVING count(*) >= {REPEATS}
        ),
        repeated_stage AS (
            SELECT stage FROM chosen GROUP BY stage HAVING count(*) >= {REPEATS}
        ),
        averages AS MATERIALIZED (
            SELECT rejection_id, avg(combined) AS average FROM rated GROUP BY rejection_id
        ),
        last_rated AS (
            SELECT c.id FROM chosen c JOIN averages a ON a.rejection_id = c.id
            ORDER BY c.rejected_on DESC, c.id DESC LIMIT {REPEATS}
        ),
        wanted AS (
            SELECT rejection_id AS id FROM concern WHERE skill IN (SELECT skill FROM repeated_skill)
            UNION SELECT id FROM chosen WHERE stage IN (SELECT stage FROM repeated_stage)
            UNION SELECT id FROM last_rated
        )
        SELECT r.id, r.company, r.rejected_on, r.stage,
            (SELECT average FROM averages WHERE rejection_id = r.id) AS average,
            (SELECT group_concat(skill) FROM concern
                WHERE rejection_id = r.id AND skill IN (SELECT skill FROM repeated_skill))
                AS concerns
        FROM rejections r WHERE r.id IN (SELECT id FROM wanted)
        ORDER BY r.rejected_on, r.id
    """  # noqa: S608 - only constants and placeholders go into the SQL
    return [
        RejectionSummary(
            id=row[0],
            company=row[1],
            rejected_on=storage.stored_date(row[2]) or dt.date.min,
            stage=row[3],
            average=row[4],
            concerns=frozenset(row[5].split(",")) if row[5] else frozenset(),
        )
        for row in db.execute(sql, params).fetchall()
    ]


def find_patterns(
    db: Database, owner: str = "local", filters: Filters | None = None
) -> list[Pattern]:
    """The owner's patterns (optionally within progress filters), found with SQL doing the
    counting: only the rejections a pattern can rest on come back to Python."""
    total = count_rejections(db, owner, filters)
    if total < MIN_REJECTIONS:
        return []
    # Every rejection at a repeated stage or with a repeated concern comes back, so the
    # counts detect_patterns makes over this subset are the full counts.
    return detect_patterns(_candidate_rows(db, owner, filters), total=total)
