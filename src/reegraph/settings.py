"""Connection and loading settings, read from the environment and ``./.env``.

CLI flags (``--neo4j-uri``, ``--batch-size``) override what is read here.
"""

from __future__ import annotations

from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from reegraph.errors import ReegraphError

DEFAULT_NEO4J_URI = "bolt://localhost:7687"
# Chosen from benchmarks/bench_load.py on the embedded engine (see README): larger
# batches stop paying off and make each retried transaction bigger.
DEFAULT_BATCH_SIZE = 1000


class Settings(BaseSettings):
    """``NEO4J_URI`` accepts bolt://, neo4j:// and neo4j+s:// (any scheme the driver knows)."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True
    )

    neo4j_uri: str = Field(DEFAULT_NEO4J_URI, validation_alias="NEO4J_URI")
    neo4j_user: str = Field("neo4j", validation_alias="NEO4J_USER")
    neo4j_password: SecretStr | None = Field(None, validation_alias="NEO4J_PASSWORD")
    neo4j_database: str = Field("neo4j", validation_alias="NEO4J_DATABASE")
    batch_size: int = Field(DEFAULT_BATCH_SIZE, ge=1, validation_alias="REEGRAPH_BATCH_SIZE")


def load_settings() -> Settings:
    """Settings from the environment and ``.env``; a bad value is a one-line error."""
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "settings"
        raise ReegraphError(f"invalid setting {where}: {first['msg']}") from None
