"""A load client that speaks Streamlit's own websocket protocol, with no browser.

One :class:`Session` is what one browser tab is to the server: a websocket to
``/_stcore/stream`` that sends ``BackMsg`` protobufs (``rerun_script`` with a ``ClientState``:
the page, the query string and the widget values) and reads the ``ForwardMsg`` protobufs the
server sends back (``new_session`` at the start of every script run, ``delta`` for each
element, ``page_info_changed`` for the query string, ``navigation`` for the pages,
``script_finished`` at the end). A *rerun* is one user action, timed from sending
``rerun_script`` until the server reports that the run (and any ``st.rerun`` or
``st.switch_page`` it led to) finished.

Widgets are found by their user key: Streamlit's element ids end in it
(``$$ID-<hash>-r_company``). Like the browser, a session sends only what the user changed:
the server keeps every other widget's last value. A form is submitted as the browser does it,
in one rerun: the submit button's ``trigger_value`` with the form's values. Messages the
server marks cacheable are kept and their hashes sent back, as the browser's cache does, so
the server may answer with a reference instead of the whole element.

A :class:`Login` makes a session a logged-in person of a shared deployment: it brings the
signed cookie Streamlit's own login would have left (signed with the server's
``cookie_secret``), so each simulated user is their own account and no identity provider is
involved.

``app_path`` is the main path of one user of Rebound (open Home, open Reflect, fill and submit
its three steps, view Results, open Next steps, accept a step); ``bare_path`` is the same
number of reruns of a one-page app. Both wait a seeded 1-3 s of think time before each
action. The client runs in one asyncio loop; ``python benchmarks/capacity.py`` drives it.
"""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.web.server.starlette.starlette_app_utils import (
    create_signed_value,
    generate_xsrf_token_string,
)
from websockets.asyncio.client import connect
from websockets.exceptions import WebSocketException

DONE = {
    ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY,
    ForwardMsg.ScriptFinishedStatus.FINISHED_WITH_COMPILE_ERROR,
}
CACHE_ENTRIES = 2_000
THINK = (1.0, 3.0)  # seconds between two actions of one user


class PathError(Exception):
    """A step of a user's path that did not do what a user would see it do."""


@dataclass
class Stats:
    """What all sessions of one run of the client saw (shared, appended to)."""

    reruns: list[tuple[float, float, str]] = field(default_factory=list)  # (ended, s, action)
    errors: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    paths_done: int = 0


@dataclass(frozen=True)
class Login:
    """A logged-in person of a shared deployment, as Streamlit's login leaves them: the
    signed ``_streamlit_user`` cookie (the ID token's claims) and an XSRF cookie with its
    token, which the browser sends as the websocket's second subprotocol. Signed with the
    ``cookie_secret`` of the server's ``[auth]`` secrets, so no identity provider is needed."""

    cookie_secret: str
    subject: str

    def handshake(self, ws_url: str) -> tuple[str, dict[str, str]]:
        """The XSRF token and the headers (Origin, Cookie) of one websocket handshake."""
        origin = "http://" + urlsplit(ws_url).netloc
        claims = {
            "email": f"{self.subject}@load.invalid",
            "email_verified": True,
            "iss": "https://load.invalid",
            "sub": self.subject,
            "origin": origin,
            "is_logged_in": True,
            "provider": "default",
        }
        user = create_signed_value(self.cookie_secret, "_streamlit_user", json.dumps(claims))
        xsrf = generate_xsrf_token_string()
        cookie = f"_streamlit_user={user.decode('latin-1')}; _streamlit_xsrf={xsrf}"
        return xsrf, {"Origin": origin, "Cookie": cookie}


class Session:
    """One browser tab's worth of Streamlit session, over one websocket."""

    def __init__(
        self,
        ws_url: str,
        local_address: str | None = None,
        login: Login | None = None,
        timeout: float = 120,
    ):
        self.ws_url = ws_url
        self.local_address = local_address
        self.login = login
        self.timeout = timeout
        self.elements: dict[tuple[int, ...], object] = {}  # delta path -> Element
        self.pages: dict[str, str] = {}  # url path ("" for the default) -> page script hash
        self.page_hash = ""
        self.query_string = ""
        self.exceptions: list[str] = []
        self._cache: dict[str, ForwardMsg] = {}
        self._ws = None
        self._reader: asyncio.Task | None = None
        self._finished: asyncio.Future | None = None

    # ---- the connection ---------------------------------------------------------------

    async def open(self, query_string: str = "") -> float:
        """Connect and run the default page, as a browser opening the app's address."""
        extra = {"local_addr": (self.local_address, 0)} if self.local_address else {}
        protocols, headers = ["streamlit"], {}
        if self.login is not None:
            xsrf, headers = self.login.handshake(self.ws_url)
            protocols.append(xsrf)
        self._ws = await connect(
            self.ws_url,
            subprotocols=protocols,
            additional_headers=headers,
            max_size=None,
            open_timeout=self.timeout,
            ping_interval=None,
            **extra,
        )
        self._reader = asyncio.create_task(self._read())
        return await self.rerun(page="", query_string=query_string)

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            self._reader.cancel()
            try:
                await self._reader
            except (asyncio.CancelledError, Exception):
                pass

    async def _read(self) -> None:
        try:
            async for data in self._ws:
                msg = ForwardMsg()
                msg.ParseFromString(data)
                self._handle(msg)
        except Exception as exc:  # the connection went: whoever waits for a run hears it
            if self._finished is not None and not self._finished.done():
                self._finished.set_exception(PathError(f"connection lost: {exc!r}"))
            return
        if self._finished is not None and not self._finished.done():
            self._finished.set_exception(PathError("connection closed by the server"))

    def _handle(self, msg: ForwardMsg) -> None:
        kind = msg.WhichOneof("type")
        if kind == "ref_hash":  # an element the server knows this client has cached
            cached = self._cache.get(msg.ref_hash)
            if cached is None:
                raise PathError(f"unknown cached message {msg.ref_hash}")
            full = ForwardMsg()
            full.CopyFrom(cached)
            full.metadata.CopyFrom(msg.metadata)
            msg, kind = full, full.WhichOneof("type")
        elif msg.metadata.cacheable and msg.hash:
            if len(self._cache) >= CACHE_ENTRIES:
                self._cache.pop(next(iter(self._cache)))
            self._cache[msg.hash] = msg
        if kind == "new_session":  # a script run starts: its elements replace the last ones
            self.elements.clear()
            self.page_hash = msg.new_session.page_script_hash
            for page in msg.new_session.app_pages:
                self.pages[page.url_pathname] = page.page_script_hash
        elif kind == "navigation":
            self.page_hash = msg.navigation.page_script_hash or self.page_hash
            for page in msg.navigation.app_pages:
                self.pages[page.url_pathname] = page.page_script_hash
                if page.is_default:
                    self.pages[""] = page.page_script_hash
        elif kind == "page_info_changed":
            self.query_string = msg.page_info_changed.query_string
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            self.elements[tuple(msg.metadata.delta_path)] = element
            if element.WhichOneof("type") == "exception":
                self.exceptions.append(
                    f"{element.exception.type}: {element.exception.message}"[:300]
                )
        elif kind == "script_finished" and msg.script_finished in DONE:
            if self._finished is not None and not self._finished.done():
                self._finished.set_result(msg.script_finished)

    # ---- one user action --------------------------------------------------------------

    async def rerun(
        self,
        *,
        page: str | None = None,
        query_string: str | None = None,
        widgets: list[WidgetState] = (),
    ) -> float:
        """Send one ``rerun_script`` and wait until its run finished; the seconds it took.

        ``page`` is a URL path (``"reflect"``; ``""`` is the default page), None for the page
        shown; ``query_string`` None keeps the current one."""
        back = BackMsg()
        state = back.rerun_script
        if page is not None:
            page_hash = self.pages.get(page, "")
            state.page_script_hash = page_hash
            if not page_hash:
                state.page_name = page
        else:
            state.page_script_hash = self.page_hash
        if query_string is not None:  # the address the browser now shows, sent from here on
            self.query_string = query_string
        state.query_string = self.query_string
        state.widget_states.widgets.extend(widgets)
        state.cached_message_hashes.extend(self._cache)
        loop = asyncio.get_running_loop()
        self._finished = loop.create_future()
        self.exceptions.clear()
        start = time.perf_counter()
        await self._ws.send(back.SerializeToString())
        status = await asyncio.wait_for(self._finished, self.timeout)
        took = time.perf_counter() - start
        if status != ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY:
            raise PathError("the script did not compile")
        if self.exceptions:
            raise PathError("exception on the page: " + "; ".join(self.exceptions))
        return took

    # ---- what the page shows ----------------------------------------------------------

    def widgets(self) -> dict[str, tuple[str, object]]:
        """The widgets drawn by the last run, by user key: (element type, element proto)."""
        found: dict[str, tuple[str, object]] = {}
        for element in self.elements.values():
            kind = element.WhichOneof("type")
            inner = getattr(element, kind) if kind else None
            widget_id = getattr(inner, "id", "") if inner is not None else ""
            if widget_id.startswith("$$ID-"):
                found[widget_id.split("-", 2)[-1]] = (kind, inner)
        return found

    def widget_id(self, key: str) -> str:
        shown = self.widgets()
        if key not in shown:
            raise PathError(f"no widget {key!r} on the page (it has {sorted(shown)[:20]})")
        return shown[key][1].id

    def query(self, name: str) -> str | None:
        values = parse_qs(self.query_string).get(name)
        return values[0] if values else None

    def alerts(self, kind: str = "ERROR") -> list[str]:
        """The text of ``st.error`` (or another ``kind``) boxes on the page."""
        out = []
        for element in self.elements.values():
            if element.WhichOneof("type") == "alert" and element.alert.format == getattr(
                type(element.alert).Format, kind
            ):
                out.append(element.alert.body)
        return out


# ---- widget values --------------------------------------------------------------------


def text(session: Session, key: str, value: str) -> WidgetState:
    return WidgetState(id=session.widget_id(key), string_value=value)


def choice(session: Session, key: str, *shown: str) -> WidgetState:
    """A segmented control, pills or multiselect: the options as they are shown."""
    state = WidgetState(id=session.widget_id(key))
    state.string_array_value.data.extend(shown)
    return state


def press(session: Session, key: str) -> WidgetState:
    return WidgetState(id=session.widget_id(key), trigger_value=True)


# ---- the users' paths -----------------------------------------------------------------

Action = tuple[str, Callable[[], Awaitable[float | list[float]]]]  # one rerun, or a few


async def app_path(session: Session, rng: random.Random, user: int, loop: int) -> list[Action]:
    """The actions of one user's main path through Rebound, to be timed one by one."""
    company = f"Load {user}-{loop}"

    async def submit_rejection() -> float:
        took = await session.rerun(
            widgets=[
                text(session, "r_company", company),
                text(session, "r_role", "Data analyst"),
                text(session, "r_reason_given", "We went with a candidate with more experience."),
                press(session, "r_next_1"),
            ]
        )
        if "r_next_2" not in session.widgets():  # on step 2 now, or the submit was refused
            raise PathError(f"step 1 refused: {session.alerts() or 'no error shown'}")
        return took

    async def submit_reflection() -> float:
        took = await session.rerun(
            widgets=[
                text(session, "r_went_well", "I explained my last project clearly."),
                text(session, "r_do_differently", "Prepare a sharper answer on SQL."),
                press(session, "r_next_2"),
            ]
        )
        session.widget_id("r_save")
        return took

    async def save() -> float:
        skills = [k.removeprefix("r_self_") for k in session.widgets() if k.startswith("r_self_")]
        if not skills:
            raise PathError("no self-ratings on step 3")
        ratings = [choice(session, f"r_self_{s}", str(rng.randint(1, 5))) for s in skills]
        took = await session.rerun(widgets=[*ratings, press(session, "r_save")])
        if session.query("rejection") is None:
            raise PathError(f"not saved: {session.alerts() or 'no rejection in the address'}")
        return took

    async def open_page(name: str) -> float:
        rejection = session.query("rejection")
        query = f"rejection={rejection}" if rejection and name != "" else ""
        return await session.rerun(page=name, query_string=query)

    async def open_reflect() -> list[float]:
        """Open Reflect on a new rejection; a draft this account left (a path cut short when
        an earlier run stopped) comes back, and is discarded as a person would."""
        took = [await session.rerun(page="reflect", query_string="")]
        if "r_discard_draft" in session.widgets():
            await asyncio.sleep(rng.uniform(*THINK))
            took.append(await session.rerun(widgets=[press(session, "r_discard_draft")]))
        session.widget_id("r_company")
        return took

    async def accept() -> float:
        keys = [k for k in session.widgets() if k.startswith("accept_")]
        if not keys:
            raise PathError("no step to accept on Next steps")
        return await session.rerun(widgets=[press(session, rng.choice(keys))])

    return [
        ("open Home", lambda: open_page("")),
        ("open Reflect", open_reflect),
        ("submit step 1", submit_rejection),
        ("submit step 2", submit_reflection),
        ("save", save),
        ("open Results", lambda: open_page("results")),
        ("open Next steps", lambda: open_page("next_steps")),
        ("accept a step", accept),
    ]


async def bare_path(session: Session, rng: random.Random, user: int, loop: int) -> list[Action]:
    """The same number of reruns of the bare app's radar page: its ``results`` page when it has
    one (``plain_radar_app.py``, a router like ``app.py``), else its only page."""
    page = "results" if "results" in session.pages else None
    return [("rerun", lambda: session.rerun(page=page)) for _ in range(8)]


PATHS = {"app": app_path, "bare": bare_path}


async def user(
    ws_url: str,
    path: str,
    n: int,
    stats: Stats,
    stop: asyncio.Event,
    *,
    local_address: str | None = None,
    cookie_secret: str | None = None,
    accounts: str = "user",
    seed: int = 0,
) -> None:
    """One simulated user: open the app, then go round the path with think time until
    ``stop`` is set. A failed action is counted, and the user starts again on a new tab.
    With ``cookie_secret`` the user is logged in as the account ``<accounts>-<seed>-<n>``."""
    rng = random.Random(seed * 100_003 + n)
    login = Login(cookie_secret, f"{accounts}-{seed}-{n}") if cookie_secret else None
    loop = 0
    while not stop.is_set():
        session = Session(ws_url, local_address, login)
        try:
            await session.open()
            while not stop.is_set():
                for name, action in await PATHS[path](session, rng, n, loop):
                    try:
                        await asyncio.wait_for(stop.wait(), rng.uniform(*THINK))
                        return
                    except TimeoutError:
                        pass
                    took = await action()
                    for seconds in took if isinstance(took, list) else [took]:
                        stats.reruns.append((time.monotonic(), seconds, name))
                stats.paths_done += 1
                loop += 1
        except (PathError, OSError, TimeoutError, WebSocketException) as exc:
            stats.errors.append(f"user {n}: {type(exc).__name__}: {str(exc)[:300]}")
            await asyncio.sleep(1)
        finally:
            await session.close()
