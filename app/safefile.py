"""Checked writes: a file appears under its name only once it is complete and verified.

Every file Tribune writes for the user (PDF, iCalendar, CSV, backup) goes through
:func:`checked_output`: written to a hidden temporary name in the same folder, flushed and
fsynced, verified (a PDF must end with its ``%%EOF`` trailer and, when poppler is installed,
open in ``pdfinfo``; a zip must pass its CRC test), then moved over the target with
``os.replace``. On a full disk, a write error or a failed check the temporary file is removed,
the target is left as it was, and :class:`StorageError` says so in one line. ``QPdfWriter``
reports nothing on a full disk (docs/pitfalls.md): the verification is what catches it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from app.errors import StorageError
from app.i18n import translate


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return translate("Files", "the disk is full")
    return exc.strerror or str(exc)


def check_target(path: str | os.PathLike[str]) -> Path:
    """The output path, refused in one line when it cannot be a file we may write."""
    target = Path(path).expanduser()
    if target.is_dir():
        raise StorageError(
            translate("Files", "{path} is a folder: give a file name.").format(path=target)
        )
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise StorageError(
            translate("Files", "The folder {folder} does not exist.").format(folder=folder)
        )
    if not os.access(folder, os.W_OK):
        raise StorageError(
            translate("Files", "Cannot write to the folder {folder}.").format(folder=folder)
        )
    return target


def fsync_file(path: str | os.PathLike[str]) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _umask() -> int:
    """The process umask, read without changing it (os.umask would race other threads)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


@contextlib.contextmanager
def checked_output(
    path: str | os.PathLike[str],
    verify: Callable[[Path], None] | None = None,
    *,
    private: bool = False,
) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the block ends, fsync, verify, move.

    ``verify(tmp)`` raises :class:`StorageError` (or ``OSError``) when the file is not whole.
    The file gets the usual permissions (0666 less the umask), or owner-only with ``private``
    (a backup holds every client's data).
    """
    target = check_target(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise StorageError(
            translate("Files", "Cannot write {path}: {reason}").format(
                path=target, reason=_reason(exc)
            )
        ) from None
    os.close(fd)
    tmp = Path(name)
    try:
        if not private:  # mkstemp makes it 0600: an export is shared like any other file
            os.chmod(tmp, 0o666 & ~_umask())
        yield tmp
        fsync_file(tmp)
        if verify is not None:
            verify(tmp)
        os.replace(tmp, target)
        with contextlib.suppress(OSError):  # the rename itself reaches the disk
            dir_fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
    except (OSError, Incomplete) as exc:
        tmp.unlink(missing_ok=True)
        reason = exc.message if isinstance(exc, Incomplete) else _reason(exc)
        raise StorageError(
            translate("Files", "Cannot write {path}: {reason}").format(path=target, reason=reason)
        ) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes_checked(
    path: str | os.PathLike[str], data: bytes, verify: Callable[[Path], None] | None = None
) -> Path:
    """Write ``data`` to ``path`` through :func:`checked_output`; also checks the size."""

    def check(tmp: Path) -> None:
        if tmp.stat().st_size != len(data):
            raise _incomplete(tmp)
        if verify is not None:
            verify(tmp)

    with checked_output(path, check) as tmp, open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
    return Path(path)


class Incomplete(StorageError):
    """The file written does not pass its check; :func:`checked_output` names the target."""


def _incomplete(path: Path) -> Incomplete:
    return Incomplete(translate("Files", "the file written was incomplete (is the disk full?)"))


def verify_pdf(path: Path) -> None:
    """A whole PDF: header, ``%%EOF`` trailer, and poppler's ``pdfinfo`` opens it if present."""
    size = path.stat().st_size
    with open(path, "rb") as fh:
        head = fh.read(5)
        fh.seek(max(0, size - 1024))
        tail = fh.read()
    if head != b"%PDF-" or b"%%EOF" not in tail:
        raise _incomplete(path)
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo:
        try:
            result = subprocess.run(
                [pdfinfo, str(path)], capture_output=True, timeout=30, check=False
            )
        except (OSError, subprocess.TimeoutExpired):
            return  # the tool could not run: the trailer check stands
        if result.returncode != 0:
            raise _incomplete(path)


def verify_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            bad = zf.testzip()
    except (zipfile.BadZipFile, EOFError):
        raise _incomplete(path) from None
    if bad is not None:
        raise _incomplete(path)


__all__ = [
    "Incomplete",
    "check_target",
    "checked_output",
    "fsync_file",
    "verify_pdf",
    "verify_zip",
    "write_bytes_checked",
]
