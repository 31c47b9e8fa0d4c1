"""Every model module is imported here so that ``Base.metadata`` knows all tables.

Each feature adds its own module (one per aggregate) and one line below.
"""

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
import app.models.posts  # noqa: F401,E402  (calendar)
import app.models.inbox  # noqa: F401,E402
import app.models.metrics  # noqa: F401,E402
import app.models.charter  # noqa: F401,E402  (charter)
import app.models.sync  # noqa: F401,E402
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
