"""The alerts' state (oit/watch/alerts.py decides, oit/watch/delivery.py sends): per site what was last weighed and
warned, the confirmed facts, and the messages waiting for delivery with their claims. Tables alert_sites,
alert_facts and alert_messages of oit.store.database."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.engine import Connection, Engine

from oit.store.database import ALERT_FACTS, ALERT_MESSAGES, ALERT_SITES, now


class AlertSite(BaseModel):
    """What was last done for a site: the finished scan last weighed, the scan whose staleness was warned of."""

    model_config = ConfigDict(frozen=True)

    site_url: str
    weighed_scan_id: int | None
    stale_warned_scan_id: int | None


class StoredFact(BaseModel):
    """A confirmed fact of a site (oit.watch.alerts.Fact as JSON)."""

    model_config = ConfigDict(frozen=True)

    id: int
    key: str
    fact: dict[str, Any]


class FactChanges(BaseModel):
    """What weighing a scan writes, in this order: facts added (key -> fact JSON), facts dropped (ids), a message."""

    add: dict[str, dict[str, Any]] = Field(default_factory=dict)
    drop: list[int] = Field(default_factory=list)
    message: dict[str, Any] | None = None  # the alert's body, as the webhook receives it


class AlertMessage(BaseModel):
    """A queued alert and how far its delivery got."""

    model_config = ConfigDict(frozen=True)

    id: int
    site_url: str
    body: dict[str, Any]
    delivered: list[str] | None
    attempts: int


def _state(conn: Connection, site_url: str) -> AlertSite | None:
    row = conn.execute(select(ALERT_SITES).where(ALERT_SITES.c.site_url == site_url)).first()
    return AlertSite.model_validate(row, from_attributes=True) if row is not None else None


def _set_state(conn: Connection, site_url: str, state: AlertSite | None, **values: int) -> None:
    if state is None:
        conn.execute(insert(ALERT_SITES).values(site_url=site_url, **values))
    else:
        conn.execute(update(ALERT_SITES).where(ALERT_SITES.c.site_url == site_url).values(**values))


def _add_facts(conn: Connection, site_url: str, facts: Mapping[str, dict[str, Any]]) -> None:
    if facts:
        rows = [{"site_url": site_url, "key": key, "fact": fact} for key, fact in facts.items()]
        conn.execute(insert(ALERT_FACTS), rows)


def _queue(conn: Connection, site_url: str, body: dict[str, Any]) -> None:
    conn.execute(insert(ALERT_MESSAGES).values(site_url=site_url, created=now(), body=body))


def alert_site(engine: Engine, site_url: str) -> AlertSite | None:
    with engine.connect() as conn:
        return _state(conn, site_url)


def record_weighing(
    engine: Engine,
    site_url: str,
    scan_id: int,
    decide: Callable[[AlertSite | None, dict[str, StoredFact]], FactChanges],
) -> None:
    """In one transaction: read the site's state and confirmed facts, mark `scan_id` weighed, and write what
    `decide` makes of them (facts added, facts dropped, a message queued)."""
    with engine.begin() as conn:
        state = _state(conn, site_url)
        rows = conn.execute(select(ALERT_FACTS).where(ALERT_FACTS.c.site_url == site_url))
        confirmed = {r.key: StoredFact.model_validate(r, from_attributes=True) for r in rows}
        _set_state(conn, site_url, state, weighed_scan_id=scan_id)
        changes = decide(state, confirmed)
        _add_facts(conn, site_url, changes.add)
        for fact_id in changes.drop:
            conn.execute(delete(ALERT_FACTS).where(ALERT_FACTS.c.id == fact_id))
        if changes.message is not None:
            _queue(conn, site_url, changes.message)


def record_stale_warning(engine: Engine, site_url: str, marker: int, body: dict[str, Any]) -> bool:
    """Queue the warning `body` unless the site was already warned for `marker` (its latest finished scan, 0 for
    none); False when it was. One transaction."""
    with engine.begin() as conn:
        state = _state(conn, site_url)
        if state is not None and state.stale_warned_scan_id == marker:
            return False
        _set_state(conn, site_url, state, stale_warned_scan_id=marker)
        _queue(conn, site_url, body)
        return True


# --- delivery ---------------------------------------------------------------------------------------------------
def pending_messages(engine: Engine, site_url: str | None = None) -> list[int]:
    """Ids of the messages not done yet (of one site, or all), oldest first."""
    messages = ALERT_MESSAGES
    query = select(messages.c.id).where(messages.c.done.is_(False)).order_by(messages.c.id)
    if site_url is not None:
        query = query.where(messages.c.site_url == site_url)
    with engine.connect() as conn:
        return list(conn.execute(query).scalars())


def claim_message(engine: Engine, message_id: int, hold: timedelta) -> AlertMessage | None:
    """Hold the message for `hold` and read it again (another run may have sent it on some channels since); None
    when another run holds or finished it."""
    messages, at = ALERT_MESSAGES, now()
    with engine.begin() as conn:
        claimed = conn.execute(
            update(messages)
            .where(
                messages.c.id == message_id,
                messages.c.done.is_(False),
                or_(messages.c.claimed_until.is_(None), messages.c.claimed_until < at),
            )
            .values(claimed_until=at + hold)
        )
        if claimed.rowcount != 1:
            return None
        row = conn.execute(select(messages).where(messages.c.id == message_id)).one()
        return AlertMessage.model_validate(row, from_attributes=True)


def record_delivery(
    engine: Engine, message_id: int, attempts: int, delivered: list[str], last_error: str | None, done: bool
) -> None:
    """What a run achieved for the message, its claim released; a transaction of its own."""
    messages = ALERT_MESSAGES
    with engine.begin() as conn:
        conn.execute(
            update(messages)
            .where(messages.c.id == message_id)
            .values(attempts=attempts, delivered=delivered, last_error=last_error, done=done, claimed_until=None)
        )
