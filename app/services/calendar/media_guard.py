"""Media named by an imported file: inside its folder, a regular file, what it claims to be.

A posts CSV names its pictures and videos relative to the CSV's own folder. Without checks a
CSV from elsewhere could name ``../../.ssh/id_rsa.png``, ``/etc/shadow`` or a symlink out of
the folder: the file would be copied into the media store and published. :func:`resolve_media`
refuses, in one line per row, a name that is absolute or climbs out, a path that resolves
(through symlinks) outside the folder, anything that is not a regular file, a file over the
size limit, and a file whose first bytes do not match its extension.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath

from app.errors import ValidationError
from app.i18n import translate

MAX_IMAGE_BYTES = 30 * 1024 * 1024
MAX_VIDEO_BYTES = 1024 * 1024 * 1024
VIDEO_EXTENSIONS = (".mp4", ".mov", ".m4v")


def _problem(name: str, why: str) -> ValidationError:
    return ValidationError(
        translate("MediaGuard", "Media « {name} » refused: {why}").format(name=name, why=why),
        "media",
    )


def magic_matches(suffix: str, head: bytes) -> bool:
    """Whether the first bytes of a file are those of its extension's format."""
    suffix = suffix.lower()
    if suffix in (".jpg", ".jpeg"):
        return head.startswith(b"\xff\xd8\xff")
    if suffix == ".png":
        return head.startswith(b"\x89PNG")
    if suffix == ".gif":
        return head.startswith((b"GIF87a", b"GIF89a"))
    if suffix == ".webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    if suffix in VIDEO_EXTENSIONS:
        return head[4:8] in (b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip")
    return False


def resolve_media(base_dir: Path, name: str) -> Path:
    """The checked path of media ``name`` relative to ``base_dir`` (else ValidationError)."""
    raw = name.strip()
    posix, windows = PurePosixPath(raw), PureWindowsPath(raw)
    if posix.is_absolute() or windows.is_absolute() or windows.drive or raw.startswith("~"):
        raise _problem(
            name, translate("MediaGuard", "an absolute path; name a file beside the CSV")
        )
    if ".." in posix.parts or ".." in windows.parts:
        raise _problem(name, translate("MediaGuard", "it leaves the CSV's folder"))
    base = base_dir.resolve()
    candidate = base / raw
    try:
        real = candidate.resolve(strict=True)
    except (FileNotFoundError, NotADirectoryError):
        raise _problem(name, translate("MediaGuard", "file not found")) from None
    except (OSError, RuntimeError):  # symlink loops, permissions
        raise _problem(name, translate("MediaGuard", "unreadable")) from None
    if not real.is_relative_to(base):
        raise _problem(name, translate("MediaGuard", "it leads outside the CSV's folder"))
    try:
        info = os.stat(real)
    except OSError:
        raise _problem(name, translate("MediaGuard", "unreadable")) from None
    if not stat.S_ISREG(info.st_mode):
        raise _problem(name, translate("MediaGuard", "not a regular file"))
    video = real.suffix.lower() in VIDEO_EXTENSIONS
    limit = MAX_VIDEO_BYTES if video else MAX_IMAGE_BYTES
    if info.st_size > limit:
        raise _problem(
            name,
            translate("MediaGuard", "larger than {mb} MB").format(mb=limit // (1024 * 1024)),
        )
    try:
        with open(real, "rb") as fh:
            head = fh.read(16)
    except OSError:
        raise _problem(name, translate("MediaGuard", "unreadable")) from None
    if not magic_matches(real.suffix, head):
        raise _problem(
            name, translate("MediaGuard", "its content is not the picture or video its name says")
        )
    return real


__all__ = ["magic_matches", "resolve_media"]
