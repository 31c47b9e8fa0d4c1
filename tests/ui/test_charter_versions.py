"""Versions in the editor: sign through the dialog, compare, export through the button."""

from __future__ import annotations

import hashlib
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QGroupBox

from app.services.charter import signing as charter_signing
from app.services.charter import versions as charter
from app.services.clients import workspaces as clients
from app.services.people import agency as agency_service
from tests.conftest import spy_on_threads
from ui.areas import AreaServices
from ui.charter import charter_actions
from ui.charter.charter_area import CharterArea
from ui.charter.charter_dialogs import CompareDialog, SignDialog
from ui.design import current
from ui.tasks import TaskRunner


@pytest.fixture
def area(qtbot, sqlite_db, ui_settings, monkeypatch):
    errors: list[str] = []
    for module in ("ui.charter.charter_save", "ui.charter.charter_actions"):
        monkeypatch.setattr(
            f"{module}.show_error", lambda p, exc, title=None: errors.append(str(exc))
        )
    with sqlite_db.session() as s:
        agency_service.save_agency(s, name="Social & Co")
        agency_service.add_staff(s, "Thomas Leroy", "Directeur de clientèle")
        c = clients.create_client(s, "Aquarelle", language="fr")
        sophie = clients.save_contact(s, c.id, name="Sophie Garnier", role="SAV")
        doc = charter.ensure_charter(s, c.id)
        for key, rows in {
            "escalation": [{"category": "complaint", "contact": sophie.id, "delay": 60}],
            "networks": [{"network": "facebook", "posts_min": 3}],
        }.items():
            charter.save_section(s, c.id, doc.section(key).id, data={"rows": rows})
        info = clients.get_client(s, c.id)
    tasks = TaskRunner()
    widget = CharterArea(AreaServices(sqlite_db, tasks, ui_settings))
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        widget.set_client(info)
    widget.errors = errors
    yield widget
    tasks.wait(10000)


def test_sign_through_the_dialog_with_scan(qtbot, area, tmp_path, monkeypatch):
    scan = tmp_path / "charte signée.pdf"
    scan.write_bytes(b"%PDF-1.7\n% scanned\n")
    reads = spy_on_threads(monkeypatch, area.services.db)
    qtbot.mouseClick(area.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: area.findChild(SignDialog, "signDialog") is not None, timeout=5000)
    dialog = area.findChild(SignDialog, "signDialog")
    assert reads and not any(reads), "the agency and its team were read on the GUI thread"
    assert dialog.isVisible() and dialog.isModal()
    assert "For the agency (Social && Co)" in [b.title() for b in dialog.findChildren(QGroupBox)]
    assert dialog.fields["agency"][0].text() == "Thomas Leroy"  # the agency's first staff
    dialog.attach(str(tmp_path / "missing.pdf"))
    assert dialog.error.isVisible()
    dialog.attach(str(scan))
    assert "SHA-256" in dialog.scan_label.text()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # the client's signatory is missing
    assert dialog.isVisible() and "each side" in dialog.error.text()
    qtbot.keyClicks(dialog.fields["client"][0], "Sophie Garnier")
    qtbot.keyClicks(dialog.fields["client"][1], "Responsable SAV")
    with qtbot.waitSignal(area.loaded, timeout=10000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not any(reads), "the signature was written on the GUI thread"
    assert not area.errors
    assert area.doc.version.status == "signed" and area.banner.isVisible()
    with area.services.db.read() as s:
        name, _data, digest = charter_signing.scan_of(s, area.doc.client_id, area.doc.version.id)
    assert name == "charte signée.pdf" and digest == hashlib.sha256(scan.read_bytes()).hexdigest()
    sides = {g.side: g.name for g in area.doc.signatories}
    assert sides == {"agency": "Thomas Leroy", "client": "Sophie Garnier"}
    # a new draft, a change, then compare v1 → v2
    with qtbot.waitSignal(area.loaded, timeout=10000):
        qtbot.mouseClick(area.new_draft_button, Qt.MouseButton.LeftButton)
    area.pages["context"].editor.edit.insertPlainText("Livraison le dimanche")
    area.flush()
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.load()
    assert area.compare_button.isEnabled()
    dialog = CompareDialog(area.services, area.doc.client_id, area.versions, area)
    qtbot.addWidget(dialog)
    assert dialog.view.toPlainText() == "Comparing…"  # worked out on a worker
    qtbot.waitSignal(dialog.compared, timeout=10000).wait()
    html = dialog.view.toHtml()
    text = dialog.view.toPlainText()
    assert "Sections changed between version 1 and version 2: 1." in text
    assert "Livraison le dimanche" in text and "Contexte et objectifs" in text
    assert current().success_soft in html  # the insertion is highlighted, in the palette


def test_export_button_writes_the_pdf(qtbot, area, tmp_path, monkeypatch):
    out = tmp_path / "charte.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF"))
    messages = []
    area.status_message.connect(messages.append)
    qtbot.mouseClick(area.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(messages) or bool(area.errors), timeout=15000)
    assert not area.errors and out.exists()
    assert area.export_progress.isHidden() and area.export_button.isEnabled()
    assert "Charter exported" in messages[-1]
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Matrice d'escalade" in text and "Sophie Garnier" in text


def test_export_error_is_a_message(qtbot, area, tmp_path):
    results = []
    area.actions.export_to(str(tmp_path / "no" / "such" / "x.pdf"), results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=15000)
    assert area.errors and "Cannot write the PDF" in area.errors[-1]
    assert charter_actions  # module under test


def test_attach_the_signed_copy_later(qtbot, area, tmp_path):
    cid, vid = area.doc.client_id, area.doc.version.id
    with area.services.db.session() as s:
        charter_signing.record_signature(
            s,
            cid,
            vid,
            [charter.SignatoryInfo("agency", "Thomas"), charter.SignatoryInfo("client", "Sophie")],
        )
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.load()
    assert area.scan_button.isVisible()
    not_pdf = tmp_path / "photo.jpg"
    not_pdf.write_bytes(b"\xff\xd8\xff\xe0 jpeg")
    area.actions.attach_scan_file(str(not_pdf))
    qtbot.waitUntil(lambda: bool(area.errors), timeout=5000)
    assert "must be a PDF" in area.errors[-1]
    scan = tmp_path / "signée.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.actions.attach_scan_file(str(scan))
    assert not area.scan_button.isVisible()
    digest = hashlib.sha256(scan.read_bytes()).hexdigest()
    assert digest[:12] in area.banner_text.text() and "signée.pdf" in area.banner_text.text()
