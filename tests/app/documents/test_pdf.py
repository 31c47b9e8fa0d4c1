"""The shared PDF renderer, read back with poppler (pdftotext, pdfinfo, pdffonts)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from app.documents.pdf import render_html_pdf
from app.errors import StorageError

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")


def _text(path, *args):
    return subprocess.run(
        ["pdftotext", "-layout", *args, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_long_unicode_document_flows_with_page_numbers_and_embedded_fonts(tmp_path):
    paragraphs = "".join(
        f"<p>Paragraphe {i} : « réponse sous 2 h » — œuvre, Ça, ß, ΑΒΓ, 日本, emoji ✓.</p>"
        for i in range(400)
    )

    def html(anchors):
        toc = f"<p>Section deux ........ {anchors.get('two', '?')}</p>"
        return (
            f"<h1>Couverture</h1>{toc}"
            f"<h2 style='page-break-before: always'><a name='one'></a>Un</h2>{paragraphs}"
            "<h2 style='page-break-before: always'><a name='two'></a>Deux</h2><p>Fin.</p>"
        )

    out = tmp_path / "doc.pdf"
    result = render_html_pdf(
        html,
        out,
        title="Essai",
        footer_left="Charte v2 — Client",
        page_label="page {page} / {pages}",
    )
    assert result.pages >= 5
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert re.search(rf"^Pages:\s+{result.pages}$", info, re.M)
    assert re.search(r"^Title:\s+Essai$", info, re.M)
    text = _text(out)
    assert "« réponse sous 2 h »" in text and "œuvre" in text
    assert f"page 2 / {result.pages}" in text
    assert f"page {result.pages} / {result.pages}" in text
    assert "page 1 /" not in text  # the cover has no footer
    # the table of contents names the real page of section "two": the last page
    assert f"Section deux ........ {result.pages}" in _text(out, "-f", "1", "-l", "1")
    last = _text(out, "-f", str(result.pages), "-l", str(result.pages))
    assert "Deux" in last
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    rows = [r for r in fonts.splitlines()[2:] if r.strip()]
    assert rows and all(" yes " in r for r in rows), fonts
    assert any("DejaVu" in r for r in rows)
    assert not list(tmp_path.glob("*.part"))


def test_unwritable_target_is_a_clear_error_and_leaves_nothing(tmp_path):
    with pytest.raises(StorageError, match="Cannot write the PDF"):
        render_html_pdf("<p>x</p>", tmp_path / "missing" / "x.pdf", title="x")
    assert not (tmp_path / "missing").exists()


def test_landscape_pages(tmp_path):
    out = tmp_path / "wide.pdf"
    render_html_pdf("<p>wide</p>", out, title="w", landscape=True)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert re.search(r"^Page size:\s+842 x 595 pts", info, re.M), info


def test_cjk_and_emoji_come_from_the_bundled_fallback_fonts(tmp_path):
    out = tmp_path / "unicode.pdf"
    render_html_pdf("<p>Merci 日本語 中文 감사합니다 😀 🎉 ✓</p>", out, title="u")
    assert "日本語 中文 감사합니다" in _text(out)  # Korean too, not boxes
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    embedded = {row.split()[0] for row in fonts.splitlines()[2:] if " yes " in row}
    assert {"DejaVuSans", "DroidSansFallback", "NanumSquareR", "Symbola"} <= embedded, fonts
