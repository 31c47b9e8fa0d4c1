"""The models: the clients' aggregate at once, each feature's module when it is first used.

``from app.models.inbox import InboxMessage`` imports that feature's tables only: declaring
all 42 tables costs about 100 ms, more than a command such as ``tribune client list`` spends
on its own work. Whoever needs every table in ``Base.metadata`` (the migrations, a backup, a
move between databases, the tests' clean-up) calls :func:`import_all` first.

Each feature adds its own module (one per aggregate) and one line in :func:`import_all`.
"""

# ruff: noqa: I001  (feature imports stay between their markers, one per line)

from app.models.base import Base, UTCDateTime, utcnow
from app.models.client import (
    ACCOUNT_STATUSES,
    NETWORKS,
    AgencyProfile,
    AuditEvent,
    Client,
    Contact,
    NetworkAccount,
    StaffMember,
)


def import_all() -> None:
    """Register every table in ``Base.metadata`` (cheap after the first call)."""
    # Feature aggregates (keep one import per line; each module registers its tables).
    # FEATURE-MODELS-BEGIN
    import app.models.agency_apps
    import app.models.changes
    import app.models.charter
    import app.models.csv_mappings
    import app.models.inbox
    import app.models.media
    import app.models.listening
    import app.models.metrics
    import app.models.people
    import app.models.posts
    import app.models.sync  # noqa: F401
    # FEATURE-MODELS-END


__all__ = [
    "ACCOUNT_STATUSES",
    "NETWORKS",
    "AgencyProfile",
    "AuditEvent",
    "Base",
    "Client",
    "Contact",
    "NetworkAccount",
    "StaffMember",
    "UTCDateTime",
    "import_all",
    "utcnow",
]
