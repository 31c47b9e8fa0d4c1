"""The charter editor driven through its real widgets, checked against the database."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QComboBox, QMessageBox

from app.services.charter import signing as charter_signing
from app.services.charter import versions as charter
from app.services.clients import workspaces as clients
from ui.areas import AreaServices
from ui.charter.charter_area import CharterArea
from ui.charter.delegates import DelayEdit
from ui.tasks import TaskRunner


@pytest.fixture
def setup(qtbot, sqlite_db, ui_settings, monkeypatch):
    # error boxes are recorded instead of shown
    shown: list[str] = []
    for module in ("ui.charter.charter_save", "ui.charter.charter_actions"):
        monkeypatch.setattr(
            f"{module}.show_error", lambda parent, exc, title=None: shown.append(str(exc))
        )
    with sqlite_db.session() as s:
        a = clients.create_client(s, "Aquarelle & Pétales", language="fr")
        b = clients.create_client(s, "Maison Dupré", language="fr")
        sophie = clients.save_contact(s, a.id, name="Sophie Garnier", role="SAV")
        clients.save_contact(s, a.id, name="Nadia Chérif", role="Juriste")
        info_a, info_b = clients.get_client(s, a.id), clients.get_client(s, b.id)
        charter.ensure_charter(s, a.id)  # b has none: the area offers to write one
    tasks = TaskRunner()

    def make_area(client=info_a):
        area = CharterArea(AreaServices(sqlite_db, tasks, ui_settings))
        qtbot.addWidget(area)
        area.resize(1200, 800)
        area.show()
        with qtbot.waitSignal(area.loaded, timeout=10000):
            area.set_client(client)
        return area

    yield {
        "db": sqlite_db, "make_area": make_area, "a": info_a, "b": info_b,
        "sophie": sophie.id, "errors": shown, "tasks": tasks,
    }  # fmt: skip
    tasks.wait(10000)


def _doc(db, cid, number=None):
    with db.read() as s:
        return charter.load(s, cid, number)


def _type_at_end(qtbot, page, text):
    edit = page.editor.edit
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(edit, text)


def test_rich_text_autosaves_and_reloads(qtbot, setup):
    db, area = setup["db"], setup["make_area"]()
    area.select_section("context")
    page = area.pages["context"]
    _type_at_end(qtbot, page, " Livraison en 4 heures")
    page.editor.edit.insertPlainText(" — fête des mères 🌷")
    assert area.save_state.text() == "Unsaved changes…"
    with qtbot.waitSignal(area.saved, timeout=5000):  # the debounced autosave, no flush called
        pass
    html = _doc(db, setup["a"].id).section("context").html
    assert "Livraison en 4 heures" in html and "fête des mères 🌷" in html
    # bold through the toolbar
    edit = page.editor.edit
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.StartOfWord)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    qtbot.mouseClick(page.editor.bold, Qt.MouseButton.LeftButton)
    area.flush()
    assert "font-weight" in _doc(db, setup["a"].id).section("context").html
    again = setup["make_area"]()
    assert "fête des mères 🌷" in again.pages["context"].document.toPlainText()


def test_table_contact_and_delay_through_delegates(qtbot, setup):
    db, area = setup["db"], setup["make_area"]()
    area.select_section("escalation")
    page = area.pages["escalation"]
    table = page.table.table
    qtbot.mouseClick(page.table.add_button, Qt.MouseButton.LeftButton)
    assert table.rowCount() == 1
    assert "choose a contact" in page.issues_label.text()
    assert page.issues_label.isVisible()

    def edit_cell(col, kind):
        index = table.model().index(0, col)
        table.setCurrentIndex(index)
        table.edit(index)
        editors = [
            w
            for w in table.viewport().findChildren(
                kind, options=Qt.FindChildOption.FindDirectChildrenOnly
            )
            if w.isVisible()
        ]
        assert len(editors) == 1
        return editors[0]

    combo = edit_cell(0, QComboBox)
    combo.setCurrentIndex(combo.findData("complaint"))
    combo.activated.emit(combo.currentIndex())  # what choosing in the list does
    combo = edit_cell(2, QComboBox)
    combo.setCurrentIndex(combo.findData(setup["sophie"]))
    combo.activated.emit(combo.currentIndex())
    assert table.item(0, 2).text() == "Sophie Garnier (SAV)"
    delay = edit_cell(3, DelayEdit)
    delay.unit.setCurrentIndex(1)  # hours
    delay.amount.selectAll()
    qtbot.keyClicks(delay.amount, "3")
    qtbot.keyClick(delay.amount, Qt.Key.Key_Return)
    assert table.item(0, 3).text() == "3 h"
    assert not page.issues_label.isVisible()
    area.flush()
    rows = _doc(db, setup["a"].id).section("escalation").data["rows"]
    assert rows == [{"category": "complaint", "contact": setup["sophie"], "delay": 180}]
    # undo / redo through the buttons, saved each time
    qtbot.mouseClick(area.undo_button, Qt.MouseButton.LeftButton)
    area.flush()
    assert _doc(db, setup["a"].id).section("escalation").data["rows"][0].get("delay") is None
    qtbot.mouseClick(area.redo_button, Qt.MouseButton.LeftButton)
    area.flush()
    assert _doc(db, setup["a"].id).section("escalation").data["rows"][0]["delay"] == 180
    # reloaded in a new editor
    again = setup["make_area"]()
    assert again.pages["escalation"].table.table.item(0, 3).text() == "3 h"


def test_business_hours_and_style_widgets(qtbot, setup):
    db, area = setup["db"], setup["make_area"]()
    area.select_section("delays")
    hours = area.pages["delays"].hours
    saturday = hours.days[5][0]
    qtbot.mouseClick(saturday, Qt.MouseButton.LeftButton)
    assert saturday.isChecked()
    hours.closed.setText("2026-12-24")
    hours.closed.editingFinished.emit()
    area.select_section("style")
    style = area.pages["style"].style_form
    style.register.setCurrentIndex(style.register.findData("tu"))
    style.register.activated.emit(style.register.currentIndex())
    style.watch.setFocus()
    qtbot.keyClicks(style.watch, "retard, arnaque")  # not finished: flush still keeps it
    area.flush()
    doc = _doc(db, setup["a"].id)
    bh = doc.section("delays").data["business_hours"]
    assert bh["days"]["5"] == [["09:00", "18:00"]] and bh["closed_days"] == ["2026-12-24"]
    assert doc.section("style").data["register"] == "tu"
    assert doc.section("style").data["watch_words"] == ["retard", "arnaque"]


def test_invalid_value_refused_inline_and_draft_intact(qtbot, setup):
    db, area = setup["db"], setup["make_area"]()
    area.select_section("moderation")
    page = area.pages["moderation"]
    before = _doc(db, setup["a"].id).section("moderation").data
    rows = page.table.rows()
    rows[0] = {"key": "criticism", "actions": ["delete"]}
    page.table.rows_edited.emit(rows)  # what the table emits after such an edit
    assert page.error.isVisible() and "criticism is never" in page.error.text()
    assert page.table.table.item(0, 0).text() == "Insult"  # the old value is shown again
    area.flush()
    assert _doc(db, setup["a"].id).section("moderation").data == before


def test_reorder_sections_and_undo(qtbot, setup):
    db, area = setup["db"], setup["make_area"]()
    model = area.navigator.model()
    assert model.moveRow(model.index(0, 0).parent(), 11, model.index(0, 0).parent(), 0)
    area.flush()
    assert _doc(db, setup["a"].id).sections[0].key == "reporting"
    assert area.navigator.item(0).text().startswith("1. Reporting")
    area.undo_stack.undo()
    area.flush()
    assert _doc(db, setup["a"].id).sections[0].key == "context"


def test_client_switch_flushes_at_once(qtbot, setup):
    db, area = setup["db"], setup["make_area"]()
    _type_at_end(qtbot, area.pages["scope"], "Urgent")
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.set_client(setup["b"])  # the text went to a worker, not waited for
    qtbot.waitUntil(lambda: "Urgent" in _doc(db, setup["a"].id).section("scope").html)
    # looking at a client without a charter writes nothing; the user starts one
    assert area.doc is None and area.create_button.isVisible()
    assert "Maison Dupré has no charter yet" in area.empty_text.text()
    with db.read() as s:
        assert charter.list_versions(s, setup["b"].id) == []
    with qtbot.waitSignal(area.loaded, timeout=10000):
        qtbot.mouseClick(area.create_button, Qt.MouseButton.LeftButton)
    assert area.doc.client_id == setup["b"].id and area.doc.version.number == 1
    assert area.pages["context"].isVisible()


def test_signed_version_is_read_only_until_a_new_draft(qtbot, setup):
    db, cid = setup["db"], setup["a"].id
    with db.session() as s:
        doc = charter.ensure_charter(s, cid)
        rows = {
            "escalation": [{"category": "complaint", "contact": setup["sophie"], "delay": 60}],
            "networks": [{"network": "facebook", "posts_min": 3}],
        }
        for key, value in rows.items():
            charter.save_section(s, cid, doc.section(key).id, data={"rows": value})
        charter_signing.record_signature(
            s, cid, doc.version.id,
            [charter.SignatoryInfo("agency", "Thomas"), charter.SignatoryInfo("client", "Sophie")],
            signed_at=dt.datetime(2026, 3, 1, tzinfo=dt.UTC),
        )  # fmt: skip
    area = setup["make_area"]()
    assert area.banner.isVisible() and "frozen" in area.banner_text.text()
    page = area.pages["context"]
    before = page.document.toPlainText()
    _type_at_end(qtbot, page, "ajout")
    assert page.document.toPlainText() == before
    assert not page.editor.toolbar.isVisible()
    assert not area.pages["escalation"].table.add_button.isVisible()
    area.flush()
    assert _doc(db, cid).version.status == "signed"
    with qtbot.waitSignal(area.loaded, timeout=10000):
        qtbot.mouseClick(area.banner_button, Qt.MouseButton.LeftButton)
    assert area.doc.version.number == 2 and area.doc.version.status == "draft"
    assert not area.banner.isVisible()
    _type_at_end(qtbot, area.pages["context"], "ajout")
    area.flush()
    assert "ajout" in _doc(db, cid, 2).section("context").html
    assert "ajout" not in _doc(db, cid, 1).section("context").html


def test_send_refused_while_incomplete(qtbot, setup, monkeypatch):
    area = setup["make_area"]()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(area.send_button, Qt.MouseButton.LeftButton)
    assert not area.send_button.isEnabled()  # written on a worker: not pressed twice
    qtbot.waitUntil(lambda: bool(setup["errors"]), timeout=5000)
    assert "not complete" in setup["errors"][-1]
    assert area.send_button.isEnabled()
    assert _doc(setup["db"], setup["a"].id).version.status == "draft"


def test_text_undo_redo_go_through_the_area_stack(qtbot, setup):
    db, area = setup["db"], setup["make_area"]()
    page = area.pages["autonomy"]
    area.select_section("autonomy")
    original = page.document.toPlainText()
    _type_at_end(qtbot, page, "Valider les gestes commerciaux")
    assert area.undo_stack.count() >= 1
    area.select_section("context")  # undo brings the section back into view
    qtbot.keyClick(page.editor.edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    while area.undo_stack.canUndo():
        qtbot.mouseClick(area.undo_button, Qt.MouseButton.LeftButton)
    assert page.document.toPlainText() == original
    assert area.current_key() == "autonomy"
    area.flush()
    assert "Valider" not in _doc(db, setup["a"].id).section("autonomy").html
    while area.undo_stack.canRedo():
        qtbot.mouseClick(area.redo_button, Qt.MouseButton.LeftButton)
    assert "Valider les gestes commerciaux" in page.document.toPlainText()
    area.flush()
    assert "Valider les gestes commerciaux" in _doc(db, setup["a"].id).section("autonomy").html


def test_second_opening_window_of_a_day_is_kept(qtbot, setup):
    db, cid = setup["db"], setup["a"].id
    with db.session() as s:
        delays = charter.load(s, cid).section("delays")
        hours = {**delays.data["business_hours"]}
        hours["days"] = {**hours["days"], "0": [["09:00", "12:00"], ["14:00", "18:00"]]}
        charter.save_section(s, cid, delays.id, data={**delays.data, "business_hours": hours})
    area = setup["make_area"]()
    area.select_section("delays")
    form = area.pages["delays"].hours
    qtbot.mouseClick(form.days[6][0], Qt.MouseButton.LeftButton)  # open on Sundays too
    area.flush()
    days = _doc(db, cid).section("delays").data["business_hours"]["days"]
    assert days["0"] == [["09:00", "12:00"], ["14:00", "18:00"]] and "6" in days


def test_autosave_writes_off_the_gui_thread_and_keeps_what_is_typed_meanwhile(
    qtbot, setup, monkeypatch
):
    """The autosave runs on a worker (a shared PostgreSQL server may be slow to answer):
    the user keeps typing while it writes, and nothing typed meanwhile is lost."""
    import threading

    db, area = setup["db"], setup["make_area"]()
    area.select_section("context")
    page = area.pages["context"]
    real_save = charter.save_section
    release, threads = threading.Event(), []

    def slow_save(*args, **kwargs):
        threads.append(threading.current_thread())
        release.wait(10)  # a slow server
        return real_save(*args, **kwargs)

    monkeypatch.setattr(charter, "save_section", slow_save)
    _type_at_end(qtbot, page, " Premier jet")
    qtbot.waitUntil(lambda: area.save_state.text() == "Saving…", timeout=5000)
    _type_at_end(qtbot, page, " et la suite")  # typed while the save is in flight
    assert page.document.toPlainText().endswith("Premier jet et la suite")
    with qtbot.waitSignal(area.saved, timeout=5000):
        release.set()
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert page.dirty_text  # the second part is still to be saved…
    assert "Premier jet" in _doc(db, setup["a"].id).section("context").html
    with qtbot.waitSignal(area.saved, timeout=5000):  # …by the next autosave
        pass
    assert area.save_state.text() == "All changes saved"
    assert "Premier jet et la suite" in _doc(db, setup["a"].id).section("context").html
    assert setup["errors"] == []


def test_flush_waits_for_a_background_save_then_writes_the_rest(qtbot, setup, monkeypatch):
    """Switching client during an autosave: the save lands, then the newer text, no conflict."""
    import threading

    db, area = setup["db"], setup["make_area"]()
    area.select_section("context")
    page = area.pages["context"]
    real_save = charter.save_section
    started = threading.Event()

    def slow_save(*args, **kwargs):
        started.set()
        threading.Event().wait(0.3)
        return real_save(*args, **kwargs)

    monkeypatch.setattr(charter, "save_section", slow_save)
    _type_at_end(qtbot, page, " Version A")
    qtbot.waitUntil(started.is_set, timeout=5000)
    page.editor.edit.insertPlainText(" puis B")
    area.flush()
    assert setup["errors"] == []
    assert area.save_state.text() == "All changes saved"
    assert "Version A puis B" in _doc(db, setup["a"].id).section("context").html


def test_typing_on_after_an_autosave_is_saved_too(qtbot, setup):
    """Qt merges consecutive typing into the previous undo step (no new undo step): the
    page must still count it as a change, or it would be lost at the next quit."""
    db, area = setup["db"], setup["make_area"]()
    area.select_section("context")
    page = area.pages["context"]
    _type_at_end(qtbot, page, " abc")
    area.flush()
    assert not page.dirty_text
    _type_at_end(qtbot, page, "def")  # merged into the " abc" undo step
    assert page.dirty_text and area.save_state.text() == "Unsaved changes…"
    area.flush()
    assert "abcdef" in _doc(db, setup["a"].id).section("context").html
