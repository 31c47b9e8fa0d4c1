"""Full-text search of a client's messages: one function, each engine's own index.

SQLite: the FTS5 table ``inbox_fts`` (unicode61, diacritics removed) whose text starts with a
``tribuneclientN`` token, so the client is matched inside the index. PostgreSQL: the GIN
index on ``to_tsvector('simple', tribune_fold(...))`` with the same token. Every user term is
quoted (``rendez-vous`` is text, never syntax) and matched as a prefix.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from sqlalchemy import ColumnElement, TextClause, literal_column, text
from sqlalchemy.orm import Session

_WORD = re.compile(r"[\w'’-]+", re.UNICODE)
MAX_TERMS = 12


def terms(query: str) -> list[str]:
    """The words of a user's query (punctuation dropped, at most 12)."""
    out = []
    for raw in _WORD.findall(query or ""):
        word = raw.strip("'’-_")
        if word:
            out.append(word)
    return out[:MAX_TERMS]


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fts5_query(client_id: int, query: str) -> str | None:
    words = terms(query)
    if not words:
        return None
    quoted = " ".join('"' + w.replace('"', '""') + '"*' for w in words)
    return f"tribuneclient{int(client_id)} {quoted}"


def tsquery(client_id: int, query: str) -> str | None:
    words = []
    for w in terms(query):
        for part in re.split(r"[^\w]+", _fold(w)):
            if part:
                words.append(part.replace("'", ""))
    if not words:
        return None
    return " & ".join([f"tribuneclient{int(client_id)}"] + [f"'{w}':*" for w in words])


_PG_DOC = (
    "to_tsvector('simple'::regconfig, tribune_fold('tribuneclient' || inbox_messages.client_id"
    " || ' ' || inbox_messages.author || ' ' || inbox_messages.author_handle || ' ' ||"
    " inbox_messages.text))"
)


def search_condition(
    session: Session, client_id: int, query: str
) -> ColumnElement[bool] | TextClause | None:
    """A WHERE clause on ``inbox_messages`` for ``query`` (None: nothing to search)."""
    if session.get_bind().dialect.name == "sqlite":
        match = fts5_query(client_id, query)
        if match is None:
            return None
        return literal_column("inbox_messages.id").in_(
            text("SELECT rowid FROM inbox_fts WHERE inbox_fts MATCH :fts_q").bindparams(fts_q=match)
        )
    q = tsquery(client_id, query)
    if q is None:
        return None
    return text(f"{_PG_DOC} @@ to_tsquery('simple', :ts_q)").bindparams(ts_q=q)


def search_clause(dialect: str) -> ColumnElement[bool] | TextClause:
    """The search condition with a bind parameter ``p_search`` (see :func:`search_params`)."""
    if dialect == "sqlite":
        return literal_column("inbox_messages.id").in_(
            text("SELECT rowid FROM inbox_fts WHERE inbox_fts MATCH :p_search")
        )
    return text(f"{_PG_DOC} @@ to_tsquery('simple', :p_search)")


def search_params(dialect: str, client_id: int, query: str) -> dict[str, Any] | None:
    """``{"p_search": ...}`` for :func:`search_clause`, or None when nothing is searchable."""
    value = fts5_query(client_id, query) if dialect == "sqlite" else tsquery(client_id, query)
    return None if value is None else {"p_search": value}
