"""Who may use the server: a broken or half-written login configuration refuses to serve
instead of serving everyone as one owner, and a login is keyed on the provider's account.

The unit tests feed ``access.decide`` the secrets and environment directly; the AppTest cases
write a real secrets file and check that no page shows anyone's data.
"""

from __future__ import annotations

import pytest
from streamlit import config as st_config
from streamlit.runtime.secrets import secrets_singleton
from streamlit.testing.v1 import AppTest

from assessment import access, storage
from tests.helpers import new_app
from tests.test_shared_hosting import (
    ANA,
    AUTH,
    BEN,
    ISSUER,
    MARKS,
    PAGES,
    claims,
    marked_rejection,
    page_text,
)

PROVIDER = {k: AUTH[k] for k in access.PROVIDER_KEYS}
SHARED = {k: AUTH[k] for k in access.SHARED_KEYS}

# ---- deciding the mode -----------------------------------------------------------------


def test_no_secrets_and_no_setting_is_the_single_user_app():
    assert access.decide({}, env={}) == access.Access(shared=False)
    assert access.decide({"other": 1}, env={access.SHARED_ENV: "0"}).shared is False


def test_a_complete_auth_section_is_a_shared_deployment_with_its_providers():
    assert access.decide({"auth": dict(AUTH)}, env={}) == access.Access(
        shared=True, providers=("default",)
    )
    named = {"auth": {**SHARED, "google": PROVIDER, "okta": PROVIDER}}
    assert access.decide(named, env={}).providers == ("google", "okta")


BROKEN = {
    "unreadable secrets file": (None, "Expected '=' (line 2)", {}),
    "REBOUND_SHARED without [auth]": ({}, None, {access.SHARED_ENV: "1"}),
    "REBOUND_SHARED with a typo": ({}, None, {access.SHARED_ENV: "ture"}),
    "capitalised [Auth]": ({"Auth": dict(AUTH)}, None, {}),
    "empty [auth]": ({"auth": {}}, None, {}),
    "only a cookie secret": ({"auth": {"cookie_secret": "x" * 40}}, None, {}),
    "shared keys but no provider": ({"auth": dict(SHARED)}, None, {}),
    "named provider without the shared keys": ({"auth": {"google": PROVIDER}}, None, {}),
    "named provider missing its client secret": (
        {"auth": {**SHARED, "google": {**PROVIDER, "client_secret": ""}}},
        None,
        {},
    ),
    "default provider half given": ({"auth": {**SHARED, "client_id": "x"}}, None, {}),
    "redirect not to /oauth2callback": (
        {"auth": {**AUTH, "redirect_uri": "https://rebound.example.org/"}},
        None,
        {},
    ),
    "provider name with an underscore": ({"auth": {**SHARED, "my_idp": PROVIDER}}, None, {}),
    "[auth] not a table": ({"auth": "yes"}, None, {}),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_login_configuration_refuses_to_serve(case):
    secrets, problem, env = BROKEN[case]
    decision = access.decide(secrets, problem, env)
    assert decision.problem, case
    assert decision.providers == ()


# ---- the pages with a real secrets file --------------------------------------------------


@pytest.fixture
def secrets_file(tmp_path):
    """Point Streamlit at a secrets file of the test's own; restore afterwards."""
    path = tmp_path / "secrets.toml"
    before = st_config.get_option("secrets.files")
    st_config.set_option("secrets.files", [str(path)])
    secrets_singleton._reset()
    yield path
    st_config.set_option("secrets.files", before)
    secrets_singleton._reset()


@pytest.fixture
def owners_db(db):
    for owner, mark in MARKS.items():
        storage.insert_rejection(db, marked_rejection(mark), owner)
    return db


FILES = {
    "syntax error": '[auth]\nredirect_uri = "http://localhost:8501/oauth2callback\n',
    "capitalised section": '[Auth]\nredirect_uri = "http://localhost:8501/oauth2callback"\n',
    "only a cookie secret": '[auth]\ncookie_secret = "0123456789012345678901234567890123"\n',
    "empty auth": "[auth]\n",
    "named provider without shared keys": (
        '[auth.google]\nclient_id = "a"\nclient_secret = "b"\n'
        'server_metadata_url = "https://accounts.example.com/.well-known/openid-configuration"\n'
    ),
}


@pytest.mark.parametrize("case", list(FILES))
def test_every_page_refuses_to_serve_with_a_broken_secrets_file(owners_db, secrets_file, case):
    secrets_file.write_text(FILES[case])
    at = new_app()
    at.user = {"is_logged_in": False}
    at.run()
    for page in [None, *PAGES]:
        if page is not None:
            at.switch_page(page).run()
        assert not at.exception, (case, page)
        assert at.error and at.error[0].value.startswith("Rebound cannot start"), (case, page)
        text = page_text(at)
        assert not any(mark in text for mark in MARKS.values()), (case, page)
        assert not at.button, (case, page)  # no Load examples, Import, Delete, ...


def test_an_unreadable_secrets_file_refuses_to_serve(owners_db, secrets_file):
    secrets_file.write_bytes(b'[auth]\nredirect_uri = "\xff\xfe"\n')  # not UTF-8
    at = new_app().run()
    assert not at.exception
    assert at.error[0].value.startswith("Rebound cannot start")
    assert not any(mark in page_text(at) for mark in MARKS.values())


def test_rebound_shared_without_auth_refuses_to_serve(owners_db, secrets_file, monkeypatch):
    monkeypatch.setenv(access.SHARED_ENV, "1")
    secrets_file.write_text('[other]\nkey = "value"\n')
    at = new_app().run()
    assert not at.exception
    assert "no [auth] section" in at.error[0].value
    assert not any(mark in page_text(at) for mark in MARKS.values())


def test_a_named_provider_gets_its_own_login_button(owners_db, secrets_file):
    secrets_file.write_text(
        '[auth]\nredirect_uri = "http://localhost:8501/oauth2callback"\n'
        'cookie_secret = "0123456789012345678901234567890123"\n'
        '[auth.google]\nclient_id = "a"\nclient_secret = "b"\n'
        'server_metadata_url = "https://accounts.example.com/.well-known/openid-configuration"\n'
    )
    at = new_app()
    at.user = {"is_logged_in": False}
    at.run()
    assert not at.exception
    assert [b.key for b in at.button] == ["login_google"]
    assert not any(mark in page_text(at) for mark in MARKS.values())


# ---- who is logged in --------------------------------------------------------------------


@pytest.mark.parametrize("verified", ["false", "true", 0, 1, None, "", "yes"])
def test_only_a_true_boolean_counts_as_a_verified_email(verified):
    with pytest.raises(access.LoginRefused, match="not verified"):
        access.identity_from_claims({**claims(ANA), "email_verified": verified})


def test_a_missing_verification_claim_is_refused_unless_the_entra_equivalent_is_sent():
    without = {k: v for k, v in claims(ANA).items() if k != "email_verified"}
    with pytest.raises(access.LoginRefused, match="not verified"):
        access.identity_from_claims(without)
    entra = access.identity_from_claims({**without, "xms_edov": True})
    assert entra == access.Identity(issuer=ISSUER, subject=f"id-{ANA}", email=ANA)


@pytest.mark.parametrize("missing", ["iss", "sub", "email"])
def test_a_login_without_issuer_subject_or_email_is_refused(missing):
    with pytest.raises(access.LoginRefused):
        access.identity_from_claims({**claims(ANA), missing: None})


def run_logged_in(user: dict, page: str = "app_pages/home.py") -> AppTest:
    at = new_app()
    at.secrets["auth"] = dict(AUTH)
    at.user = {"is_logged_in": True, **user}
    at.run()
    at.switch_page(page).run()
    return at


@pytest.mark.parametrize("verified", ["false", 0, None])
def test_a_string_false_zero_or_missing_verification_gets_no_data(owners_db, verified):
    user = {**claims(BEN), "email_verified": verified}
    if verified is None:
        del user["email_verified"]
    at = run_logged_in(user)
    assert not at.exception
    assert "not verified" in at.error[0].value
    assert not any(mark in page_text(at) for mark in MARKS.values())


def test_data_follows_the_provider_account_not_the_email(owners_db):
    # Ana's first login claims the rows stored under her address before accounts existed.
    first = run_logged_in(claims(ANA, subject="ana-1"), "app_pages/history.py")
    assert MARKS[ANA] in page_text(first)
    # Another account of the provider that now carries Ana's address (changed, or reused)
    # is someone else: it gets an empty Rebound of its own.
    other = run_logged_in(claims(ANA, subject="someone-else"), "app_pages/history.py")
    assert not other.exception
    assert MARKS[ANA] not in page_text(other)
    # Ana, after changing her address at the provider, still has her data.
    moved = run_logged_in(claims("ana.new@example.com", subject="ana-1"), "app_pages/history.py")
    assert MARKS[ANA] in page_text(moved)
    rows = owners_db.execute("SELECT subject, owner, email FROM accounts ORDER BY subject")
    assert list(rows) == [
        ("ana-1", ANA, "ana.new@example.com"),
        ("someone-else", f"oidc:{ISSUER}#someone-else", ANA),
    ]


def test_an_unverified_account_can_never_claim_rows_by_email(owners_db):
    run_logged_in({**claims(BEN, subject="attacker"), "email_verified": "true"})
    assert owners_db.execute("SELECT count(*) FROM accounts").fetchone()[0] == 0
    real = run_logged_in(claims(BEN, subject="ben-1"), "app_pages/history.py")
    assert MARKS[BEN] in page_text(real)


def test_delete_everything_removes_the_account_too(owners_db):
    from assessment import erase

    owner = storage.owner_for_identity(owners_db, access.Identity(ISSUER, "ana-1", ANA))
    erase.delete_everything(owners_db, owner, None)
    assert owners_db.execute("SELECT count(*) FROM accounts").fetchone()[0] == 0
    assert storage.count_rejections(owners_db, ANA) == 0
    assert storage.count_rejections(owners_db, BEN) == 1
