"""Translations: extract, fill, check and compile the French catalogues.

English is the source language. Each area of the app has its own catalogue
``resources/translations/<area>_fr.ts``; a source file belongs to the first area whose
keyword appears in its path, else to ``core``. At run time every ``*_fr.qm`` is loaded.

    python scripts/i18n.py update [AREA ...]   # pyside6-lupdate the sources into the .ts
    python scripts/i18n.py fill AREA FILE.json [--only-missing]  # {"English": "Français"}
    python scripts/i18n.py check               # list untranslated or placeholder-broken entries
    python scripts/i18n.py compile             # pyside6-lrelease every .ts into .qm
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
AREAS = ("charter", "calendar", "inbox", "connectors", "reports", "core")
KEYWORDS = {
    "charter": ("charter",),
    "calendar": ("calendar", "posts", "keydate", "ical"),
    "inbox": ("inbox", "escalation", "moderation"),
    "connectors": ("connector", "sync", "publish"),
    "reports": ("report", "chart", "metric", "dashboard"),
}


def area_of(path: Path) -> str:
    rel = str(path.relative_to(ROOT)).lower()
    for area, words in KEYWORDS.items():
        if any(w in rel for w in words):
            return area
    return "core"


def sources() -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {a: [] for a in AREAS}
    for folder in ("app", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            text = path.read_text(encoding="utf-8")
            if "translate(" in text or ".tr(" in text:
                found[area_of(path)].append(path)
    return found


def tool(name: str) -> str:
    exe = shutil.which(name) or str(Path(sys.executable).parent / name)
    return exe


def update(areas: list[str]) -> None:
    all_sources = sources()
    for area in areas or AREAS:
        files = all_sources[area]
        if not files:
            continue
        ts = TS_DIR / f"{area}_fr.ts"
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                *map(str, files),
                "-ts",
                str(ts),
                "-no-obsolete",
                "-target-language",
                "fr_FR",
                "-locations",
                "none",
                "-silent",
            ],
            check=True,
        )
        print(f"{ts.name}: {len(files)} source files")


def fill(area: str, mapping_file: str, only_missing: bool = False) -> None:
    """Write the translations of ``mapping_file``; ``only_missing`` leaves every entry that
    is already translated alone (merging branches: one branch's words never overwrite
    another's for the same English text in another context)."""
    mapping = json.loads(Path(mapping_file).read_text(encoding="utf-8"))
    ts = TS_DIR / f"{area}_fr.ts"
    tree = ET.parse(ts)
    done = 0
    for message in tree.iter("message"):
        source = message.findtext("source")
        if source not in mapping:
            continue
        value = mapping[source]
        translation = message.find("translation")
        if (
            only_missing
            and translation.get("type") != "unfinished"
            and (translation.text or list(translation))
        ):
            continue
        translation.attrib.pop("type", None)
        for child in list(translation):
            translation.remove(child)
        if message.get("numerus") == "yes":
            forms = value if isinstance(value, list) else [value, value]
            translation.text = None
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = value if isinstance(value, str) else value[0]
        done += 1
    ET.indent(tree)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    print(f"{ts.name}: {done} translations written")


def entries(ts: Path):
    tree = ET.parse(ts)
    for context in tree.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")] or [
                translation.text or ""
            ]
            yield name, message.findtext("source"), translation.get("type"), forms


def check() -> int:
    import re

    problems = 0
    for ts in sorted(TS_DIR.glob("*_fr.ts")):
        for context, source, kind, forms in entries(ts):
            if kind in ("unfinished", "vanished", "obsolete") or not any(forms):
                if kind not in ("vanished", "obsolete"):
                    print(f"{ts.name}: untranslated [{context}] {source!r}")
                    problems += 1
                continue
            want = sorted(re.findall(r"\{[a-z_0-9]*\}|%n|%\d", source))
            for form in forms:
                if sorted(re.findall(r"\{[a-z_0-9]*\}|%n|%\d", form)) != want:
                    print(f"{ts.name}: placeholders differ [{context}] {source!r} -> {form!r}")
                    problems += 1
    return problems


def compile_all() -> None:
    for ts in sorted(TS_DIR.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 1
    cmd, rest = argv[0], argv[1:]
    if cmd == "update":
        update(rest)
    elif cmd == "fill":
        fill(rest[0], rest[1], only_missing="--only-missing" in rest[2:])
    elif cmd == "check":
        return 1 if check() else 0
    elif cmd == "compile":
        compile_all()
    else:
        print(__doc__)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
