"""Text stays text: hostile message text never becomes markup in a tooltip, and a charter's
rich text cannot pull a local file into the PDF (issue #19)."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtGui import Qt as GuiQt

from app.textsafe import strip_foreign_images, tooltip

HOSTILE = [
    '<img src="/etc/tribune-secret.png">',
    "<b>gras</b> et <i>italique</i>",
    "<img src=file:///home/camille/photo.png width=900>",
    "a < b && c > d",
    "<qt><a href='https://evil.example'>clic</a></qt>\nligne 2",
]


def shown(tip: str) -> tuple[str, str]:
    """What a tooltip shows: (plain text, the HTML Qt builds from it)."""
    doc = QTextDocument()
    if GuiQt.mightBeRichText(tip):
        doc.setHtml(tip)
    else:
        doc.setPlainText(tip)
    return doc.toPlainText(), doc.toHtml()


@pytest.mark.parametrize("text", HOSTILE)
def test_tooltip_shows_the_characters_and_interprets_nothing(text):
    plain, built = shown(tooltip(text))
    assert plain.replace("\u2028", "\n") == text
    assert "<img" not in built and "<a " not in built and "font-weight:700" not in built


def test_plain_text_is_left_alone():
    assert tooltip("Bonjour, où est ma commande ?") == "Bonjour, où est ma commande ?"


def test_inbox_model_tooltip_walk(qapp):
    from app.services.inbox.reading import MessageRow, Page
    from ui.inbox.inbox_model import InboxListModel

    now = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    rows = tuple(
        MessageRow(
            i,
            "mastodon",
            "comment",
            f"<b>Auteur {i}</b>",
            f"@a{i}",
            text,
            now,
            "new",
            "question",
            0,
            "",
            None,
            True,
            False,
            False,
            0,
        )
        for i, text in enumerate(HOSTILE, 1)
    )
    model = InboxListModel()
    model.reset_source(lambda _conn, _cursor, _limit: Page(rows, None), "Europe/Paris")
    assert model.rowCount() == len(HOSTILE)
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            tip = model.data(model.index(r, c), Qt.ItemDataRole.ToolTipRole)
            if tip is None:
                continue
            _plain, built = shown(tip)
            assert "<img" not in built and "font-weight:700" not in built, (r, c, tip)
    text_col = next(c for c in range(model.columnCount()) if model.headers()[c] == "Message")
    plain, _ = shown(model.data(model.index(0, text_col), Qt.ItemDataRole.ToolTipRole))
    assert "<img" in plain  # shown as the characters the author typed


def test_health_view_tooltip_is_escaped(qtbot):
    from app.services.sync.health import AccountHealth
    from ui.sync.health_view import AccountHealthView
    from ui.tasks import TaskRunner

    view = AccountHealthView(TaskRunner())
    qtbot.addWidget(view)
    reason = "Erreur du serveur : <img src='/etc/passwd.png'> <b>HTTP 500</b>"
    view.show_rows(
        [AccountHealth(1, "mastodon", "@agence", "error", reason, reason, None, None, None, True)]
    )
    tip = view.table.item(0, 1).toolTip()
    plain, built = shown(tip)
    assert plain == reason and "<img" not in built


def test_strip_foreign_images_keeps_only_embedded_resources():
    rich = (
        "<p>Logo <img src='client-logo'> fichier <img src=/etc/x.png> "
        '<img src="file:///tmp/x.png"> <img src="http://evil.example/t.png"> '
        "<img src='../x.png'> <IMG SRC=data:image/png;base64,AAAA></p>"
    )
    out = strip_foreign_images(rich, {"client-logo"})
    assert out.count("<img") == 1 and "client-logo" in out
    assert strip_foreign_images("<img src=client-logo>") == ""  # not offered: removed


def test_charter_pdf_does_not_embed_a_local_file(sqlite_db, tmp_path):
    from app.documents.charter_pdf import export_charter_pdf, gather
    from app.services.charter import versions as charter
    from app.services.clients import workspaces as clients

    secret = tmp_path / "secret.png"
    image = QImage(400, 400, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.red)
    assert image.save(str(secret))
    with sqlite_db.session() as s:
        client = clients.create_client(s, "Boulangerie Martin")
        doc = charter.ensure_charter(s, client.id)
        section = (
            next(x for x in doc.sections if x.kind == "rich")
            if any(x.kind == "rich" for x in doc.sections)
            else doc.sections[0]
        )
        charter.save_section(
            s,
            client.id,
            section.id,
            html=f"<p>Texte</p><img src='{secret}'><img src='file://{secret}'>",
        )
    with sqlite_db.read() as s:
        inp = gather(s, "Boulangerie Martin")
    out = tmp_path / "charte.pdf"
    export_charter_pdf(inp, out)
    listed = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True)
    assert listed.returncode == 0
    sizes = {tuple(line.split()[3:5]) for line in listed.stdout.splitlines()[2:]}
    assert ("400", "400") not in sizes
