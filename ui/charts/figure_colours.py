"""The charts in the palette's scheme: a figure built in the light style (app.charts.style,
shared with the PDF report) is recoloured for the dark scheme on screen, and back to light
for a copied or saved image, which goes into client documents."""

from __future__ import annotations

from matplotlib.colors import to_hex
from matplotlib.text import Text

from app.charts import style as chart_style
from ui.design.palette import LIGHT, Scheme

# the chart style's colours that carry the page: ink, muted text, grid lines, paper
_LIGHT_ROLES = {
    "ink": chart_style.INK,
    "muted": chart_style.MUTED,
    "grid": chart_style.GRID,
    "paper": "#ffffff",
}


def roles(scheme: Scheme) -> dict[str, str]:
    if scheme is LIGHT or scheme.name == "light":
        return dict(_LIGHT_ROLES)
    return {
        "ink": scheme.text,
        "muted": scheme.text_muted,
        "grid": scheme.border,
        "paper": scheme.surface,
    }


def _hex(colour) -> str | None:
    try:
        return to_hex(colour, keep_alpha=False).lower()
    except (ValueError, TypeError):
        return None


def recolour(figure, scheme: Scheme) -> None:
    """Move ``figure`` from the scheme it is drawn in to ``scheme`` (no-op when the same)."""
    if figure is None:
        return
    was = getattr(figure, "_tribune_scheme", "light")
    if was == scheme.name:
        return
    source = roles(LIGHT) if was == "light" else roles(_by_name(was))
    target = roles(scheme)
    mapping = {source[k].lower(): target[k] for k in source}
    figure.patch.set_facecolor(_map(figure.patch.get_facecolor(), mapping))
    for ax in figure.axes:
        ax.set_facecolor(_map(ax.get_facecolor(), mapping))
        for spine in ax.spines.values():
            spine.set_edgecolor(_map(spine.get_edgecolor(), mapping))
        ax.tick_params(colors=target["muted"], grid_color=target["grid"])
        for line in ax.get_xgridlines() + ax.get_ygridlines():
            line.set_color(_map(line.get_color(), mapping))
        for line in ax.get_lines():
            line.set_color(_map(line.get_color(), mapping))
    for text in figure.findobj(Text):
        text.set_color(_map(text.get_color(), mapping))
    figure._tribune_scheme = scheme.name


def _map(colour, mapping: dict[str, str]):
    key = _hex(colour)
    return mapping.get(key, colour) if key else colour


def _by_name(name: str) -> Scheme:
    from ui.design.palette import SCHEMES

    return SCHEMES.get(name, LIGHT)
