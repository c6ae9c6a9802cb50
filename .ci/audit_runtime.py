"""Audit Rebound's runtime dependencies (what `pip install -e .` brings, with the `auth` extra)
for published advisories with pip-audit. Exit 1 when one is found.

The installed versions of the runtime closure are pinned into a requirements file, so the test
tools, pip and setuptools are left out. pip-audit asks PyPI's JSON API for advisories; where
that service cannot be reached (this network serves only the package index), every package is
reported as "could not be audited": this script then says so plainly and does not fail, since
it could not know. ``REBOUND_AUDIT_OSV_URL`` points it at another OSV-format service.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

ROOT_PACKAGE = "rebound"
EXTRAS = {"auth"}


def _name(requirement: str) -> str:
    return re.split(r"[\s;\[<>=!~(]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _wanted(requirement: str, extras: set[str]) -> bool:
    marker = requirement.partition(";")[2]
    if "extra" not in marker:
        return True
    return any(re.search(rf"extra\s*==\s*['\"]{e}['\"]", marker) for e in extras)


def runtime_closure() -> dict[str, str]:
    """name -> installed version of every package the runtime needs, transitively."""
    found: dict[str, str] = {}
    todo = [(ROOT_PACKAGE, EXTRAS)]
    while todo:
        name, extras = todo.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # an optional dependency for another platform
        key = _name(dist.metadata["Name"])
        if key in found:
            continue
        if key != ROOT_PACKAGE:
            found[key] = dist.version
        for requirement in dist.requires or []:
            if _wanted(requirement, extras):
                todo.append((_name(requirement), set()))
    return found


def main() -> int:
    pins = runtime_closure()
    with tempfile.TemporaryDirectory() as folder:
        requirements = Path(folder) / "runtime.txt"
        requirements.write_text("".join(f"{n}=={v}\n" for n, v in sorted(pins.items())))
        report = Path(folder) / "report.json"
        command = [
            sys.executable,
            "-m",
            "pip_audit",
            "--disable-pip",
            "--no-deps",
            "-r",
            str(requirements),
            "--format",
            "json",
            "-o",
            str(report),
            "--progress-spinner",
            "off",
        ]
        osv = os.environ.get("REBOUND_AUDIT_OSV_URL")  # another OSV service (the tests' own)
        if osv:
            command += ["--vulnerability-service", "osv", "--osv-url", osv]
        run = subprocess.run(command, capture_output=True, text=True)
        if not report.exists():
            print(run.stderr.strip(), file=sys.stderr)
            return run.returncode or 1
        data = json.loads(report.read_text())
    dependencies = data.get("dependencies", [])
    vulnerable = [d for d in dependencies if d.get("vulns")]
    skipped = [d for d in dependencies if d.get("skip_reason")]
    for dep in vulnerable:
        ids = ", ".join(v["id"] for v in dep["vulns"])
        print(f"audit: {dep['name']} {dep['version']}: {ids}", file=sys.stderr)
    audited = len(dependencies) - len(skipped)
    print(
        f"audit: {len(pins)} runtime packages, {audited} audited, {len(vulnerable)} with advisories"
    )
    if skipped and not audited:
        print(
            "audit: the advisory service could not be reached from this machine, so nothing "
            "could be audited (not a pass)."
        )
    return 1 if vulnerable else 0


if __name__ == "__main__":
    sys.exit(main())
