"""The Phosphor code points Tribune keeps for its start-up (``ui/icon_codepoints.py``) are
the installed QtAwesome charmap's, and a glyph missing from them is still drawn."""

from __future__ import annotations

from ui import icons
from ui.icon_codepoints import CODEPOINTS


def test_the_kept_code_points_are_the_installed_charmaps():
    charmap = icons._charmap()
    assert CODEPOINTS, "no code point kept"
    for name, point in CODEPOINTS.items():
        assert int(charmap[name], 16) == point, name


def test_a_glyph_without_a_kept_code_point_is_read_from_the_charmap(monkeypatch):
    monkeypatch.setattr(icons, "CODEPOINTS", {})
    assert icons._char("ph.plus") == chr(int(icons._charmap()["plus"], 16))
    monkeypatch.undo()
    assert icons._char("ph.plus") == chr(CODEPOINTS["plus"])
