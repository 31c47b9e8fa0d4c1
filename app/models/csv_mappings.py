"""Column mappings a client's CSV files were imported with, kept to be reused.

A file from a tool Tribune does not know is imported with a mapping ("text" is the column
"Message", "date" is "Date"…); it is saved under the client and the file's headers (their
signature), so the next file with the same headers imports without asking again.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, JSONType, UTCDateTime, utcnow


class CsvMapping(Base):
    __tablename__ = "csv_mappings"
    __table_args__ = (UniqueConstraint("client_id", "kind", "signature"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # "posts" | "metrics"
    signature: Mapped[str] = mapped_column(String(64))  # sha256 of the normalised headers
    headers: Mapped[list[str]] = mapped_column(JSONType, default=list)
    mapping: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)  # field -> header
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
