"""The docs stay true: every command of the CLI is documented in docs/format.md, every page of
the registry is in the README, and the README's layout names every module (as sqlite-utils'
own tests/test_docs.py keeps its docs honest)."""

from __future__ import annotations

import re

import pytest

import ui
from assessment import cli
from tests.helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
FORMAT = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")


def section(text: str, heading: str) -> str:
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, f"no '## {heading}' section"
    return match.group(1)


@pytest.mark.parametrize("command", sorted(cli.COMMANDS))
def test_every_cli_command_is_documented(command):
    assert f"### `{command}`" in FORMAT


@pytest.mark.parametrize("spec", ui.PAGE_SPECS, ids=lambda s: s.name)
def test_every_page_is_in_the_readme(spec):
    pages = section(README, "Pages")
    assert f"**{spec.title}**" in pages, spec.title


def modules() -> list[str]:
    paths = [ROOT / "app.py", ROOT / "ui.py", *sorted((ROOT / "assessment").rglob("*.py"))]
    paths += sorted((ROOT / "app_pages").glob("*.py"))
    return [
        str(p.relative_to(ROOT))
        for p in paths
        if p.name != "__init__.py" and "__pycache__" not in p.parts
    ]


@pytest.mark.parametrize("module", modules())
def test_the_readme_layout_names_every_module(module):
    layout = section(README, "Layout")
    assert f"`{module}`" in layout, f"{module} is missing from the README's layout"


def test_the_readme_layout_names_no_module_that_is_gone():
    layout = section(README, "Layout")
    named = {n for n in re.findall(r"`([\w/]+\.py)`", layout) if not n.startswith("tests/")}
    assert named <= set(modules()), named - set(modules())


def test_the_readme_points_to_the_projects_own_format_doc():
    assert "docs/format.md" in README
    assert "domain.md" not in README
