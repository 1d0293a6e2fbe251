"""The server backend: Neo4j 5 through the official driver.

Every statement runs in a managed transaction (``execute_read``/``execute_write``),
so the driver retries transient failures (leader switch, deadlock) by itself; each
``UNWIND $rows`` batch is one transaction, so an interrupted load keeps what was
committed and running it again completes it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reegraph.errors import BackendUnavailable, StoreError
from reegraph.settings import Settings, load_settings
from reegraph.store.base import (
    CypherStore,
    Progress,
    Row,
    WritePlan,
    WriteSummary,
    copy_graph,
)
from reegraph.store.schema import neo4j_schema

if TYPE_CHECKING:
    from neo4j import Driver, ManagedTransaction

SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
# Statements that change the graph need a write transaction; everything else
# (canned queries, reads, counts) may go to any cluster member.
_WRITES = re.compile(r"\b(CREATE|MERGE|SET|DELETE|REMOVE|DROP)\b", re.IGNORECASE)


def unavailable_message(uri: str) -> str:
    return f"cannot reach Neo4j at {uri}; is the server running? Try `docker compose up -d`."


def auth_failed_message(uri: str, user: str) -> str:
    return (
        f"Neo4j at {uri}: authentication failed for user {user!r};"
        " check NEO4J_USER and NEO4J_PASSWORD."
    )


def backend_error(exc: Exception, uri: str, user: str) -> StoreError:
    """One-line error for a driver exception; nothing in the database is touched."""
    from neo4j import exceptions as ne

    if isinstance(exc, ne.AuthError):
        return BackendUnavailable(auth_failed_message(uri, user))
    if isinstance(exc, ne.ServiceUnavailable | ne.SessionExpired | OSError):
        return BackendUnavailable(unavailable_message(uri))
    if isinstance(exc, ne.Neo4jError):
        message = (exc.message or str(exc)).splitlines()[0]
        return StoreError(f"Neo4j query failed: {message}")
    first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return StoreError(f"Neo4j at {uri}: {first}")


def check_uri(uri: str) -> str:
    scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
    if scheme not in SCHEMES:
        raise StoreError(
            f"NEO4J_URI {uri!r} is not a Neo4j address: use bolt://, neo4j:// or neo4j+s://"
        )
    return uri


def _collect(tx: ManagedTransaction, text: str, parameters: dict[str, Any]) -> list[Row]:
    return [record.data() for record in tx.run(text, parameters)]


class Neo4jStore(CypherStore):
    backend = "neo4j"
    dialect = "neo4j"

    def __init__(
        self,
        uri: str | None = None,
        *,
        user: str | None = None,
        password: str | None = None,
        database: str | None = None,
        batch_size: int | None = None,
        settings: Settings | None = None,
    ) -> None:
        from neo4j import GraphDatabase

        # The driver logs connection failures itself; the user gets our one line.
        logging.getLogger("neo4j").addHandler(logging.NullHandler())
        settings = settings or load_settings()
        self.uri = check_uri(uri or settings.neo4j_uri)
        self.user = user or settings.neo4j_user
        secret = settings.neo4j_password.get_secret_value() if settings.neo4j_password else None
        password = password if password is not None else secret
        self.database = database or settings.neo4j_database
        self.batch_size = batch_size or settings.batch_size
        self._schema_ready = False
        # No password: connect without auth (a server started with NEO4J_AUTH=none).
        auth = (self.user, password) if password is not None else None
        self._driver: Driver | None = GraphDatabase.driver(self.uri, auth=auth)
        try:
            self._driver.verify_connectivity()
        except Exception as exc:
            self.close()
            raise backend_error(exc, self.uri, self.user) from None

    @property
    def location(self) -> str:
        return f"{self.uri} (database {self.database})"

    def run(self, text: str, parameters: dict[str, Any] | None = None) -> list[Row]:
        if self._driver is None:
            raise StoreError("the Neo4j store is closed")
        try:
            with self._driver.session(database=self.database) as session:
                work = session.execute_write if _WRITES.search(text) else session.execute_read
                return work(_collect, text, parameters or {})
        except Exception as exc:
            raise backend_error(exc, self.uri, self.user) from None

    def ensure_schema(self) -> None:
        """Constraints and indexes from the model (``IF NOT EXISTS``: safe to repeat)."""
        for statement in neo4j_schema():
            self.run(statement)
        self._schema_ready = True

    def apply_plan(self, plan: WritePlan, progress: Progress | None = None) -> WriteSummary:
        # The uniqueness constraints make every MERGE an index lookup: create them first.
        if not self._schema_ready:
            self.ensure_schema()
        return super().apply_plan(plan, progress)

    def close(self) -> None:
        if getattr(self, "_driver", None) is not None:
            self._driver.close()  # type: ignore[union-attr]
        self._driver = None


def load_into_neo4j(
    db: Path | None = None,
    uri: str | None = None,
    *,
    batch_size: int | None = None,
    progress: Progress | None = None,
    on_plan: Callable[[int], None] | None = None,
) -> WriteSummary:
    """Copy an embedded database into Neo4j, writing only what Neo4j does not hold yet.

    Running it twice writes nothing the second time; a load that was interrupted
    is completed by running it again. Nothing else in the Neo4j database is touched
    except graph rows the embedded database no longer has.
    """
    from reegraph.store.embedded import EmbeddedStore

    # Connect to the server first: a server that is down fails before any reading.
    with (
        Neo4jStore(uri=uri, batch_size=batch_size) as target,
        EmbeddedStore(db, read_only=True) as source,
    ):
        return copy_graph(source, target, progress, on_plan)
