"""A picture or video added to a post by its public https address: checked over the network
on a worker (never the GUI thread), then kept once per client by a WriteOp, so that the
change feed tells the other seats."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.errors import TribuneError
from app.services.calendar import media as posts_media
from app.services.calendar.media_address import Probe, probe_address, store_address
from app.services.calendar.media_alt import read_alt
from ui.messages import show_error
from ui.operations import CallOp, QueryOp, WriteOp


def attach_address(
    editor: Any, address: str, network: str, current: list[int], done: Callable[[Any], None]
) -> None:
    """Check ``address`` for ``network`` then keep it; ``done((id, name, problems, address))``,
    or ``done(None)`` when it was refused (the reason in the editor's warnings line)."""
    cid = editor.client_id

    def failed(exc: BaseException) -> None:
        if isinstance(exc, TribuneError):
            editor.warnings.setText(exc.message)
        else:
            show_error(editor, exc)
        done(None)

    def keep(probe: Probe) -> None:
        def work(s):
            media_id, name = store_address(s, cid, probe)
            ids = list(dict.fromkeys([*current, media_id]))
            problems = posts_media.check_media(s, cid, network, ids)
            alt = read_alt(s, cid, [media_id]).get(media_id)
            return media_id, name, problems, probe.address, alt

        def landed(result) -> None:  # its description, when another post gave it one
            editor.alt.learn(result[0], result[4], video=probe.mime.startswith("video/"))
            done(result[:4])

        WriteOp(editor, work, landed).failure(failed).run()

    CallOp(editor, lambda: probe_address(address, network), keep, tasks=editor.tasks).failure(
        failed
    ).run()


def recheck_media(
    editor: Any, network: str, ids: list[int], done: Callable[[list[str]], None]
) -> None:
    """The network's media warnings for what is left after a removal, read on a worker."""
    cid = editor.client_id
    QueryOp(editor, lambda s: posts_media.check_media(s, cid, network, ids), done).latest(
        f"media-{network}"
    ).run()


__all__ = ["attach_address", "recheck_media"]
