"""``rebound``: start the app so that only this computer account can open it.

``streamlit run app.py`` serves whoever reaches the loopback port, and on a computer with
several accounts every account reaches it. This launcher gives each start a secret path
(Streamlit's ``server.baseUrlPath``): every page, file and the websocket live under
``http://localhost:<port>/<secret>/`` and everything else is a 404. The secret is handed to
Streamlit in the environment, which other accounts cannot read (``/proc/<pid>/environ`` is the
owner's alone), not on the command line, which every account can see with ``ps``. The browser
is opened at the secret address, which is also printed here.
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import webbrowser
from collections.abc import Mapping, Sequence
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app.py"
BASE_PATH_ENV = "STREAMLIT_SERVER_BASE_URL_PATH"
PORT_ENV = "STREAMLIT_SERVER_PORT"
START_SECONDS = 60.0


def secret_path() -> str:
    """A fresh, unguessable path segment (URL-safe letters, digits, ``-`` and ``_``)."""
    return secrets.token_urlsafe(24)


def launch_env(base: Mapping[str, str], secret: str, port: int) -> dict[str, str]:
    """The environment for the Streamlit server: the secret path and the port."""
    return {**base, BASE_PATH_ENV: secret, PORT_ENV: str(port), "STREAMLIT_SERVER_HEADLESS": "true"}


def app_url(port: int, secret: str) -> str:
    return f"http://localhost:{port}/{secret}/"


def _wait_until_up(url: str, server: subprocess.Popen) -> bool:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(f"{url}_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return True
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.3)
    return False


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="rebound", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8501, help="port on 127.0.0.1 (8501)")
    parser.add_argument("--no-browser", action="store_true", help="only print the address")
    args = parser.parse_args(argv)
    if not APP.exists():
        print(f"error: {APP} not found; run rebound from its source checkout", file=sys.stderr)
        return 2
    secret = secret_path()
    url = app_url(args.port, secret)
    signal.signal(signal.SIGTERM, _interrupt)  # stopping the launcher stops the server
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(APP)],
        cwd=APP.parent,
        env=launch_env(os.environ, secret, args.port),
    )
    try:
        if _wait_until_up(url, server):
            print(
                f"\nRebound is running at {url}\nOnly this address opens it; it changes "
                "every time you start Rebound. Press Ctrl+C to stop.\n",
                file=sys.stderr,
            )
            if not args.no_browser:
                webbrowser.open(url)
        return server.wait()
    except KeyboardInterrupt:
        server.terminate()
        return server.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
