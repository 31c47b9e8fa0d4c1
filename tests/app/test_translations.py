"""French ships complete: every catalogue translated, placeholders kept, and really loaded."""

from __future__ import annotations

import importlib.util

from app.i18n import TRANSLATIONS_DIR

REPO = TRANSLATIONS_DIR.parent.parent


def _i18n_script():
    spec = importlib.util.spec_from_file_location("i18n_script", REPO / "scripts" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_french_string_is_translated_with_the_english_placeholders(capsys):
    script = _i18n_script()
    assert sorted(TRANSLATIONS_DIR.glob("*_fr.ts")), "no French catalogue"
    problems = script.check()
    assert problems == 0, capsys.readouterr().out


def test_the_cli_speaks_french_when_asked(cli):
    done = cli("client", "add", "", env={"TRIBUNE_LANG": "fr"})
    assert done.returncode == 1
    assert done.stderr.strip() == "tribune: Un client doit avoir un nom."
    done = cli("client", "list", env={"TRIBUNE_LANG": "en"})
    assert "No clients yet" in done.stdout


def _literal(node):
    import ast

    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        return left + right if left is not None and right is not None else None
    return None


def test_every_literal_given_to_tr_or_translate_reached_a_catalogue():
    """lupdate skips a call it cannot parse (a count written ``len(x)`` or ``a.b``): the string
    then shows in English in the French app, and the catalogue check cannot see it."""
    import ast
    import xml.etree.ElementTree as ET

    known = {
        source.text
        for ts in TRANSLATIONS_DIR.glob("*_fr.ts")
        for source in ET.parse(ts).getroot().iter("source")
        if source.text
    }
    missing = []
    for folder in ("app", "ui"):
        for path in sorted((REPO / folder).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call):
                    continue
                func = node.func
                name = getattr(func, "attr", None) or getattr(func, "id", None)
                if name == "tr" and node.args:
                    text = _literal(node.args[0])
                elif name in ("translate", "document_translate") and len(node.args) >= 2:
                    text = _literal(node.args[1])
                else:
                    continue
                if text and text not in known:
                    missing.append(f"{path.relative_to(REPO)}:{node.lineno} {text[:60]!r}")
    assert not missing, "\n".join(missing)


def _counted_sources(ts):
    import xml.etree.ElementTree as ET

    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            if "%n" in source or "%Ln" in source:
                forms = [f.text or "" for f in message.iter("numerusform")]
                yield context.findtext("name"), source, message.get("numerus"), forms


def test_every_counted_string_is_a_plural_in_french_and_in_english():
    """lupdate makes ``translate(ctx, text, "", n)`` a plural only when n is a literal number:
    "%n deleted status(es) skipped" had one French form, singular, for every count. The update
    marks them; English has its own catalogue of counted strings, two forms each."""
    french = {
        (context, source): (numerus, forms)
        for ts in TRANSLATIONS_DIR.glob("*_fr.ts")
        for context, source, numerus, forms in _counted_sources(ts)
    }
    assert len(french) > 20
    wrong = [key for key, (numerus, forms) in french.items() if numerus != "yes" or len(forms) != 2]
    assert not wrong
    english = {
        (context, source): forms
        for context, source, _numerus, forms in _counted_sources(TRANSLATIONS_DIR / "plurals_en.ts")
    }
    assert set(english) == set(french), "plurals_en.ts is stale: run scripts/i18n.py update"
    assert english[("InboxArea", "%Ln message(s)")] == ["%Ln message", "%Ln messages"]


def test_a_count_reads_in_the_interface_language(qapp):
    """Singular and plural by the language's rule (French: 0 and 1 singular), digits grouped
    by its locale ("12 345" / "12,345")."""
    from PySide6.QtCore import QCoreApplication

    from app.i18n import install_translators, language_locale

    def shown(n: int) -> str:
        return QCoreApplication.translate("InboxArea", "%Ln message(s)", "", n)

    try:
        install_translators("fr")
        assert [shown(0), shown(1), shown(2)] == ["0 message", "1 message", "2 messages"]
        grouped = language_locale("fr").toString(12345)
        assert grouped not in ("12345", "12,345") and shown(12345) == f"{grouped} messages"
        install_translators("en")
        assert [shown(1), shown(2), shown(12345)] == ["1 message", "2 messages", "12,345 messages"]
    finally:
        install_translators("en")


def test_a_document_counts_in_its_own_language_not_the_interface_one(qapp):
    from app.i18n import document_language, document_translate, install_translators

    install_translators("en")
    with document_language("fr"):
        one = document_translate("Escalation", "%Ln escalation(s)", None, 1)
        many = document_translate("Escalation", "%Ln escalation(s)", None, 1234)
    assert one == "1 escalade" and many.endswith(" escalades") and many[:1] == "1"
    assert many not in ("1234 escalades", "1,234 escalades")
    with document_language("en"):
        assert document_translate("Escalation", "%Ln escalation(s)", None, 1234) == (
            "1,234 escalations"
        )
