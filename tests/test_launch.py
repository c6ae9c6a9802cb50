"""``rebound`` serves the app under a secret path that only the launching account learns:
without it every route (pages, health, the websocket) is a 404, and the secret is not on any
command line that other accounts can read with ``ps``."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from assessment import launch
from tests.browser.browser_helpers import free_port
from tests.helpers import ROOT, new_app


def test_each_start_gets_a_new_unguessable_url_safe_secret():
    secrets = {launch.secret_path() for _ in range(50)}
    assert len(secrets) == 50
    assert all(len(s) >= 32 and s.replace("-", "").replace("_", "").isalnum() for s in secrets)


def test_the_secret_travels_in_the_environment_not_the_command_line():
    env = launch.launch_env({"HOME": "/home/me"}, "s3cret", 8600)
    assert env[launch.BASE_PATH_ENV] == "s3cret" and env[launch.PORT_ENV] == "8600"
    assert env["HOME"] == "/home/me"
    assert launch.app_url(8600, "s3cret") == "http://localhost:8600/s3cret/"


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def cmdlines() -> list[str]:
    lines = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                lines.append((entry / "cmdline").read_bytes().replace(b"\0", b" ").decode())
            except OSError:
                pass
    return lines


@pytest.mark.slow
def test_the_launched_app_answers_only_under_its_secret_path(tmp_path):
    port = free_port()
    env = {**os.environ, "REBOUND_DB": str(tmp_path / "rebound.db"), "PYTHONUNBUFFERED": "1"}
    launcher = subprocess.Popen(
        [sys.executable, "-m", "assessment.launch", "--port", str(port), "--no-browser"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = None
        deadline = time.monotonic() + 60
        while url is None and time.monotonic() < deadline:
            line = launcher.stderr.readline()
            if line.startswith("Rebound is running at "):
                url = line.removeprefix("Rebound is running at ").strip()
            assert line or launcher.poll() is None, "the launcher exited"
        assert url, "the launcher never said where the app is"
        secret = url.rstrip("/").rsplit("/", 1)[1]
        base = f"http://127.0.0.1:{port}"
        assert status(f"{base}/{secret}/_stcore/health") == 200
        assert status(f"{base}/{secret}/") == 200
        for path in ("/", "/_stcore/health", "/_stcore/stream", "/reflect", "/_stcore/host-config"):
            assert status(base + path) == 404, path
        assert not any(secret in line for line in cmdlines())
    finally:
        launcher.send_signal(signal.SIGTERM)
        launcher.wait(timeout=20)
    time.sleep(0.5)
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)


def test_without_the_launcher_your_data_says_other_accounts_can_open_it(db_path):
    at = new_app().run()
    at.switch_page("app_pages/data.py").run()
    assert not at.exception
    assert any("other accounts on this" in i.value for i in at.info)
