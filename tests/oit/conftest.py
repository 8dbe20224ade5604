"""Databases for the tests of oit (the store, the fleet): SQLite and a real PostgreSQL (a cluster of their own, started
once per test session)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from oit.store.database import dispose_engines
from tests.oit.store.postgres import PostgresCluster


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    cluster = PostgresCluster().start()
    try:
        yield cluster
    finally:
        dispose_engines()
        cluster.stop()


@pytest.fixture
def postgres_url(postgres_cluster: PostgresCluster) -> Iterator[str]:
    """A new, empty database of the test's own on the session's cluster, dropped after the test."""
    name = postgres_cluster.create_database()
    yield postgres_cluster.url(name)
    dispose_engines()  # the cached engine's pooled sessions would keep the database from being dropped
    postgres_cluster.drop_database(name)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.requires("postgresql"))])
def database_url(request: pytest.FixtureRequest, tmp_path) -> str:  # type: ignore[no-untyped-def]
    """The URL of a new, empty database: an SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'db.sqlite'}"
    return request.getfixturevalue("postgres_url")
