"""Who may use this server: the local owner alone, or logged-in people (a shared deployment).

A shared deployment must never fall back to "no login" because its settings are broken: a
secrets file with a syntax error, an ``[Auth]`` written with a capital, an ``[auth]`` with only
a cookie secret. So the mode is decided fail-closed:

- ``REBOUND_SHARED=1`` in the environment says "this server is shared"; once set, a complete
  ``[auth]`` is required and the server refuses to serve without one.
- An ``[auth]`` section also makes the server shared (it can only be there on purpose).
- A secrets file that exists but cannot be read or parsed refuses to serve in either mode:
  it may be the one that holds the login settings.

Everything here is plain data in, a decision out; ``ui`` reads the secrets and the claims.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

SHARED_ENV = "REBOUND_SHARED"
SHARED_KEYS = ("redirect_uri", "cookie_secret")
PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")
DEFAULT_PROVIDER = "default"
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


@dataclass(frozen=True)
class Access:
    """The decision: ``problem`` set means refuse to serve (and show it)."""

    shared: bool
    providers: tuple[str, ...] = ()
    problem: str | None = None


def _refuse(problem: str) -> Access:
    return Access(shared=True, problem=problem)


def decide(
    secrets: Mapping[str, object] | None,
    secrets_problem: str | None = None,
    env: Mapping[str, str] | None = None,
) -> Access:
    """Decide the mode from the secrets (None if they could not be read) and the environment."""
    env = os.environ if env is None else env
    raw = env.get(SHARED_ENV, "").strip().lower()
    if raw and raw not in _TRUE | _FALSE:
        return _refuse(
            f"{SHARED_ENV} is set to {env.get(SHARED_ENV)!r}. Set it to 1 for a shared "
            "deployment with a login, or remove it for the single-user app."
        )
    if secrets is None or secrets_problem:
        return _refuse(
            "The secrets file (.streamlit/secrets.toml) could not be read"
            + (f": {secrets_problem}" if secrets_problem else "")
            + ". Rebound does not start without it, because it may hold the login settings. "
            "Fix the file (or remove it for the single-user app) and restart."
        )
    misspelt = [key for key in secrets if key.lower() == "auth" and key != "auth"]
    if misspelt:
        return _refuse(
            f"The secrets file has a section [{misspelt[0]}]; the login section must be named "
            "[auth] in lowercase. Rename it and restart."
        )
    if "auth" not in secrets:
        if raw in _TRUE:
            return _refuse(
                f"{SHARED_ENV} is set, so this server needs a login, but the secrets file has no "
                "[auth] section. Add one (see docs/deploy.md) and restart."
            )
        return Access(shared=False)
    return _check_auth(secrets["auth"])


def _missing(section: Mapping[str, object], keys: tuple[str, ...]) -> list[str]:
    return [key for key in keys if not isinstance(section.get(key), str) or not section[key]]


def _check_auth(auth: object) -> Access:
    if not isinstance(auth, Mapping):
        return _refuse("[auth] in the secrets file must be a section (a table) of settings.")
    missing = _missing(auth, SHARED_KEYS)
    if missing:
        return _refuse(
            f"[auth] is missing {' and '.join(missing)}, which every login needs "
            "(see docs/deploy.md)."
        )
    if not str(auth["redirect_uri"]).endswith("/oauth2callback"):
        return _refuse("[auth] redirect_uri must end with /oauth2callback.")
    providers: list[str] = []
    given = [key for key in PROVIDER_KEYS if key in auth]
    if given:
        missing = _missing(auth, PROVIDER_KEYS)
        if missing:
            return _refuse(f"[auth] is missing {', '.join(missing)} for its login provider.")
        providers.append(DEFAULT_PROVIDER)
    for name, section in auth.items():
        if not isinstance(section, Mapping):
            continue
        if "_" in name or name == DEFAULT_PROVIDER:
            return _refuse(
                f"[auth.{name}]: a provider's name may not contain '_' or be {DEFAULT_PROVIDER!r}."
            )
        missing = _missing(section, PROVIDER_KEYS)
        if missing:
            return _refuse(f"[auth.{name}] is missing {', '.join(missing)}.")
        providers.append(name)
    if not providers:
        return _refuse(
            "[auth] names no login provider: give client_id, client_secret and "
            "server_metadata_url under [auth] or under [auth.<provider>]."
        )
    return Access(shared=True, providers=tuple(providers))


@dataclass(frozen=True)
class Identity:
    """A logged-in person: the provider's issuer and subject identify them; the email is for
    display (a provider may let people change it)."""

    issuer: str
    subject: str
    email: str


class LoginRefused(Exception):
    """The login's claims are not enough to know whose data to show; the message says why."""


def _verified(claims: Mapping[str, object]) -> bool:
    # Only a real boolean true counts: "false", 0 or a missing claim do not. Microsoft Entra ID
    # sends no ``email_verified``; its optional ``xms_edov`` claim ("email domain owner
    # verified") is the documented equivalent.
    return claims.get("email_verified") is True or claims.get("xms_edov") is True


def identity_from_claims(claims: Mapping[str, object]) -> Identity:
    """The identity in an OpenID Connect login's claims, or :class:`LoginRefused`."""
    email = claims.get("email")
    if not isinstance(email, str) or not email.strip():
        raise LoginRefused(
            "Your login did not provide an email address, so your data cannot be found."
        )
    if not _verified(claims):
        raise LoginRefused(
            "Your login's email address is not verified (your provider did not confirm it), so "
            "your data cannot be shown. Verify the address with your provider and log in again."
        )
    issuer, subject = claims.get("iss"), claims.get("sub")
    if not isinstance(issuer, str) or not issuer or not isinstance(subject, str) or not subject:
        raise LoginRefused(
            "Your login did not say which account it is (the provider's issuer and subject), "
            "so your data cannot be found."
        )
    return Identity(issuer=issuer, subject=subject, email=email.strip())
