"""Tribune's colours: one set of named tokens, a light and a dark scheme, and their contrast.

Every colour a screen paints comes from a token here (the style sheet, the sidebar's painter,
the icons, the charts), so the two schemes stay whole. ``TEXT_PAIRS`` lists every
foreground/background pair that carries text; ``tests/ui/test_design.py`` checks each one
reaches WCAG AA (4.5:1, relative luminance) in both schemes.
"""

from __future__ import annotations

from typing import Any

AA_TEXT = 4.5  # WCAG 2.x AA for normal-size text


class Scheme:
    """A scheme's colours, fixed once made: ``Scheme(name=..., window=..., ...)`` with every
    token below given by name, none other.

    A plain class, not a frozen dataclass: the palette is imported before the window's first
    paint, and ``dataclasses`` (the module, then the code it generates for 30 fields) cost
    about 5 ms there (benchmarks/startup.py)."""

    name: str  # "light" or "dark"
    # surfaces
    window: str  # the window's background, status bar, inputs' frame area
    surface: str  # cards, inputs, lists, the workspace header
    surface_alt: str  # alternate rows, hovered quiet buttons
    border: str  # 1-px separators and input frames (not text: no contrast rule)
    # text on surface / window
    text: str
    text_muted: str
    text_disabled: str  # disabled controls: exempt from the contrast rule (WCAG 1.4.3)
    # accent: links, selected tab, focus ring, primary button
    accent: str
    accent_hover: str
    on_accent: str  # text on an accent background
    accent_soft: str  # a tinted background (hint boxes, selection in lists)
    accent_text: str  # accent-coloured text on surface
    # states, each a text colour and a soft background that carries it
    success: str
    success_soft: str
    warning: str
    warning_soft: str
    danger: str
    danger_soft: str
    danger_fill: str  # a destructive button's background (on_accent text)
    attention_fill: str  # the sidebar's ⚠ badge (on_attention text)
    on_attention: str
    # the client sidebar (dark in both schemes)
    side: str
    side_hover: str
    side_selected: str
    side_text: str
    side_muted: str
    side_field: str  # the "Search clients… Ctrl+K" field

    def __init__(self, **tokens: str) -> None:
        given = set(tokens)
        if given != _FIELDS_SET:
            missing, unknown = sorted(_FIELDS_SET - given), sorted(given - _FIELDS_SET)
            raise TypeError(f"Scheme: missing {missing}, unknown {unknown}")
        for key, value in tokens.items():
            object.__setattr__(self, key, value)

    def __setattr__(self, key: str, value: Any) -> None:
        raise AttributeError(f"a Scheme is fixed: cannot set {key}")

    def __delattr__(self, key: str) -> None:
        raise AttributeError(f"a Scheme is fixed: cannot delete {key}")

    def __repr__(self) -> str:
        return f"Scheme(name={self.name!r})"


_FIELDS = tuple(Scheme.__annotations__)  # in their order: name first, then the tokens
_FIELDS_SET = frozenset(_FIELDS)


LIGHT = Scheme(
    name="light",
    window="#f6f8fb",
    surface="#ffffff",
    surface_alt="#eef1f6",
    border="#d5dbe6",
    text="#1d2536",
    text_muted="#5b6477",
    text_disabled="#9aa3b5",
    accent="#2f64d8",
    accent_hover="#2553b8",
    on_accent="#ffffff",
    accent_soft="#e8effd",
    accent_text="#2553b8",
    success="#067647",
    success_soft="#ecfdf3",
    warning="#93370d",
    warning_soft="#fffaeb",
    danger="#b42318",
    danger_soft="#fef3f2",
    danger_fill="#c4320a",
    attention_fill="#f5b454",
    on_attention="#1d2536",
    side="#1d2536",
    side_hover="#27324a",
    side_selected="#2d3f63",
    side_text="#e8ecf4",
    side_muted="#a3acbf",
    side_field="#27324a",
)

DARK = Scheme(
    name="dark",
    window="#151a23",
    surface="#1c2230",
    surface_alt="#252d3d",
    border="#364055",
    text="#e6e9f0",
    text_muted="#a7b0c2",
    text_disabled="#6b7488",
    accent="#3d6fe0",
    accent_hover="#2f5fcf",
    on_accent="#ffffff",
    accent_soft="#23314f",
    accent_text="#8fb1ff",
    success="#5fd49a",
    success_soft="#17332a",
    warning="#f5b454",
    warning_soft="#3a2c14",
    danger="#ff8c82",
    danger_soft="#3d1d1d",
    danger_fill="#c4320a",
    attention_fill="#f5b454",
    on_attention="#1d2536",
    side="#10141c",
    side_hover="#1c2331",
    side_selected="#263452",
    side_text="#e8ecf4",
    side_muted="#a3acbf",
    side_field="#1c2331",
)

SCHEMES = {"light": LIGHT, "dark": DARK}

# The fixed colours screens painted before the design system, and the token each one becomes
# (``QColor(current().text)`` instead of ``QColor("#1d2536")``): for adopting the palette.
LEGACY_COLOURS = {
    "#1d2536": "text",
    "#5b6477": "text_muted",
    "#6b7385": "text_muted",
    "#8a93a6": "text_disabled",
    "#9aa3b5": "text_disabled",
    "#ffffff": "surface",
    "#f6f8fb": "window",
    "#fbfcfe": "surface_alt",
    "#eef1f6": "surface_alt",
    "#e3e7ef": "border",
    "#d5dbe6": "border",
    "#3e7bfa": "accent",
    "#e8efff": "accent_soft",
    "#b42318": "danger",
    "#fef3f2": "danger_soft",
    "#d92d20": "danger_fill",
    "#93370d": "warning",
    "#fffaeb": "warning_soft",
    "#fff4c2": "warning_soft",
    "#067647": "success",
    "#2f9e44": "success",
}

# Every (text, background) pair a screen uses, by token name.
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "window"),
    ("text", "surface"),
    ("text", "surface_alt"),
    ("text", "accent_soft"),
    ("text_muted", "window"),
    ("text_muted", "surface"),
    ("text_muted", "surface_alt"),
    ("accent_text", "surface"),
    ("accent_text", "window"),
    ("accent_text", "accent_soft"),
    ("on_accent", "accent"),
    ("on_accent", "accent_hover"),
    ("on_accent", "danger_fill"),
    ("on_attention", "attention_fill"),
    ("success", "surface"),
    ("success", "window"),
    ("success", "success_soft"),
    ("warning", "surface"),
    ("warning", "warning_soft"),
    ("danger", "surface"),
    ("danger", "window"),
    ("danger", "danger_soft"),
    ("side_text", "side"),
    ("side_text", "side_hover"),
    ("side_text", "side_selected"),
    ("side_muted", "side"),
    ("side_muted", "side_field"),
    ("side_text", "side_field"),
)


def token_names() -> list[str]:
    return [name for name in _FIELDS if name != "name"]


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of ``#rrggbb``."""
    colour = colour.lstrip("#")
    channels = [int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str, background: str) -> float:
    """The WCAG contrast ratio, 1 to 21."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    light, dark = max(a, b), min(a, b)
    return (light + 0.05) / (dark + 0.05)


def contrast_table(scheme: Scheme) -> list[tuple[str, str, float]]:
    return [(fg, bg, contrast(getattr(scheme, fg), getattr(scheme, bg))) for fg, bg in TEXT_PAIRS]
