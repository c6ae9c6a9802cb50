"""Shared fixtures: every test gets its own database file through ``REBOUND_DB``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assessment import examples, storage
from tests.helpers import ROOT


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
