"""Shared fixtures: every test gets its own database file through ``REBOUND_DB``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assessment import examples, storage

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "rebound.db"
    monkeypatch.setenv("REBOUND_DB", str(path))
    monkeypatch.chdir(ROOT)
    return path


@pytest.fixture
def db(db_path: Path):
    database = storage.connect(db_path)
    yield database
    database.close()


@pytest.fixture
def example_db(db):
    examples.load_examples(db, today=dt.date.today())
    return db


def app_page(page: str | None = None, **query: str) -> AppTest:
    """The app through its router, switched to ``page`` (e.g. "pages/results.py"), run once."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page is not None:
        at.switch_page(page)
        at.run()
    return at
