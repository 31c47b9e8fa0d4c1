"""#13: the charts speak the client's words — network names as people know them, never the
internal keys ("x", "linkedin"), in the top posts and in the competitors' comparison."""

from __future__ import annotations

import datetime as dt

from matplotlib.text import Text

from app.charts.figures import build
from app.services.listening.competitors import CompetitorRow
from app.services.reports.metrics import PostTotals


class _Data:
    def __init__(self, top=(), bottom=(), competitors=()):
        self.top_posts, self.bottom_posts, self.competitors = top, bottom, competitors


def _texts(figure) -> list[str]:
    return [t.get_text() for t in figure.findobj(Text) if t.get_text()]


def _post(network: str, text: str, reactions: int) -> PostTotals:
    when = dt.datetime(2026, 11, 3, 9, tzinfo=dt.UTC)
    return PostTotals(network, f"{network}-1", when, text, "", 100, reactions, 0, 0, 0)


def test_top_posts_name_the_networks_by_their_labels():
    data = _Data(top=(_post("x", "Nos roses", 40), _post("linkedin", "Recrutement", 30)))
    labels = {t for t in _texts(build("top_posts", data, "fr")) if "  (" in t}
    assert labels == {"Nos roses  (X)", "Recrutement  (LinkedIn)"}


def test_competitors_chart_labels_and_values_in_french():
    rows = (
        CompetitorRow("Rival", "bluesky", "rival.bsky", False, 8461, 261, 9.0, 9.44),
        CompetitorRow("Aquarelle", "mastodon", "aq", True, 1081, 16, 2.8, 17.7),
    )
    texts = _texts(build("competitors", _Data(competitors=rows), "fr"))
    assert texts.index("Aquarelle · Mastodon") < texts.index("Rival · Bluesky")
    assert "8\u00a0461" in texts or "8\u202f461" in texts or "8 461" in texts
    assert "9,4" in texts and "17,7" in texts  # French decimals
    assert not any(t in ("bluesky", "mastodon") for t in texts)


def test_objective_durations_of_an_hour_or_more_are_said_in_hours():
    from app.documents.report_pages import objective_value

    assert objective_value(312.8, "min", "fr") == "5\u00a0h\u00a013\u00a0min"
    assert objective_value(120, "min", "en") == "2\u00a0h"
    assert objective_value(45, "min", "fr") == "45\u00a0min"
    assert objective_value(95, "%", "en") == "95%"


def test_the_heatmap_hours_in_each_language():
    from app.charts.figures_goals import hour_label

    assert [hour_label(h, "fr") for h in (0, 9, 18)] == ["0\u00a0h", "9\u00a0h", "18\u00a0h"]
    assert [hour_label(h, "en") for h in (0, 9, 18)] == ["12 AM", "9 AM", "6 PM"]


def test_weeks_cut_by_the_period_are_starred_and_said_so():
    from types import SimpleNamespace

    from app.services.reports.periods import period_for

    november = period_for("month", dt.date(2026, 11, 15))
    mondays = [dt.date(2026, 10, 26) + dt.timedelta(weeks=n) for n in range(6)]
    data = SimpleNamespace(
        period=november,
        posts_per_week={"mastodon": {m: 5 for m in mondays}},
        charter_ranges={"mastodon": (3, 7)},
    )
    from app.charts.lang import report_language

    with report_language("fr"):
        texts = _texts(build("posts", data, "fr"))
    assert "26 oct.*" in texts and "30 nov.*" in texts and "2 nov." in texts
    assert "* semaine en partie hors de la période" in texts
