"""The bytes of attached files, by SHA-256, in chunks: every seat reads the same media.

A :class:`MediaBlob` is complete once ``chunks`` rows of :class:`MediaChunk` exist
(``seq`` 0 … chunks-1, each at most 1 MiB) and their bytes hash to ``sha256``. Blobs are
shared by clients (same bytes, same row); :class:`app.models.posts.MediaAsset` says which
client attached what.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, utcnow


class MediaBlob(Base):
    __tablename__ = "media_blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    mime: Mapped[str] = mapped_column(String(100), default="")
    chunks: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class MediaChunk(Base):
    __tablename__ = "media_chunk"

    sha256: Mapped[str] = mapped_column(
        ForeignKey("media_blob.sha256", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
