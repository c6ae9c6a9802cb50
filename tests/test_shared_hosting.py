"""Shared hosting and privacy defaults.

With ``[auth]`` in the secrets, every page asks for a login and works on the logged-in user's
rejections only: user A never sees, edits, exports or deletes user B's, on any page or through
any ``?rejection=``. Without ``[auth]`` the owner is ``"local"``, whatever ``st.user`` says.
Also: the server listens on loopback only, sends no usage statistics, and every file the app
writes is readable by its owner only.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import tomllib
from pathlib import Path

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from assessment import examples, storage
from assessment.models import Action, Feedback, Reflection, Rejection
from tests.cases import load_as_own
from tests.helpers import PAGES, ROOT, new_app, open_page

ANA = "ana@example.com"
BEN = "ben@example.com"
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "not-a-real-secret",
    "client_id": "rebound-test",
    "client_secret": "not-a-real-secret",
    "server_metadata_url": "https://accounts.example.com/.well-known/openid-configuration",
}
ISSUER = "https://accounts.example.com"


def claims(email: str, subject: str | None = None) -> dict:
    """What a verifying OpenID Connect provider sends for ``email``'s account."""
    return {"email": email, "email_verified": True, "iss": ISSUER, "sub": subject or f"id-{email}"}


MARKS = {ANA: "ANAMARK", BEN: "BENMARK", storage.LOCAL_OWNER: "LOCALMARK"}
# Ben also has the example data set: none of its companies may show up for anyone else.
EXAMPLE_COMPANIES = tuple(r.company for r in examples.example_rejections())
TODAY = dt.date.today()


def marked_rejection(mark: str, days_ago: int = 3) -> Rejection:
    return Rejection(
        company=f"{mark} Ltd",
        role=f"{mark} analyst",
        contact_name=f"{mark} contact",
        stage="onsite",
        interviewed_on=TODAY - dt.timedelta(days=days_ago + 5),
        rejected_on=TODAY - dt.timedelta(days=days_ago),
        reason_given=f"{mark} reason",
        reflection=Reflection(
            went_well=f"{mark} went well", do_differently=f"{mark} differently", mood=2
        ),
        self_ratings={"communication": 4, "evidence": 2},
        feedback=Feedback(
            status="received",
            text=f"{mark} feedback text",
            ratings={"communication": 3, "evidence": 1},
        ),
        actions=(Action(strategy="shore_up", title=f"{mark} own action", skill="evidence"),),
    )


@pytest.fixture
def shared_db(db):
    """Ana, Ben (with the example data too) and the local owner, one marked rejection each."""
    ids = {
        owner: storage.insert_rejection(db, marked_rejection(mark), owner)
        for owner, mark in MARKS.items()
    }
    load_as_own(db, owner=BEN, today=TODAY)
    ben_ids = [r["id"] for r in storage.list_rejections(db, BEN)]
    return db, ids, ben_ids


def run_as(email: str | None, page: str | None = None, auth: bool = True, **query: str) -> AppTest:
    """The app through its router as ``email`` (None: logged out), on ``page``."""
    at = new_app(**query)
    if auth:
        at.secrets["auth"] = dict(AUTH)
    at.user = {"is_logged_in": email is not None} | (claims(email) if email else {})
    return open_page(at, page, **query)


def page_text(at: AppTest) -> str:
    """Everything the page sent to the browser (labels, options, tables, charts) as text."""
    parts: list[str] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(str(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return "\n".join(parts)


def assert_sees_only(at: AppTest, owner: str) -> None:
    assert not at.exception, at.exception
    text = page_text(at)
    for other, mark in MARKS.items():
        if other != owner:
            assert mark not in text, f"{owner} sees {other}'s data"
    if owner != BEN:
        for company in EXAMPLE_COMPANIES:
            assert company not in text, f"{owner} sees {BEN}'s {company}"


# ---- logging in ------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_with_auth_every_page_asks_for_a_login_and_shows_no_data(shared_db, page):
    at = run_as(None, page)
    assert not at.exception
    assert [b.label for b in at.button] == ["Log in"]
    text = page_text(at)
    assert not any(mark in text for mark in MARKS.values())
    assert not any(company in text for company in EXAMPLE_COMPANIES)


def test_a_login_without_an_email_is_refused_plainly(shared_db):
    at = new_app()
    at.secrets["auth"] = dict(AUTH)
    at.user = {"is_logged_in": True, "name": "No Email"}
    at.run()
    assert not at.exception
    assert "did not provide an email address" in at.error[0].value
    assert not any(mark in page_text(at) for mark in MARKS.values())


# ---- seeing ----------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_each_user_sees_only_their_own_data_on_every_page(shared_db, page):
    for email in (ANA, BEN):
        at = run_as(email, page)
        assert_sees_only(at, email)
    # Ana's own rejection is there (so the check above is not vacuous)
    if page not in ("app_pages/progress.py",):
        assert MARKS[ANA] in page_text(run_as(ANA, page))


@pytest.mark.parametrize("page", PAGES)
def test_another_users_rejection_id_in_the_address_shows_nothing_of_it(shared_db, page):
    _db, ids, ben_ids = shared_db
    for rid in [ids[BEN], *ben_ids, ids[storage.LOCAL_OWNER], 999_999, -1]:
        at = run_as(ANA, page, rejection=str(rid))
        assert_sees_only(at, ANA)


def test_without_auth_the_owner_is_local_whatever_st_user_says(shared_db):
    for user in ({"is_logged_in": True, "email": BEN}, {"email": BEN}, {"is_logged_in": False}):
        for page in PAGES:
            at = new_app()
            at.user = user
            at.run()
            at.switch_page(page)
            at.run()
            assert_sees_only(at, storage.LOCAL_OWNER)
            assert not any(b.label == "Log in" for b in at.button)
    home = run_as(BEN, "app_pages/home.py", auth=False)
    assert MARKS[storage.LOCAL_OWNER] in page_text(home)


# ---- editing ---------------------------------------------------------------------------


def snapshot(db, owner: str) -> list[Rejection]:
    return [storage.get_rejection(db, r["id"], owner) for r in storage.list_rejections(db, owner)]


def test_reflect_with_another_users_id_starts_a_new_reflection_of_ones_own(shared_db):
    db, ids, _ = shared_db
    before = snapshot(db, BEN)
    at = run_as(ANA, "app_pages/reflect.py", rejection=str(ids[BEN]))
    assert "not found" in at.warning[0].value
    assert at.text_input(key="r_company").value == ""
    at.text_input(key="r_company").input("Ana's new one")
    at.text_input(key="r_role").input("Analyst")
    at.button(key="r_next_1").click().run()
    at.button(key="r_next_2").click().run()
    at.button(key="r_save").click().run()
    assert not at.exception
    assert snapshot(db, BEN) == before
    assert "Ana's new one" in [r["company"] for r in storage.list_rejections(db, ANA)]


def test_feedback_with_another_users_id_saves_to_ones_own_rejection(shared_db):
    db, ids, _ = shared_db
    before = snapshot(db, BEN)
    at = run_as(ANA, "app_pages/feedback.py", rejection=str(ids[BEN]))
    assert_sees_only(at, ANA)
    at.text_area(key="fb_text").input("Edited by Ana")
    at.button(key="fb_save").click().run()
    assert not at.exception
    assert snapshot(db, BEN) == before
    assert storage.get_rejection(db, ids[ANA], ANA).feedback.text == "Edited by Ana"


def test_next_steps_with_another_users_id_accepts_into_ones_own_plan(shared_db):
    db, ids, _ = shared_db
    before = snapshot(db, BEN)
    at = run_as(ANA, "app_pages/next_steps.py", rejection=str(ids[BEN]))
    assert_sees_only(at, ANA)
    accept = next(b for b in at.button if b.key and b.key.startswith("accept_"))
    accept.click().run()
    assert_sees_only(at, ANA)
    assert snapshot(db, BEN) == before
    assert len(storage.get_rejection(db, ids[ANA], ANA).actions) == 2


# ---- deleting --------------------------------------------------------------------------


def test_history_delete_of_another_users_id_deletes_nothing(shared_db):
    db, ids, ben_ids = shared_db
    at = run_as(ANA, "app_pages/history.py")
    for rid in (ids[BEN], ben_ids[0]):
        # as if the page state had been tampered with: the dialog for someone else's id
        at.session_state["history_confirm_delete"] = rid
        at.run()
        assert_sees_only(at, ANA)
    assert len(snapshot(db, BEN)) == 1 + len(EXAMPLE_COMPANIES)


def test_your_data_delete_one_with_another_users_id_deletes_ones_own_choice(shared_db):
    db, ids, _ = shared_db
    at = run_as(ANA, "app_pages/data.py", rejection=str(ids[BEN]))
    assert_sees_only(at, ANA)
    at.checkbox(key="delete_one_sure").check().run()
    at.button(key="delete_one").click().run()
    assert not at.exception
    assert storage.count_rejections(db, ANA) == 0
    assert storage.get_rejection(db, ids[BEN], BEN) is not None
    assert storage.count_rejections(db, BEN) == 1 + len(EXAMPLE_COMPANIES)


def test_delete_everything_deletes_only_the_logged_in_users_data(shared_db):
    db, _ids, _ = shared_db
    at = run_as(ANA, "app_pages/data.py")
    at.button(key="erase_open_button").click().run()
    at.text_input(key="erase_confirm").input("DELETE")
    at.button(key="erase_go").click().run()
    assert not at.exception
    assert storage.count_rejections(db, ANA) == 0
    assert storage.count_rejections(db, BEN) == 1 + len(EXAMPLE_COMPANIES)
    assert storage.count_rejections(db, storage.LOCAL_OWNER) == 1


# ---- export and import -----------------------------------------------------------------


@pytest.fixture
def downloads(monkeypatch) -> dict[str, object]:
    """The data callables of deferred download buttons, by file name."""
    found: dict[str, object] = {}
    real = MediaFileManager.add_deferred

    def record(self, data, mimetype, coordinates, file_name=None, **kwargs):
        found[str(file_name).split("-")[1]] = data
        return real(self, data, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    return found


def test_export_holds_only_the_logged_in_users_data(shared_db, downloads):
    for email in (ANA, BEN):
        downloads.clear()
        at = run_as(email, "app_pages/data.py")
        assert not at.exception
        backup_doc = json.loads(downloads["backup"]())
        csv_text = downloads["rejections"]()
        companies = [r["company"] for r in backup_doc["rejections"]]
        assert f"{MARKS[email]} Ltd" in companies and f"{MARKS[email]} Ltd" in csv_text
        for other, mark in MARKS.items():
            if other != email:
                assert mark not in json.dumps(backup_doc) and mark not in csv_text
        assert (set(EXAMPLE_COMPANIES) <= set(companies)) == (email == BEN)


def test_import_writes_to_the_logged_in_user_only(shared_db):
    db, _ids, _ = shared_db
    doc = {
        "format": "rebound-backup",
        "version": 1,
        "rejections": [
            {"company": "Imported Co", "role": "R", "stage": "final", "rejected_on": "2026-01-05"}
        ],
    }
    at = run_as(ANA, "app_pages/data.py")
    at.file_uploader[0].upload("backup.json", json.dumps(doc).encode(), "application/json")
    at.run()
    at.button(key="import_go").click().run()
    assert not at.exception
    assert "Imported Co" in [r["company"] for r in storage.list_rejections(db, ANA)]
    assert "Imported Co" not in [r["company"] for r in storage.list_rejections(db, BEN)]
    assert "Imported Co" not in [r["company"] for r in storage.list_rejections(db)]


# ---- privacy defaults ------------------------------------------------------------------


def test_the_server_listens_on_loopback_only_and_sends_no_usage_statistics():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["address"] == "127.0.0.1"
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["enableXsrfProtection"] is True


def test_only_loopback_names_are_allowed_hosts_and_tables_offer_no_raw_csv():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["allowedHosts"] == ["localhost", "127.0.0.1", "::1"]
    # The dataframe toolbar's "Download as CSV" writes user text raw (formulas included).
    assert config["client"]["disableDataExport"] is True


def test_the_server_does_not_collect_all_garbage_after_every_run():
    # A full collection after each script run was most of a busy server's CPU (docs/deploy.md).
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["runner"]["postScriptGC"] is False


def test_the_auth_extra_requires_an_authlib_without_the_published_bypasses():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    (authlib,) = [r for r in project["optional-dependencies"]["auth"] if r.startswith("Authlib")]
    assert authlib == "Authlib>=1.6.10,!=1.7.0"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_database_its_wal_files_and_folders_are_owner_only(tmp_path):
    """``test_storage`` checks the database file and a backup; this checks what SQLite writes
    beside them (the -wal and -shm files) and the folders, also under a permissive umask."""
    old = os.umask(0o002)
    try:
        path = tmp_path / "new" / "data" / "rebound.db"
        db = storage.connect(path)
        storage.save_reflection(db, marked_rejection("PERM"))
        storage.copy_before_migrating(db, path)
        files = [path, Path(f"{path}-wal"), Path(f"{path}-shm"), *storage.migration_copies(path)]
        assert all(f.exists() for f in files)
        assert {str(f.name): oct(mode(f)) for f in files} == {str(f.name): "0o600" for f in files}
        assert oct(mode(path.parent)) == "0o700"
        assert oct(mode(storage.copies_dir(path))) == "0o700"
        db.close()
    finally:
        os.umask(old)


def test_a_logged_in_user_can_log_out(shared_db):
    at = run_as(ANA, "app_pages/results.py")
    assert f"Logged in as {ANA}" in [t.value for t in at.sidebar.text]
    at.sidebar.button(key="logout").click().run()
    assert not at.exception
    assert at.user.get("is_logged_in") is False
    at.run()
    assert [b.label for b in at.button] == ["Log in"]
    assert MARKS[ANA] not in page_text(at)


def test_without_auth_there_is_no_login_or_logout(shared_db):
    at = run_as(BEN, "app_pages/results.py", auth=False)
    assert not any(b.key in ("login", "logout") for b in at.button)


def test_an_unverified_email_is_refused(shared_db):
    at = new_app()
    at.secrets["auth"] = dict(AUTH)
    at.user = {"is_logged_in": True, **claims(BEN), "email_verified": False}
    at.run()
    assert not at.exception
    assert "not verified" in at.error[0].value
    assert MARKS[BEN] not in page_text(at)
