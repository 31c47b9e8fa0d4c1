"""Translations: extract, fill, check and compile the French catalogues.

English is the source language. Each area of the app has its own catalogue
``resources/translations/<area>_fr.ts``; a source file belongs to the first area whose
keyword appears in its path, else to ``core``. At run time every ``*_fr.qm`` is loaded.

English needs a catalogue too, for counted strings only (``tr("%Ln message(s)", "", n)``):
``plurals_en.ts`` holds every numerus message of the sources, its two English forms written
by ``update`` from the source's "(s)"/"(es)" marks ("%Ln message" / "%Ln messages"). A
counted source carries such a mark unless its English does not change with the count
("%Ln unread").

    python scripts/i18n.py update [AREA ...]   # pyside6-lupdate the sources into the .ts
    python scripts/i18n.py fill AREA FILE.json [--only-missing]  # {"English": "Français"}
    python scripts/i18n.py check               # list untranslated or placeholder-broken entries
    python scripts/i18n.py compile             # pyside6-lrelease every .ts into .qm
"""

from __future__ import annotations

import json
import re
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
        counted = counted_forms(ts) if ts.exists() else {}
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
        mark_counted(ts, counted)
        print(f"{ts.name}: {len(files)} source files")
    english_plurals()


COUNT = re.compile(r"%L?n")


def counted_forms(ts: Path) -> dict[tuple[str, str], list[str]]:
    """The plural forms of the counted messages of ``ts``, by (context, source)."""
    found = {}
    for context in ET.parse(ts).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            forms = [f.text or "" for f in message.iter("numerusform")]
            if message.get("numerus") == "yes" and any(forms):
                found[(name, message.findtext("source") or "")] = forms
    return found


def mark_counted(ts: Path, before: dict[tuple[str, str], list[str]]) -> None:
    """Every message whose source counts ("%n", "%Ln") made a plural message, its forms kept.

    pyside6-lupdate marks ``translate(context, text, "", n)`` as plural only when ``n`` is a
    literal number, so ``QCoreApplication.translate("InboxArea", "%Ln message(s)", "",
    total)`` came out as one form: "%n publication supprimée ignorée" for every count."""
    tree = ET.parse(ts)
    changed = False
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            if message.get("numerus") == "yes" or not COUNT.search(source):
                continue
            translation = message.find("translation")
            single = translation.text or ""
            forms = before.get((name, source)) or ([single, ""] if single else ["", ""])
            message.set("numerus", "yes")
            translation.text = None
            for child in list(translation):
                translation.remove(child)
            if not all(forms):
                translation.set("type", "unfinished")
            else:
                translation.attrib.pop("type", None)
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
            changed = True
    if changed:
        ET.indent(tree)
        tree.write(ts, encoding="utf-8", xml_declaration=True)


PLURAL_MARK = re.compile(r"\((e?s)\)")


def english_forms(source: str) -> list[str]:
    """The singular and plural of a counted English source: "%Ln message(s)" gives
    "%Ln message" and "%Ln messages"."""
    return [PLURAL_MARK.sub("", source), PLURAL_MARK.sub(r"\1", source)]


def english_plurals() -> None:
    """``plurals_en.ts``: every counted message of the catalogues, with its two English forms."""
    contexts: dict[str, list[str]] = {}
    for ts in sorted(TS_DIR.glob("*_fr.ts")):
        for context in ET.parse(ts).iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                if message.get("numerus") == "yes":
                    contexts.setdefault(name, []).append(message.findtext("source") or "")
    root = ET.Element("TS", version="2.1", language="en_GB", sourcelanguage="en")
    for name in sorted(contexts):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for source in sorted(set(contexts[name])):
            message = ET.SubElement(context, "message", numerus="yes")
            ET.SubElement(message, "source").text = source
            translation = ET.SubElement(message, "translation")
            for form in english_forms(source):
                ET.SubElement(translation, "numerusform").text = form
    tree = ET.ElementTree(root)
    ET.indent(tree)
    ts = TS_DIR / "plurals_en.ts"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    print(f"{ts.name}: {sum(len(set(v)) for v in contexts.values())} counted messages")


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
    problems = 0
    for ts in sorted(TS_DIR.glob("*_fr.ts")):
        for context, source, kind, forms in entries(ts):
            if kind in ("unfinished", "vanished", "obsolete") or not any(forms):
                if kind not in ("vanished", "obsolete"):
                    print(f"{ts.name}: untranslated [{context}] {source!r}")
                    problems += 1
                continue
            want = sorted(re.findall(r"\{[a-z_0-9]*\}|%L?n|%\d", source))
            for form in forms:
                if sorted(re.findall(r"\{[a-z_0-9]*\}|%L?n|%\d", form)) != want:
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
