"""After a save of the post editor: what other seats saved meanwhile shows where this person
changed nothing; what they typed into since keeps the old base, so that its next save meets
the other seat's change as a conflict rather than writing over it."""

from __future__ import annotations

import dataclasses


def _tab_content(tab) -> tuple:
    v = tab.count()
    return (v.text, v.link, v.first_comment, tuple(v.media))


def _content(v) -> tuple:
    return (v.text, v.link, v.first_comment, tuple(v.media or ()))


def adopt_theirs(editor, info, values: dict):
    """After a save: show what others saved meanwhile where this person changed nothing,
    and return the base of the next save.

    A network or field untouched in the snapshot written, and untouched since, now shows
    the stored value (another seat's text, kept by the save). One typed into since keeps the
    old base for that network, so its next save meets the other seat's change as a conflict
    rather than writing over it."""
    base, sent = values["base"], {v.network: v for v in values["variants"]}
    if base is None:
        return info
    read = {v.network: v for v in base.variants}
    stored = {v.network for v in info.variants}
    kept = []
    editor._loading = True
    try:
        for network, was in read.items():  # removed by another seat meanwhile
            mine, tab = sent.get(network), editor.variant_tabs.get(network)
            if network in stored or mine is None or _content(was) != _content(mine):
                continue
            if tab is not None and _tab_content(tab) == _content(mine):
                editor.network_boxes[network].setChecked(False)
            else:
                kept.append(was)
        for v in info.variants:
            was, mine = read.get(v.network), sent.get(v.network)
            if was is None and mine is None:
                continue  # added by another seat: not shown here, left as stored
            tab = editor.variant_tabs.get(v.network)
            untouched = was is not None and mine is not None and _content(was) == _content(mine)
            if not untouched or _content(v) == _content(mine):
                kept.append(v)
                continue
            if tab is None or _tab_content(tab) != _content(mine) or v.media != was.media:
                kept.append(was)  # typed into meanwhile (or media): the clash stays visible
                continue
            tab.text.setPlainText(v.text)
            tab.link.setText(v.link)
            tab.first_comment.setText(v.first_comment)
            kept.append(v)
        common = values["common"]
        keep_fields = {}
        for name, widget_value, show in (
            ("title", editor.title.text(), editor.title.setText),
            ("campaign", editor.campaign.text().strip(), editor.campaign.setText),
            ("notes", editor.notes.toPlainText(), editor.notes.setPlainText),
            ("category", editor.category.currentText().strip(), editor.category.setCurrentText),
        ):
            before, stored = getattr(base, name), getattr(info, name)
            if common[name] != before or stored == before:
                continue
            if widget_value == common[name]:
                show(stored)
            else:
                keep_fields[name] = before
        if values["planned_at"] == base.planned_at and info.planned_at != base.planned_at:
            if editor.planned_utc() == values["planned_at"]:
                editor._set_when(info.planned_at.astimezone(editor.zone).replace(tzinfo=None))
            else:
                keep_fields["planned_at"] = base.planned_at
        if common["all_day"] == base.all_day and info.all_day != base.all_day:
            if editor.all_day.isChecked() == common["all_day"]:
                editor.all_day.setChecked(info.all_day)
            else:
                keep_fields["all_day"] = base.all_day
    finally:
        editor._loading = False
    kept.sort(key=lambda v: v.network)
    return dataclasses.replace(info, variants=tuple(kept), **keep_fields)
