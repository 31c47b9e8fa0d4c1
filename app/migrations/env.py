"""Alembic environment: runs on the connection the application hands over.

No alembic.ini: :meth:`app.db.Database.upgrade` builds the Config and passes its connection
in ``config.attributes["connection"]`` (docs/pitfalls.md). ``render_as_batch`` only on SQLite.
"""

from __future__ import annotations

from alembic import context

from app.models import Base, import_all

import_all()  # every table in Base.metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the app drives migrations
    raise RuntimeError("Tribune migrations run through app.db.Database.upgrade()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
