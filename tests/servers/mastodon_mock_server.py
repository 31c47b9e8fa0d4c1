"""mastodon_mock's ``MockServer`` that removes its media folder when it stops.

The mastodon_mock package keeps uploaded media in ``config.media_storage_path`` or, when
none is given, in a fresh ``tempfile.mkdtemp(prefix="mastodon_mock_media_")`` that nothing
ever removes: each test server left one folder in /tmp (hundreds after a few runs). This
server gives its app a folder of its own and removes it at :meth:`stop`, and at the latest
when the server object is collected or the process ends. Tests import ``MockServer`` from
here, never from ``mastodon_mock.testing``.
"""

from __future__ import annotations

import shutil
import tempfile
import weakref
from typing import Any

from mastodon_mock.testing import MockServer as _PackageMockServer

MEDIA_PREFIX = "tribune-mastodon-mock-media-"


class MockServer(_PackageMockServer):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.media_folder: str | None = None
        if self.config.media_storage_path is None:  # a folder given by the test is its own
            self.media_folder = tempfile.mkdtemp(prefix=MEDIA_PREFIX)
            self.config.media_storage_path = self.media_folder
            weakref.finalize(self, shutil.rmtree, self.media_folder, True)

    def stop(self) -> None:
        super().stop()
        if self.media_folder is not None:
            shutil.rmtree(self.media_folder, ignore_errors=True)  # start() makes it again
