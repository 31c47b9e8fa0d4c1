"""A deprecation warning from SQLAlchemy fails this package's tests (a clean clone installs
the newest SQLAlchemy: what it deprecates is fixed here before it is removed)."""

from pathlib import Path

import pytest

_HERE = Path(__file__).parent
_STRICT = pytest.mark.filterwarnings("error::sqlalchemy.exc.SADeprecationWarning")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(_HERE):
            item.add_marker(_STRICT)
