"""File › Agency…: the agency's identity on its documents, set in the app by an
administrator — a refused logo or colour says why in one line and changes nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services.people import admin
from app.services.people import agency as agency_service
from tests.app import people_fixtures
from tests.app.people_fixtures import PASSWORD
from tests.cli.test_cli_agency import png_bytes

agency = people_fixtures.agency


def _open(qtbot, window):
    window.act_agency.trigger()
    dialog = window.agency_dialog
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10000)
    return dialog


def test_an_administrator_sets_the_agency_in_the_dialog(qtbot, main_window, sqlite_db, tmp_path):
    with sqlite_db.session() as s:
        agency_service.save_agency(s, name="Social & Co", colour="#0f766e")
    dialog = _open(qtbot, main_window)
    assert dialog.name_edit.text() == "Social & Co" and dialog.colour == "#0f766e"
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    assert save.property("role") == "primary"

    # a GIF, a huge PNG, a yellow colour: each refused in one line, nothing taken
    gif = tmp_path / "logo.gif"
    gif.write_bytes(b"GIF89a" + b"\0" * 64)
    assert not dialog.set_logo_file(str(gif))
    assert "PNG or JPEG" in dialog.error_label.text() and dialog.logo is None
    big = tmp_path / "big.png"
    big.write_bytes(png_bytes(extra=agency_service.MAX_LOGO_BYTES))
    assert not dialog.set_logo_file(str(big))
    assert "1024 KB" in dialog.error_label.text() and dialog.logo is None
    assert not dialog.set_colour("#ffe066")
    assert "4.5:1" in dialog.error_label.text() and "\n" not in dialog.error_label.text()
    assert dialog.colour == "#0f766e"

    # a real logo shows in the preview; a dark colour is taken
    good = tmp_path / "logo.png"
    good.write_bytes(png_bytes(8, 8))
    assert dialog.set_logo_file(str(good))
    assert dialog.error_label.isHidden()
    assert not dialog.logo_preview.pixmap().isNull()
    assert dialog.set_colour("#7C2D12")
    dialog.address_edit.setPlainText("12 rue de la République\n69002 Lyon")
    dialog.email_edit.setText("bonjour@social.example")
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    with sqlite_db.read() as s:
        info = agency_service.agency(s)
    assert info.address == "12 rue de la République\n69002 Lyon"
    assert (info.email, info.colour, info.logo) == (
        "bonjour@social.example",
        "#7c2d12",
        good.read_bytes(),
    )

    # the logo can be removed again
    dialog = _open(qtbot, main_window)
    assert dialog.remove_logo_button.isEnabled()
    dialog.remove_logo_button.click()
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save()
    with sqlite_db.read() as s:
        assert agency_service.agency(s).logo is None


def test_a_bad_email_is_said_under_the_form_and_nothing_written(qtbot, main_window, sqlite_db):
    dialog = _open(qtbot, main_window)
    dialog.name_edit.setText("Social & Co")
    dialog.email_edit.setText("bonjour at social")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=10000)
    assert "not valid" in dialog.error_label.text()
    assert dialog.isVisible()
    with sqlite_db.read() as s:
        assert agency_service.agency(s).name == ""


@pytest.mark.postgres
def test_the_agency_entry_is_an_administrators(qtbot, agency, ui_settings):
    """A community manager's window disables File › Agency… with the reason; an
    administrator's opens it. Each person is their own PostgreSQL login."""
    from ui.main_window import MainWindow

    boss = agency.db()
    with boss.session() as s:
        admin.add_person(s, agency.login("cam"), "Cam", "cm", PASSWORD)
        admin.add_person(s, agency.login("ada"), "Ada", "admin", PASSWORD)
        agency_service.save_agency(s, name="Social & Co")
    boss.dispose()
    for who, allowed in (("cam", False), ("ada", True)):
        db = agency.db(who)
        window = MainWindow(ui_settings)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.clients_loaded, timeout=10000):
            window.set_database(db)
        qtbot.waitUntil(
            lambda w=window: getattr(w, "capabilities", None) is not None, timeout=10000
        )
        assert window.act_agency.isEnabled() is allowed
        if not allowed:
            assert "administrator" in window.act_agency.toolTip()
        else:
            dialog = _open(qtbot, window)
            assert dialog.name_edit.text() == "Social & Co"
            dialog.name_edit.setText("Social and Co")
            with qtbot.waitSignal(dialog.saved, timeout=10000):
                dialog.save()
        window.tasks.wait(10000)
        window.close()
        db.dispose()
    boss = agency.db()
    with boss.read() as s:
        assert agency_service.agency(s).name == "Social and Co"
    boss.dispose()
