"""Progress over time: SQL aggregates for the progress page and the figures drawn from them.

Every function takes :class:`Filters` (date range, stages, company) and lets SQLite do the
counting and averaging, so a long history never comes into Python row by row. Filters look at
the user's own rejections, never at the examples; ``Filters(examples=True)`` looks at the
example data set alone (Progress with only examples loaded, an example's own plan), so the two
are never mixed.

A line never carries more than :data:`MAX_POINTS` points: with up to that many matching
rejections there is one point per rejection, beyond it one per month (per year if even the
months are too many).

"Skills that improved" compare the earlier half of the filtered rejections with the later
half (by rejection date), averaging the combined score of each skill within each half. Halves
are steadier than first-versus-latest, where one unusual interview decides everything. A skill
improved when its later average is at least :data:`IMPROVED_BY` higher.

Figures hold no user text (no company or role in titles, legends or hover text) and set no
background, so they follow the app's light or dark theme. Colours and the radar's look come
from :mod:`assessment.views.figures` (Okabe-Ito colours that hold 3:1 on both themes). Skills
over time are small multiples: one small chart per skill on the same 1-5 scale and the same
dates, which stay readable where eight lines in one chart would tangle.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd
from sqlite_utils import Database

from assessment import storage
from assessment.scoring import map_interviewer
from assessment.skills import SKILL_KEYS, SKILL_NAMES, STAGE_KEYS, STAGES
from assessment.views import figures

if TYPE_CHECKING:
    import plotly.graph_objects as go

MAX_POINTS = 500
IMPROVED_BY = 0.25


@dataclass(frozen=True)
class Filters:
    """Which rejections the progress page looks at. Empty means no limit."""

    start: dt.date | None = None
    end: dt.date | None = None
    stages: tuple[str, ...] = field(default_factory=tuple)
    company: str = ""
    examples: bool = False  # the example data set instead of the user's own rejections


NO_FILTERS = Filters()
EXAMPLES_NOTE = (
    "You have no rejections of your own yet, so this is the example data's progress. Yours "
    "shows here, without the examples, once you have reflected on a rejection."
)


def filter_sql(owner: str, filters: Filters | None) -> tuple[str, list]:
    """A WHERE clause over ``rejections r`` and its parameters (placeholders only)."""
    filters = filters or NO_FILTERS
    clauses = ["r.owner = ?", "r.example = ?"]
    params: list = [owner, int(filters.examples)]
    if filters.start:
        clauses.append("r.rejected_on >= ?")
        params.append(filters.start.isoformat())
    if filters.end:
        clauses.append("r.rejected_on <= ?")
        params.append(filters.end.isoformat())
    stages = [s for s in filters.stages if s in STAGE_KEYS]
    if stages:
        clauses.append(f"r.stage IN ({', '.join('?' for _ in stages)})")
        params.extend(stages)
    company = filters.company.strip()
    if company:
        # instr, not LIKE: % and _ in what the user types are plain characters.
        clauses.append("instr(lower(r.company), lower(?)) > 0")
        params.append(company)
    return " AND ".join(clauses), params


def _chosen(owner: str, filters: Filters | None) -> tuple[str, list]:
    where, params = filter_sql(owner, filters)
    return f"chosen AS MATERIALIZED (SELECT r.* FROM rejections r WHERE {where})", params  # noqa: S608


# Ratings are read through ``chosen`` (the ratings primary key starts with rejection_id), and
# the date comes along, so no query has to join two derived tables (SQLite would scan one for
# every row of the other).
SKILL_RATINGS_OF_CHOSEN = storage.skill_ratings("SELECT id FROM chosen")
_PER_SKILL = f"""
    per_skill AS MATERIALIZED (
        SELECT c.id AS rejection_id, c.rejected_on AS rejected_on, s.skill AS skill, s.combined
        FROM {SKILL_RATINGS_OF_CHOSEN} s JOIN chosen c ON c.id = s.rejection_id
    )
"""  # noqa: S608 - our own SQL only


def _frame(db: Database, sql: str, params: list) -> pd.DataFrame:
    cursor = db.execute(sql, params)
    columns = [c[0] for c in cursor.description]
    return pd.DataFrame(cursor.fetchall(), columns=columns)


def count(db: Database, owner: str, filters: Filters | None = None) -> int:
    where, params = filter_sql(owner, filters)
    sql = f"SELECT count(*) FROM rejections r WHERE {where}"  # noqa: S608
    return int(db.execute(sql, params).fetchone()[0])


def date_bounds(db: Database, owner: str, examples: bool = False) -> tuple[dt.date, dt.date] | None:
    """The first and last rejection dates of the owner's own rejections (of the examples with
    ``examples``), or None without any."""
    first, last = db.execute(
        "SELECT min(rejected_on), max(rejected_on) FROM rejections WHERE owner = ? AND example = ?",
        [owner, int(examples)],
    ).fetchone()
    if first is None:
        return None
    return storage.stored_date(first) or dt.date.min, storage.stored_date(last) or dt.date.min


def granularity(db: Database, owner: str, filters: Filters | None = None) -> str:
    """ "rejection" with up to MAX_POINTS rejections, else "month" (or "year" if needed)."""
    if count(db, owner, filters) <= MAX_POINTS:
        return "rejection"
    where, params = filter_sql(owner, filters)
    sql = f"SELECT count(DISTINCT substr(r.rejected_on, 1, 7)) FROM rejections r WHERE {where}"  # noqa: S608
    months = db.execute(sql, params).fetchone()[0]
    return "month" if months <= MAX_POINTS else "year"


def _period(by: str) -> str:
    """SQL for the x value of a point: the date, the first of the month or of the year."""
    if by == "month":
        return "substr(c.rejected_on, 1, 7) || '-01'"
    if by == "year":
        return "substr(c.rejected_on, 1, 4) || '-01-01'"
    return "c.rejected_on"


@dataclass(frozen=True)
class Trend:
    """Points for a line chart; ``by`` is "rejection", "month" or "year"."""

    frame: pd.DataFrame
    by: str

    @property
    def summarised(self) -> bool:
        return self.by != "rejection"


def skill_trend(db: Database, owner: str, filters: Filters | None = None) -> Trend:
    """Combined score per skill over time: columns ``when`` (date), ``skill``, ``score``,
    ``rejections`` (how many rejections the point averages)."""
    by = granularity(db, owner, filters)
    chosen, params = _chosen(owner, filters)
    period = _period(by).replace("c.", "p.")
    if by == "rejection":
        group, order = "p.rejection_id", "p.rejected_on, p.rejection_id"
    else:
        group, order = period, period
    sql = f"""
        WITH {chosen}, {_PER_SKILL}
        SELECT {period} AS "when", p.skill AS skill, avg(p.combined) AS score,
            count(DISTINCT p.rejection_id) AS rejections
        FROM per_skill p
        WHERE p.combined IS NOT NULL
        GROUP BY {group}, p.skill
        ORDER BY {order}, p.skill
    """  # noqa: S608 - constants and placeholders only
    frame = _frame(db, sql, params)
    frame["when"] = pd.to_datetime(frame["when"], format="ISO8601")
    return Trend(frame, by)


def mood_trend(db: Database, owner: str, filters: Filters | None = None) -> Trend:
    """Mood and confidence over time: columns ``when``, ``measure`` ("Mood" or "Confidence"),
    ``value``."""
    by = granularity(db, owner, filters)
    chosen, params = _chosen(owner, filters)
    group = "c.id" if by == "rejection" else _period(by)
    order = "c.rejected_on, c.id" if by == "rejection" else _period(by)
    sql = f"""
        WITH {chosen}
        SELECT {_period(by)} AS "when", avg(f.mood) AS mood, avg(f.confidence) AS confidence
        FROM chosen c JOIN reflections f ON f.rejection_id = c.id
        WHERE f.mood IS NOT NULL OR f.confidence IS NOT NULL
        GROUP BY {group} ORDER BY {order}
    """  # noqa: S608 - constants and placeholders only
    wide = _frame(db, sql, params)
    long = wide.melt(id_vars="when", var_name="measure", value_name="value").dropna()
    long["measure"] = long["measure"].map({"mood": "Mood", "confidence": "Confidence"})
    long["when"] = pd.to_datetime(long["when"], format="ISO8601")
    return Trend(long.reset_index(drop=True), by)


def stages_reached(db: Database, owner: str, filters: Filters | None = None) -> pd.DataFrame:
    """Per stage, in process order: ``ended`` (rejections that ended there) and ``reached``
    (rejections that got at least that far)."""
    where, params = filter_sql(owner, filters)
    sql = f"SELECT r.stage, count(*) FROM rejections r WHERE {where} GROUP BY r.stage"  # noqa: S608
    counts = dict(db.execute(sql, params).fetchall())
    ended = [int(counts.get(s, 0)) for s in STAGE_KEYS]
    reached = [sum(ended[i:]) for i in range(len(ended))]
    return pd.DataFrame(
        {
            "stage": list(STAGE_KEYS),
            "name": [STAGES[s] for s in STAGE_KEYS],
            "ended": ended,
            "reached": reached,
        }
    )


@dataclass(frozen=True)
class Snapshot:
    """One rejection's ratings on the 1-5 scale, for the radar."""

    rejection_id: int
    rejected_on: dt.date
    combined: dict[str, float | None]
    self_ratings: dict[str, float | None]
    interviewer: dict[str, float | None]


def first_and_latest(
    db: Database, owner: str, filters: Filters | None = None
) -> tuple[Snapshot, Snapshot] | None:
    """The first and latest rated rejection in the filters (None if fewer than two)."""
    chosen, params = _chosen(owner, filters)
    sql = f"""
        WITH {chosen}, {_PER_SKILL},
        rated AS (SELECT DISTINCT rejection_id FROM per_skill WHERE combined IS NOT NULL)
        SELECT id, rejected_on FROM (
            SELECT * FROM (SELECT id, rejected_on FROM chosen WHERE id IN rated
                ORDER BY rejected_on, id LIMIT 1)
            UNION ALL
            SELECT * FROM (SELECT id, rejected_on FROM chosen WHERE id IN rated
                ORDER BY rejected_on DESC, id DESC LIMIT 1)
        )
    """  # noqa: S608 - constants and placeholders only
    ends = db.execute(sql, params).fetchall()
    if len(ends) < 2 or ends[0][0] == ends[1][0]:
        return None
    return _snapshot(db, ends[0][0], ends[0][1]), _snapshot(db, ends[1][0], ends[1][1])


def _snapshot(db: Database, rejection_id: int, rejected_on: str) -> Snapshot:
    found = {
        row[0]: row[1:]
        for row in db.execute(
            "SELECT skill, self_value, interviewer_value, combined "  # noqa: S608 - our SQL
            f"FROM {storage.skill_ratings('?')}",
            [rejection_id],
        )
    }
    own = {k: found.get(k, (None,))[0] for k in SKILL_KEYS}
    theirs = {k: found.get(k, (None, None))[1] for k in SKILL_KEYS}
    return Snapshot(
        rejection_id=rejection_id,
        rejected_on=storage.stored_date(rejected_on) or dt.date.min,
        combined={k: found.get(k, (None, None, None))[2] for k in SKILL_KEYS},
        self_ratings={k: None if own[k] is None else float(own[k]) for k in SKILL_KEYS},
        interviewer={k: map_interviewer(theirs[k]) for k in SKILL_KEYS},
    )


def skill_change(db: Database, owner: str, filters: Filters | None = None) -> pd.DataFrame:
    """Per skill rated in both halves: ``earlier`` and ``later`` average combined score,
    ``change`` and ``improved`` (change >= IMPROVED_BY). Needs two rejections or more."""
    chosen, params = _chosen(owner, filters)
    sql = f"""
        WITH {chosen},
        later_start AS MATERIALIZED (
            SELECT rejected_on, id FROM chosen ORDER BY rejected_on, id
            LIMIT 1 OFFSET (SELECT count(*) / 2 FROM chosen)
        ),
        per_skill AS MATERIALIZED (
            SELECT (r.rejected_on, r.id) >= (SELECT rejected_on, id FROM later_start)
                AS later_half, s.skill, s.combined
            FROM {SKILL_RATINGS_OF_CHOSEN} s JOIN rejections r ON r.id = s.rejection_id
        )
        SELECT skill,
            avg(CASE WHEN NOT later_half THEN combined END) AS earlier,
            avg(CASE WHEN later_half THEN combined END) AS later
        FROM per_skill
        GROUP BY skill
    """  # noqa: S608 - constants and placeholders only
    frame = _frame(db, sql, params).dropna()
    frame = frame[frame["skill"].isin(SKILL_KEYS)].copy()
    frame["order"] = frame["skill"].map(SKILL_KEYS.index)
    frame = frame.sort_values("order").drop(columns="order").reset_index(drop=True)
    frame.insert(1, "name", frame["skill"].map(SKILL_NAMES))
    frame["change"] = frame["later"] - frame["earlier"]
    frame["improved"] = frame["change"] >= IMPROVED_BY - 1e-9
    return frame


@dataclass(frozen=True)
class Gaps:
    """Days between consecutive rejections in the filters."""

    count: int  # how many gaps (rejections - 1)
    median_days: float | None
    latest_days: int | None


def change_table(change: pd.DataFrame) -> pd.DataFrame:
    """:func:`skill_change` as the page shows it: skill, earlier, later, change and whether it
    improved, the most improved first, to two decimals."""
    table = change.assign(Result=change["improved"].map({True: "Improved", False: "Not yet"}))
    table = table[["name", "earlier", "later", "change", "Result"]].rename(
        columns={"name": "Skill", "earlier": "Earlier", "later": "Later", "change": "Change"}
    )
    return table.sort_values("Change", ascending=False).round(2)


def gaps(db: Database, owner: str, filters: Filters | None = None) -> Gaps:
    chosen, params = _chosen(owner, filters)
    sql = f"""
        WITH {chosen},
        g AS (
            SELECT julianday(rejected_on)
                - julianday(lag(rejected_on) OVER (ORDER BY rejected_on, id)) AS days,
                row_number() OVER (ORDER BY rejected_on DESC, id DESC) AS from_end
            FROM chosen
        ),
        known AS (SELECT days, from_end FROM g WHERE days IS NOT NULL),
        ordered AS (
            SELECT days, row_number() OVER (ORDER BY days) AS k, count(*) OVER () AS n
            FROM known
        )
        SELECT
            (SELECT count(*) FROM known),
            (SELECT avg(days) FROM ordered WHERE k IN ((n + 1) / 2, (n + 2) / 2)),
            (SELECT days FROM known WHERE from_end = 1)
    """  # noqa: S608 - constants and placeholders only
    n, median, latest = db.execute(sql, params).fetchone()
    return Gaps(
        count=int(n),
        median_days=None if median is None else float(median),
        latest_days=None if latest is None else int(latest),
    )


def rejections_table(
    db: Database, owner: str, filters: Filters | None = None, limit: int = 100, offset: int = 0
) -> pd.DataFrame:
    """The filtered rejections, newest first, one page at a time, with their average."""
    chosen, params = _chosen(owner, filters)
    sql = f"""
        WITH {chosen},
        page AS MATERIALIZED (SELECT * FROM chosen ORDER BY rejected_on DESC, id DESC LIMIT ? OFFSET ?),
        per_skill AS MATERIALIZED (
            SELECT rejection_id, combined FROM {storage.skill_ratings("SELECT id FROM page")}
        )
        SELECT page.rejected_on AS "Rejected on", page.company AS "Company",
            page.role AS "Role", page.stage AS stage,
            (SELECT round(avg(combined), 1) FROM per_skill WHERE rejection_id = page.id)
                AS "Average score"
        FROM page ORDER BY page.rejected_on DESC, page.id DESC
    """  # noqa: S608 - constants and placeholders only
    frame = _frame(db, sql, [*params, int(limit), int(offset)])
    frame.insert(3, "Stage", frame.pop("stage").map(STAGES))
    return frame


# ---- figures ---------------------------------------------------------------------------


def _layout(fig: go.Figure, y_title: str | None = None) -> go.Figure:
    fig.update_layout(
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        hovermode="closest",
        dragmode=False,  # a finger on a phone scrolls the page instead of zooming the chart
    )
    if y_title:
        fig.update_yaxes(title_text=y_title)
    return fig


def _when_label(by: str) -> str:
    return {"rejection": "%{x|%d %b %Y}", "month": "%{x|%b %Y}", "year": "%{x|%Y}"}[by]


def skills_with_points(trend: Trend, skills: tuple[str, ...] | list[str] = SKILL_KEYS) -> list[str]:
    """The chosen skills (all when none is chosen) that have a point, in domain order."""
    chosen = set(skills) or set(SKILL_KEYS)
    present = set(trend.frame["skill"])
    return [k for k in SKILL_KEYS if k in chosen and k in present]


def skill_trend_figure(trend: Trend, skills: tuple[str, ...] | list[str] = SKILL_KEYS):
    """Small multiples: one small chart per chosen skill (all when none is chosen), two to a
    row, each its combined score 1-5 over time on the same dates and scale."""
    panels = []
    for key in skills_with_points(trend, skills):
        points = trend.frame[trend.frame["skill"] == key]
        hover = f"{SKILL_NAMES[key]}<br>{_when_label(trend.by)}: %{{y:.1f}}<extra></extra>"
        panels.append((SKILL_NAMES[key], points["when"], points["score"], hover))
    return figures.small_multiples(panels, (0.8, 5.2))


def mood_figure(trend: Trend):
    """Mood and confidence (1-5) over time."""
    import plotly.graph_objects as go  # lazy: importing assessment must not load plotly

    fig = go.Figure()
    for measure, colour, dash in (
        ("Mood", figures.VERMILLION, "solid"),
        ("Confidence", figures.BLUE, "dash"),
    ):
        points = trend.frame[trend.frame["measure"] == measure]
        fig.add_trace(
            go.Scatter(
                x=points["when"],
                y=points["value"],
                mode="lines+markers",
                name=measure,
                line={"color": colour, "dash": dash, "width": 2.5},
                hovertemplate=f"{measure}<br>{_when_label(trend.by)}: %{{y:.1f}}<extra></extra>",
            )
        )
    fig.update_yaxes(range=[0.8, 5.2], dtick=1)
    return _layout(fig, "1 = very low, 5 = great")


def stages_figure(stages: pd.DataFrame):
    """How many rejections reached each stage (a funnel read top to bottom)."""
    import plotly.graph_objects as go  # lazy: importing assessment must not load plotly

    fig = go.Figure(
        go.Funnel(
            y=stages["name"],
            x=stages["reached"],
            marker={"color": figures.BLUE},
            textinfo="value",
            textfont={"color": "#FFFFFF"},
            hovertemplate="Reached %{y}: %{x}<extra></extra>",
        )
    )
    return _layout(fig)


def first_latest_radar(first: Snapshot, latest: Snapshot):
    """The combined score per skill of the first and the latest rejection, overlaid: each a
    closed shape over the skills it has (:func:`assessment.views.figures.polar_layer`)."""
    import plotly.graph_objects as go  # lazy: importing assessment must not load plotly

    fig = go.Figure()
    for snap, label, colour, dash in (
        (first, "First", figures.GREY, "dash"),
        (latest, "Latest", figures.BLUE, "solid"),
    ):
        values = [snap.combined[k] for k in SKILL_KEYS]
        hover = ["not rated" if v is None else f"{v:.1f} of 5" for v in values]
        name = f"{label} ({snap.rejected_on:%d %b %Y})"
        fig.add_traces(figures.polar_layer(name, values, hover, colour, dash))
    return figures.radar_layout(fig, height=480)
