"""The queue between the enqueuers and the workers: Dramatiq on Redis, one queue, one kind of message.

Dramatiq (not a home-made queue) because its Redis broker re-delivers the messages of a worker that stopped sending
heartbeats (killed, machine down) and acknowledges a message only when its actor returns. Its own retries and time
limit are off: the ledger counts attempts and a scan is bounded by [crawl] max_duration.

A message carries the site's own settings (name, URL, declared evidence, encoding), never a file path: a worker reads
its own config for the database, the queue and the crawl, wherever the enqueuer ran.
"""

from __future__ import annotations

from datetime import date

import dramatiq
from dramatiq.brokers.redis import RedisBroker
from pydantic import BaseModel

from oit.config import SiteConfig

QUEUE = "oit-scans"
ACTOR = "scan_site"
NAMESPACE = "oit"
# A worker silent this long (killed, cut off) has its unacknowledged messages put back in the queue.
HEARTBEAT_TIMEOUT_MS = 30_000
# Out of a million broker commands, how many also look for such messages (Dramatiq's default, 1,000, can leave them
# for many minutes on a quiet queue of long scans; the look is one sorted-set range on a small queue).
MAINTENANCE_CHANCE = 50_000


class ScanOrder(BaseModel):
    """What a message asks: scan this site for this night's ledger row."""

    run_id: int
    night: date
    site: SiteConfig


def make_broker(redis_url: str) -> RedisBroker:
    broker = RedisBroker(
        url=redis_url,
        namespace=NAMESPACE,
        heartbeat_timeout=HEARTBEAT_TIMEOUT_MS,
        maintenance_chance=MAINTENANCE_CHANCE,
    )
    broker.declare_queue(QUEUE)
    return broker


def send(broker: dramatiq.Broker, order: ScanOrder, delay_ms: int | None = None) -> None:
    """Queue one order (after `delay_ms`): sent by name, so the enqueuer needs none of the worker's code."""
    message: dramatiq.Message = dramatiq.Message(
        queue_name=QUEUE, actor_name=ACTOR, args=(order.model_dump(mode="json"),), kwargs={}, options={}
    )
    broker.enqueue(message, delay=delay_ms)
