"""Every model module is imported here so that ``Base.metadata`` knows all tables.

Each feature adds its own module (one per aggregate) and one line below.
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
    "utcnow",
]
