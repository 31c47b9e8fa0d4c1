"""The Mastodon mock server keeps its uploaded media in a folder of its own and removes it
when it stops: the mastodon_mock package alone left a ``mastodon_mock_media_*`` folder in
/tmp for every test server (tests/servers/mastodon_mock_server.py)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import httpx

from tests.servers.mastodon_mock_server import MockServer

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


def test_an_upload_lands_in_the_servers_folder_which_goes_at_stop(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # this test's temporary folders
    with MockServer() as srv:
        folder = Path(srv.media_folder)
        answer = httpx.post(
            f"{srv.base_url}/api/v2/media",
            headers={"Authorization": "Bearer alice_token"},
            files={"file": ("dot.png", PNG, "image/png")},
            timeout=10,
        )
        assert answer.status_code == 200, answer.text
        stored = [p for p in folder.rglob("*") if p.is_file()]
        assert stored, "the upload is kept in the server's own folder"
    assert not folder.exists()
    left = [p.name for p in tmp_path.iterdir() if "media" in p.name]
    assert left == []  # neither the server's folder nor a mastodon_mock_media_* one


def test_a_restarted_server_gets_its_folder_back_and_a_given_folder_is_left(tmp_path):
    server = MockServer()
    server.start()
    server.stop()
    server.start()  # the package's start() makes the folder again
    assert Path(server.media_folder).is_dir()
    server.stop()
    assert not Path(server.media_folder).exists()

    from mastodon_mock.testing.server import _default_config

    config = _default_config()
    config.media_storage_path = str(tmp_path / "media")
    with MockServer(config=config) as srv:
        assert srv.media_folder is None
    assert (tmp_path / "media").is_dir()  # the test's own folder is the test's business


def test_every_test_starts_the_mock_that_cleans_up():
    """A test that imported the package's MockServer would leave its folders again."""
    tests = Path(__file__).resolve().parents[3]
    mine = tests / "servers" / "mastodon_mock_server.py"
    direct = [
        str(p.relative_to(tests))
        for p in tests.rglob("*.py")
        if p not in (mine, Path(__file__).resolve())
        and "from mastodon_mock.testing import MockServer" in p.read_text("utf-8")
    ]
    assert direct == []
