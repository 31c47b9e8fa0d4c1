"""The crisis notification on a REAL system tray: an X server (Xvfb) with a tray host
(``trayer``, Debian package ``trayer``; stalonetray is not in this Debian release) and the
app's tray code in its own process on the xcb platform — not the offscreen one, where Qt
never has a tray. Without the tray host the same probe finds no tray (the control).

Skipped, saying why, where Xvfb or trayer are not installed (CI installs them)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("tray_probe.py")
pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("trayer")),
    reason="needs Xvfb and a tray host: apt-get install xvfb trayer",
)


@pytest.fixture
def display():
    """A fresh X server on a free display number (Xvfb picks it and writes it back)."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        assert number.isdigit(), "Xvfb did not start"
        yield f":{number}"
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)


def _probe(display: str, wait: float) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY",)}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
    done = subprocess.run(
        [sys.executable, str(PROBE), str(wait)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_crisis_alert_shows_in_a_real_system_tray(display):
    tray_host = subprocess.Popen(
        ["trayer", "--SetDockType", "true", "--transparent", "false", "--expand", "false"],
        env={**os.environ, "DISPLAY": display},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        seen = _probe(display, wait=10)
    finally:
        tray_host.terminate()
        tray_host.wait(timeout=10)
    assert seen["available"] is True
    assert seen["shown"] == 1 and seen["icon_visible"] and seen["icon_embedded"]
    # the balloon Qt draws when no notification service runs: title and reason, plain text
    assert "Crisis alert: Aquarelle" in seen["balloon"]
    assert any("12 complaints" in text for text in seen["balloon"])


def test_without_a_tray_host_there_is_no_tray(display):
    seen = _probe(display, wait=1)
    assert seen["available"] is False
