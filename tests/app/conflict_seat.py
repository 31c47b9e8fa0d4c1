"""One seat of the agency, as its own process: read, wait for the other seat, then write.

``python conflict_seat.py URL ACTION ARGS_JSON READY_FILE GO_FILE`` — reads what ACTION
edits (as the app's screen would have shown it), creates READY_FILE, waits for GO_FILE (so
both seats have read before either writes), writes, and prints one JSON line:
``{"ok": …}`` or ``{"conflict": message, "kind", "by", "mine", "theirs", "version"}``.
``TRIBUNE_USER`` names the person.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main() -> int:
    url, action, raw, ready, go = sys.argv[1:6]
    args = json.loads(raw)
    from app.db import open_database
    from app.errors import Conflict

    db = open_database(url, upgrade=False)
    read, write = ACTIONS[action]
    with db.read() as s:
        seen = read(s, args)
    Path(ready).touch()
    deadline = time.monotonic() + 60
    while not Path(go).exists():
        if time.monotonic() > deadline:
            print(json.dumps({"error": "no go"}))
            return 2
        time.sleep(0.01)
    try:
        result = write(db, args, seen)
    except Conflict as exc:
        d = exc.details
        print(
            json.dumps(
                {
                    "conflict": exc.message,
                    "kind": d.kind if d else "",
                    "by": d.by if d else "",
                    "mine": d.mine if d else "",
                    "theirs": d.theirs if d else "",
                    "version": d.version if d else None,
                },
                ensure_ascii=False,
            )
        )
        return 0
    print(json.dumps({"ok": result}, ensure_ascii=False, default=str))
    return 0


# -- what each seat reads, then writes --------------------------------------------------------
def _read_post(s, a):
    from app.services.calendar import posts

    return posts.get_post(s, a["client"], a["post"]).version


def _write_post(db, a, version):
    from app.services.calendar import posts

    with db.session() as s:
        info = posts.update_post(
            s,
            a["client"],
            a["post"],
            expected_version=version,
            variants=[posts.VariantInput(a["network"], a["text"])],
        )
    return info.version


def _read_message(s, a):
    from app.services.inbox import reading as inbox

    d = inbox.detail(s, a["client"], a["message"])
    return {"assignee_id": d.assignee_id, "status": d.status, "tags": list(d.tags)}


def _write_claim(db, a, seen):
    from app.services.inbox import triage as inbox_triage

    with db.session() as s:
        return inbox_triage.assign(
            s, a["client"], [a["message"]], a["staff"], seen={a["message"]: seen["assignee_id"]}
        )


def _write_status(db, a, seen):
    from app.services.inbox import triage as inbox_triage

    with db.session() as s:
        return inbox_triage.set_status(
            s,
            a["client"],
            [a["message"]],
            a["status"],
            reason=a.get("reason", ""),
            resolution=a.get("resolution", ""),
            seen={a["message"]: seen["status"]},
        )


def _write_tags(db, a, seen):
    from app.services.inbox import triage as inbox_triage

    with db.session() as s:
        return list(
            inbox_triage.set_tags(s, a["client"], a["message"], a["tags"], seen=seen["tags"])
        )


def _write_reply(db, a, _seen):
    from app.services.inbox import replies as inbox_replies

    with db.session() as s:
        return inbox_replies.create_reply(s, a["client"], a["message"], a["text"])


def _read_section(s, a):
    from app.services.charter import versions as charter

    doc = charter.load(s, a["client"])
    return doc.section(a["key"]).revision


def _write_section(db, a, revision):
    from app.services.charter import versions as charter

    with db.session() as s:
        doc = charter.load(s, a["client"])
        section = doc.section(a["key"])
        info = charter.save_section(
            s, a["client"], section.id, html=a["html"], expected_revision=revision
        )
    return info.revision


def _read_client(s, a):
    from app.services.clients import workspaces as clients

    info = clients.get_client(s, a["client"])
    return {
        "version": info.version,
        "contacts": {c.id: c.version for c in info.contacts},
        "contact_rows": [[c.id, c.version, c.name, c.email] for c in info.contacts],
        "accounts": [[x.id, x.network, x.handle] for x in info.accounts],
        "name": info.name,
        "timezone": info.timezone,
    }


def _write_client(db, a, seen):
    from app.services.clients.form import AccountRow, ClientForm, ContactRow, save_client_form

    contacts = [
        ContactRow(name=name, email=email, id=cid, version=version, changed=False)
        for cid, version, name, email in seen["contact_rows"]
        if cid not in a.get("drop_contacts", [])
    ] + [ContactRow(name=n, email=e) for n, e in a.get("add_contacts", [])]
    accounts = [
        AccountRow(network=net, handle=handle, id=aid)
        for aid, net, handle in seen["accounts"]
        if aid not in a.get("drop_accounts", [])
    ] + [AccountRow(network=n, handle=h, token=t) for n, h, t in a.get("add_accounts", [])]
    info = save_client_form(
        db,
        ClientForm(
            name=seen["name"],
            timezone=a.get("timezone", seen["timezone"]),
            contacts=contacts,
            accounts=accounts,
            client_id=a["client"],
            expected_version=seen["version"] if a.get("check_version", True) else None,
            known_contacts={int(k): v for k, v in seen["contacts"].items()},
            known_accounts={aid for aid, _n, _h in seen["accounts"]},
        ),
    )
    return {
        "contacts": sorted(c.name for c in info.contacts),
        "accounts": sorted(x.handle for x in info.accounts),
    }


def _read_saved(s, a):
    from app.services.inbox import replies as inbox_replies

    return next(r.version for r in inbox_replies.saved_replies(s, a["client"]) if r.id == a["id"])


def _write_saved(db, a, version):
    from app.services.inbox import replies as inbox_replies

    with db.session() as s:
        info = inbox_replies.update_saved_reply(
            s, a["client"], a["id"], a["title"], a["body"], expected_version=version
        )
    return info.version


def _read_escalation(s, a):
    from app.services.inbox import escalation

    return escalation.get(s, a["client"], a["id"]).version


def _write_escalation(db, a, version):
    from app.services.inbox import escalation

    with db.session() as s:
        return escalation.record_answer(s, a["client"], a["id"], a["answer"]).version


def _read_contact(s, a):
    from app.services.clients import workspaces as clients

    return next(c.version for c in clients.list_contacts(s, a["client"]) if c.id == a["id"])


def _write_contact(db, a, version):
    from app.services.clients import workspaces as clients

    with db.session() as s:
        info = clients.save_contact(
            s, a["client"], name=a["name"], email=a["email"], contact_id=a["id"],
            expected_version=version,
        )  # fmt: skip
    return info.version


def _read_post_info(s, a):
    from app.services.calendar import posts

    return posts.get_post(s, a["client"], a["post"])


def _edit_variant(db, a, base):
    """The post editor's save: one network's text changed in the post as read."""
    from app.services.calendar import edit as posts_edit
    from app.services.calendar import posts

    variants = [
        posts.VariantInput(
            v.network, a["text"] if v.network == a["network"] else v.text, v.link,
            v.first_comment, v.media,
        )
        for v in base.variants
    ]  # fmt: skip
    common = {n: getattr(base, n) for n in ("title", "category", "campaign", "notes", "all_day")}
    common.update(a.get("fields", {}))
    with db.session() as s:
        info = posts_edit.edit_post(
            s, a["client"], a["post"], base=base, variants=variants,
            planned_at=base.planned_at, **common,
        )  # fmt: skip
    return {v.network: v.version for v in info.variants}


ACTIONS = {
    "edit_variant": (_read_post_info, _edit_variant),
    "saved_reply": (_read_saved, _write_saved),
    "escalation": (_read_escalation, _write_escalation),
    "contact": (_read_contact, _write_contact),
    "post_text": (_read_post, _write_post),
    "claim": (_read_message, _write_claim),
    "status": (_read_message, _write_status),
    "tags": (_read_message, _write_tags),
    "reply": (_read_message, _write_reply),
    "section": (_read_section, _write_section),
    "client": (_read_client, _write_client),
}

if __name__ == "__main__":
    sys.exit(main())
