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
