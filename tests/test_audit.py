"""The dependency audit in CI (``.ci/audit_runtime.py``) fails on a known advisory in a runtime
dependency: checked against an advisory service of the test's own on loopback that reports one
for Authlib, and passes when that service knows of none."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.helpers import ROOT

SCRIPT = ROOT / ".ci" / "audit_runtime.py"


def advisory_service(vulnerable: set[str]):
    asked: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - the http.server API
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            name = body["package"]["name"].lower()
            asked.append(name)
            vulns = []
            if name in vulnerable:
                vulns.append(
                    {
                        "id": "GHSA-test-0000-0000",
                        "summary": "A published bypass",
                        "details": "Fixed in a later release.",
                        "affected": [
                            {
                                "package": {"name": name, "ecosystem": "PyPI"},
                                "ranges": [
                                    {
                                        "type": "ECOSYSTEM",
                                        "events": [{"introduced": "0"}, {"fixed": "999"}],
                                    }
                                ],
                            }
                        ],
                    }
                )
            payload = json.dumps({"vulns": vulns}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, asked


def run_audit(url: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT)],
        env={**os.environ, "REBOUND_AUDIT_OSV_URL": url},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_the_audit_fails_on_an_advisory_in_a_runtime_dependency_only():
    pytest.importorskip("pip_audit")
    server, asked = advisory_service({"authlib"})
    try:
        url = f"http://127.0.0.1:{server.server_port}/v1/query"
        failing = run_audit(url)
        assert failing.returncode == 1, failing.stdout + failing.stderr
        assert "authlib" in failing.stderr.lower() and "GHSA-test-0000-0000" in failing.stderr
        # The runtime closure only (pip is in it: sqlite-utils needs it), never the test tools.
        assert {"streamlit", "sqlite-utils", "authlib"} <= set(asked)
        assert not {"pytest", "hypothesis", "ruff", "playwright"} & set(asked)
    finally:
        server.shutdown()
    server, _ = advisory_service(set())
    try:
        passing = run_audit(f"http://127.0.0.1:{server.server_port}/v1/query")
        assert passing.returncode == 0, passing.stdout + passing.stderr
        assert "0 with advisories" in passing.stdout
    finally:
        server.shutdown()
