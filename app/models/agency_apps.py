"""The agency's own app on each network that needs one (Meta, LinkedIn, Google, X).

``app_id`` is the OAuth client id, public by nature; the app secret stays in the keyring
(``app.services.people.agency.set_app_secret``). Not ``client_id``: that name means a Tribune
client everywhere else (the change feed scopes rows by it).
"""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class AgencyApp(Base):
    __tablename__ = "agency_apps"

    id: Mapped[int] = mapped_column(primary_key=True)
    network: Mapped[str] = mapped_column(String(40), unique=True)
    app_id: Mapped[str] = mapped_column(String(300), default="")
