"""The one helper every page calls first: the page registry, page set-up, the database, the
owner, the current rejection, links between pages.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st
from sqlite_utils import Database

from assessment import access, names, storage
from assessment.plan.steps import build_plan
from assessment.views import figures


@dataclass(frozen=True)
class PageSpec:
    """One page of the app: its file, title, icon and the sidebar section it sits in."""

    name: str
    file: str
    title: str
    icon: str
    section: str


# Every page, once. ``app.py`` routes over them; links name them by ``name``. The URL path is
# Streamlit's default, the file's name (``/reflect``, ``/next_steps``, …; Home is ``/``).
PAGE_SPECS = (
    PageSpec("home", "app_pages/home.py", "Home", ":material/home:", ""),
    PageSpec(
        "reflect", "app_pages/reflect.py", "Reflect", ":material/edit_note:", "This rejection"
    ),
    PageSpec(
        "feedback",
        "app_pages/feedback.py",
        "Interviewer feedback",
        ":material/forum:",
        "This rejection",
    ),
    PageSpec("results", "app_pages/results.py", "Results", ":material/radar:", "This rejection"),
    PageSpec(
        "next_steps",
        "app_pages/next_steps.py",
        "Next steps",
        ":material/checklist:",
        "This rejection",
    ),
    PageSpec(
        "practise", "app_pages/practise.py", "Practise", ":material/record_voice_over:", "Over time"
    ),
    PageSpec("history", "app_pages/history.py", "History", ":material/history:", "Over time"),
    PageSpec(
        "progress", "app_pages/progress.py", "Progress", ":material/trending_up:", "Over time"
    ),
    PageSpec("data", "app_pages/data.py", "Your data", ":material/save:", "Over time"),
)
SPECS = {spec.name: spec for spec in PAGE_SPECS}
APP_ICON = "🌱"


PAGES_KEY = "_rebound_pages"


def page_of(name: str) -> st.Page:
    """The ``st.Page`` of one page of the registry, made once per browser session.

    ``st.Page`` resolves its file on the disk each time one is made (for the sidebar and every
    link, about a tenth of a short page's rerun), so each session keeps its own. Not one per
    server: ``st.navigation`` marks the page it returns as the one to run, so two sessions
    running at once must not share the object."""
    pages = st.session_state.setdefault(PAGES_KEY, {})
    page = pages.get(name)
    if page is None:
        spec = SPECS[name]
        page = st.Page(spec.file, title=spec.title, icon=spec.icon, default=name == "home")
        pages[name] = page
    return page


def navigation() -> dict[str, list[st.Page]]:
    """The pages grouped into the sidebar's sections, for ``st.navigation``."""
    sections: dict[str, list[st.Page]] = {}
    for spec in PAGE_SPECS:
        sections.setdefault(spec.section, []).append(page_of(spec.name))
    return sections


@dataclass(frozen=True)
class Context:
    db: Database
    owner: str
    db_path: Path


def _read_secrets() -> tuple[dict | None, str | None]:
    """The secrets as a dict, or None and why they could not be read. No secrets file at all
    is an empty dict; one that exists but cannot be read or parsed is a problem."""
    try:
        return st.secrets.to_dict(), None
    except FileNotFoundError as exc:  # StreamlitSecretNotFoundError: missing *or* unparsable
        files = [Path(f) for f in st.get_option("secrets.files")]
        if any(f.exists() for f in files):
            return None, str(exc)
        return {}, None
    except Exception as exc:  # unreadable (permissions), not valid UTF-8, …
        return None, f"{type(exc).__name__}: {exc}"


def access_mode() -> access.Access:
    """Local or shared, decided fail-closed (``assessment.access.decide``)."""
    secrets, problem = _read_secrets()
    return access.decide(secrets, problem)


def _login_page(providers: tuple[str, ...]) -> None:
    st.title("Rebound", anchor=False)
    st.write("Please log in to see your reflections. Your data is visible only to you.")
    for name in providers:
        label = "Log in" if len(providers) == 1 else f"Log in with {name.title()}"
        if st.button(label, key=f"login_{name}", type="primary"):
            st.login(None if name == access.DEFAULT_PROVIDER else name)
    st.stop()


OWNER_KEY = "_rebound_owner"


def refuse_if_misconfigured() -> access.Access:
    """Stop with an error page when the login settings are broken (never serve everyone)."""
    mode = access_mode()
    if mode.problem:
        st.error(f"Rebound cannot start: {mode.problem}")
        st.stop()
    return mode


def served_to_this_account_only() -> bool:
    """Whether the server runs under a secret path (the ``rebound`` launcher): without it,
    other accounts on this computer can open the app through the loopback port."""
    return bool(st.get_option("server.baseUrlPath"))


SHARED_PORT_WARNING = (
    "Rebound was started with `streamlit run`, so while it runs, other accounts on this "
    "computer can open it at the same address. Start it with `rebound` instead to keep it to "
    "your account alone."
)


@st.cache_resource(show_spinner=False)
def _warn_once_per_server() -> None:
    print(f"Rebound: {SHARED_PORT_WARNING}", file=sys.stderr)


def current_owner(db: Database, mode: access.Access) -> str:
    """The owner whose data this session shows: ``"local"`` in the single-user app, the
    logged-in person's account in a shared deployment (asking for a login first)."""
    if not mode.shared:
        if not served_to_this_account_only():
            _warn_once_per_server()
        return storage.LOCAL_OWNER
    if not st.user.is_logged_in:
        _login_page(mode.providers)
    claims = {
        key: st.user.get(key) for key in ("email", "email_verified", "xms_edov", "iss", "sub")
    }
    try:
        identity = access.identity_from_claims(claims)
    except access.LoginRefused as exc:
        st.error(str(exc))
        if st.button("Log out", key="logout_refused"):
            st.logout()
        st.stop()
    known = st.session_state.get(OWNER_KEY)
    if known is not None and known[0] == (identity.issuer, identity.subject):
        owner = known[1]
    else:
        try:
            owner = storage.owner_for_identity(db, identity)
        except storage.StorageError as exc:
            st.error(str(exc))
            st.stop()
        st.session_state[OWNER_KEY] = ((identity.issuer, identity.subject), owner)
    # On a shared computer (a career centre's) the next person must not inherit the session.
    st.sidebar.text(f"Logged in as {identity.email}")
    if st.sidebar.button("Log out", key="logout"):
        st.logout()
    return owner


def _open_db(path: Path) -> Database:
    """One connection per browser session (a connection must not be shared across sessions,
    or two sessions' writes could land in one transaction)."""
    key = f"_rebound_db::{path}"
    db = st.session_state.get(key)
    if db is None:
        db = storage.connect(path)
        st.session_state[key] = db
    return db


# With ``toolbarMode = "minimal"`` Streamlit shows its app menu only when the app defines a
# menu item; the menu then offers the theme choice (System, Light, Dark) and this item, and none
# of the developer options (rerun, clear cache, deploy) or print and screen recording.
MENU_ITEMS = {
    "About": "Rebound helps you reflect after a job-interview rejection. Everything stays in one "
    "file on your computer. Choose a light or dark theme, or follow your system, above.",
    "Get help": None,
    "Report a bug": None,
}

# Focus ring: 3:1 against the light and the dark background alike (tests/test_theme.py).
FOCUS_COLOUR = "#2E8B83"
# The only CSS, sent as a style-only ``st.html`` (Streamlit puts it in its event container and
# draws nothing). It holds no user text. A visible focus ring on links, buttons, radio options
# and other focusable elements (Streamlit's own is faint); no "link to heading" anchor on a
# Markdown heading (``st.title``/``st.header``/``st.subheader`` take ``anchor=False``, Markdown
# headings have no such option); rating segments (``st.segmented_control``) at least 44 px
# each way, a finger's tap target; and the copy button of every ``st.code`` box shown at all
# times, not only while the pointer is over the box.
PAGE_CSS = f"""
a:focus-visible, button:focus-visible, summary:focus-visible,
[tabindex]:not(input, textarea):focus-visible,
label[data-testid="stRadioOption"][data-focus-visible],
label[data-testid="stRadioOption"]:has(input:focus-visible),
label[data-baseweb="checkbox"]:has(input:focus-visible) {{
  outline: 3px solid {FOCUS_COLOUR} !important;
  outline-offset: 2px;
  border-radius: 4px;
}}
[data-testid="stMarkdownContainer"] [data-testid="stHeaderActionElements"] {{
  display: none;
}}
[data-testid="stButtonGroup"] button {{
  min-width: 44px;
  min-height: 44px;
}}
[data-testid="stCode"] > div:has([data-testid="stElementToolbarButton"]) {{
  opacity: 1 !important;
  visibility: visible !important;
}}
[data-testid="stCode"]:has([data-testid="stElementToolbarButton"]) pre {{
  padding-right: 3rem;  /* the first line is not hidden under the copy button */
}}
"""


def draft_notice(
    restored: object, problem: str | None, key: str, on_discard: Callable[[], None], what: str
) -> None:
    """The "Draft restored" notice with its "Discard draft" button (``restored``: when the draft
    was kept, or True when that is unknown), and the warning when a draft could not be kept.
    ``what`` completes "Draft restored: ..." for the page."""
    if restored:
        when = f" from {restored.astimezone():%d %b %Y, %H:%M}" if restored is not True else ""
        st.info(f"Draft restored: {what.format(when=when)}", icon=":material/restore:")
        st.button("Discard draft", key=key, on_click=on_discard)
    if problem:
        st.warning(
            f"Your draft could not be kept: {problem} What you entered stays in this window "
            "until you save."
        )


def page(title: str, icon: str | None = None) -> Context:
    """Set up a page and return what it needs. Shows an error and stops if the database
    cannot be opened."""
    # An emoji icon, never a ``:material/...:`` one: Streamlit's frontend would fetch a
    # Material favicon from a third-party font server, an emoji it draws itself.
    st.set_page_config(
        page_title=f"{title} · Rebound",
        page_icon=icon or APP_ICON,
        layout="wide",
        menu_items=MENU_ITEMS,
    )
    st.html(f"<style>{PAGE_CSS}</style>")
    mode = refuse_if_misconfigured()
    path = storage.default_db_path()
    try:
        db = _open_db(path)
    except storage.DatabaseDamaged as exc:
        st.error(
            f"{exc}\n\nRebound did not change or delete that file. To restore a backup, close "
            "the app, copy a backup file over it (or set REBOUND_DB to another file), and start "
            "again."
        )
        st.stop()
    except storage.StorageError as exc:
        st.error(str(exc))
        st.stop()
    owner = current_owner(db, mode)
    return Context(db=db, owner=owner, db_path=path)


@contextlib.contextmanager
def writing() -> Iterator[None]:
    """Around one user action's write: if it cannot be written (read-only file, full disk, a
    lock), say so where the user is and carry on drawing the page; nothing was written."""
    try:
        yield
    except storage.StorageError as exc:
        st.error(f"Nothing was changed: {exc}")


QUERY_CACHE_KEY = "_rebound_query_cache"
QUERY_CACHE_ENTRIES = 64


def cached(ctx: Context, key: Hashable, build: Callable[[], Any]) -> Any:
    """``build()``, computed once per change of the data, for this session only.

    For what reads many rows or is slow to build (a plan, the Progress aggregates, plotly
    figures): Streamlit reruns the page on every click. The results live in this session's
    state, so no other session can read them and they go when the session ends; any write,
    from this session or another process, moves the data version (``storage.data_version``)
    and empties the cache. ``key`` must name everything the result depends on besides the
    data; callers must not change what they get.
    """
    version = (str(ctx.db_path), ctx.owner, *storage.data_version(ctx.db))
    cache = st.session_state.setdefault(QUERY_CACHE_KEY, {})
    if cache.get("version") != version or len(cache) > QUERY_CACHE_ENTRIES:
        cache.clear()
        cache["version"] = version
    if key not in cache:
        value = build()
        if figures.is_figure(value):  # kept unchanged, so plotly's dict of it is made once
            value = figures.finished(value)
        cache[key] = value
    return cache[key]


def table(ctx: Context, key: Hashable, build: Callable[[], Any]) -> Any:
    """``build()``, a pandas table only shown (``st.dataframe``), as Arrow, through
    :func:`cached`: ``st.dataframe`` converts a pandas table to Arrow on every rerun, an Arrow
    one it only sends."""
    import pyarrow as pa  # pandas' string columns are Arrow already

    return cached(ctx, ("table", key), lambda: pa.Table.from_pandas(build(), preserve_index=False))


def chart(ctx: Context, key: Hashable, build: Callable[[], Any], element_key: str) -> None:
    """A plotly figure, ``build()`` once per change of the data (:func:`cached`), drawn the
    width of its column without plotly's toolbar."""
    st.plotly_chart(
        cached(ctx, key, build), width="stretch", key=element_key, config=figures.CHART_CONFIG
    )


def query(ctx: Context, func: Callable[..., Any], *args: Any) -> Any:
    """``func(ctx.db, *args)`` through :func:`cached`; ``func`` is a module-level function."""
    return cached(ctx, (func.__module__, func.__qualname__, args), lambda: func(ctx.db, *args))


def plan(ctx: Context, rejection_id: int) -> list:
    """The plan of one rejection (``assessment.plan.steps.build_plan``)."""
    return query(ctx, build_plan, rejection_id, ctx.owner, today())


CURRENT_KEY = "_rebound_current_rejection"


def selected_rejection_id(ctx: Context) -> int | None:
    """The rejection in ``?rejection=<id>`` if it is the user's; else the one this session
    last showed (the sidebar's links carry no query), else their latest one."""
    raw = st.query_params.get("rejection")
    rid = None
    if raw is not None:
        rid = storage.parse_id(raw)
        if rid is None or not storage.owns(ctx.db, rid, ctx.owner):
            st.warning("That rejection was not found, so your latest one is shown instead.")
            rid = None
    else:
        remembered = st.session_state.get(CURRENT_KEY)
        if remembered is not None and storage.owns(ctx.db, remembered, ctx.owner):
            rid = remembered
    if rid is None:
        rid = storage.latest_rejection_id(ctx.db, ctx.owner)
    remember_rejection(rid)
    return rid


def remember_rejection(rejection_id: int | None) -> None:
    """Show ``rejection_id`` in the address and remember it for this session's other pages."""
    if rejection_id is None:
        st.session_state.pop(CURRENT_KEY, None)
        return
    st.session_state[CURRENT_KEY] = rejection_id
    if st.query_params.get("rejection") != str(rejection_id):
        st.query_params["rejection"] = str(rejection_id)


def rejection_label(row: dict) -> str:
    """A rejection row of ``storage.rejection_choices`` as a chooser names it (with the
    example badge in front for an example)."""
    return names.rejection_label(
        row["company"], row["role"], row["stage"], row["rejected_on"], bool(row.get("example"))
    )


EXAMPLE_NOTE = (
    "This is one of the example rejections, not your own: it is never counted in your "
    "patterns, progress or backup. Remove the examples on Your data."
)


def example_badge(note: str = EXAMPLE_NOTE) -> None:
    """The badge shown where an example rejection (or the example set) is what is on screen."""
    st.badge(names.EXAMPLE_BADGE, icon=":material/science:", color="orange")
    st.caption(note)


def choose_rejection(ctx: Context, key: str = "choose_rejection") -> int | None:
    """A chooser of the user's rejections (latest 200), synced with ``?rejection=``.

    Returns the chosen id, or None when there are none yet.
    """
    current = selected_rejection_id(ctx)
    if current is None:
        return None
    rows = storage.rejection_choices(ctx.db, ctx.owner, limit=200, include=current)
    ids = [r["id"] for r in rows]
    labels = {r["id"]: rejection_label(r) for r in rows}
    chosen = st.selectbox(
        "Rejection",
        ids,
        index=ids.index(current),
        format_func=lambda i: labels[i],
        key=key,
        help="Which rejection this page is about.",
    )
    if chosen != current:
        remember_rejection(chosen)
    if any(r["id"] == chosen and r["example"] for r in rows):
        example_badge()
    return chosen


def empty_state(message: str) -> None:
    """What a page shows before there is any rejection."""
    st.info(message)
    col1, col2 = st.columns(2)
    with col1:
        link("reflect", "Start your first reflection", None, icon=":material/edit_note:")
    with col2:
        link("home", "Load example data on Home", None, icon=":material/home:")


def link(
    name: str, label: str, rejection_id: int | None, icon: str | None = None, **params: str
) -> None:
    """A link to another page carrying ``?rejection=`` and any other ``params`` (``skill=``
    for Practise). Labels are ours, never user text."""
    query = ({"rejection": str(rejection_id)} if rejection_id is not None else {}) | params
    st.page_link(page_of(name), label=label, icon=icon, query_params=query or None)


def go(name: str, rejection_id: int | None) -> None:
    params = {"rejection": str(rejection_id)} if rejection_id is not None else None
    st.switch_page(page_of(name), query_params=params)


def today() -> dt.date:
    return dt.date.today()


def flash(message: str) -> None:
    """A message to show once on the next page run (after a save and a page switch)."""
    st.session_state["_rebound_flash"] = message


def show_flash() -> None:
    message = st.session_state.pop("_rebound_flash", None)
    if message:
        st.success(message)
