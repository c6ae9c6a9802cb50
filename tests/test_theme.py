"""The light and dark themes of ``.streamlit/config.toml``: both defined, both readable."""

from __future__ import annotations

import tomllib

import pytest

from tests.helpers import ROOT

CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
THEMES = CONFIG["theme"]
WHITE = "#FFFFFF"  # the text of a primary button, in both of Streamlit's bases


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a #RRGGBB colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_matches_known_values():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


def test_both_themes_are_defined_and_no_base_is_forced():
    assert set(THEMES) >= {"light", "dark"}
    assert "base" not in THEMES  # the system preference decides, the user may switch


@pytest.mark.parametrize("name", ["light", "dark"])
def test_text_and_links_read_at_4_5_to_1(name):
    theme = THEMES[name]
    for background in (theme["backgroundColor"], theme["secondaryBackgroundColor"]):
        assert contrast(theme["textColor"], background) >= 4.5
        assert contrast(theme["linkColor"], background) >= 4.5
    assert contrast(WHITE, theme["primaryColor"]) >= 4.5  # a primary button's label
    assert contrast(theme["primaryColor"], theme["backgroundColor"]) >= 3.0  # focus, controls


@pytest.mark.parametrize("name", ["light", "dark"])
def test_the_focus_ring_stands_out_at_3_to_1_on_both_themes(name):
    import ui

    theme = THEMES[name]
    for background in (theme["backgroundColor"], theme["secondaryBackgroundColor"]):
        assert contrast(ui.FOCUS_COLOUR, background) >= 3.0


def test_the_app_menu_is_shown_for_the_theme_choice_without_developer_options():
    import ui

    # "minimal" shows the menu only when the app defines an item; the menu then holds the
    # theme choice and that item ("viewer" would add print and screen recording).
    assert CONFIG["client"]["toolbarMode"] == "minimal"
    assert ui.MENU_ITEMS["About"]
    assert CONFIG["client"]["showErrorDetails"] == "none"
    assert CONFIG["client"]["disableDataExport"] is True
