"""`oit fleet enqueue`: record the night's due sites in the ledger and queue each one once.

Run it from cron (or by hand) on one machine or several: the ledger's unique (night, site) row makes a second run, or
a run on another machine, record nothing more, and a message is sent only for a row this run marked sent. A site
whose message may have been lost (queued, sent more than RESEND_AFTER ago and never claimed) is sent again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger

from oit.config import Config, SiteConfig
from oit.fleet.queue import ScanOrder, make_broker, send
from oit.store.database import now, open_engine
from oit.store.ledger import expire_leases, record_night, release_unsent, take_unsent

log = logging.getLogger("oit.fleet")

RESEND_AFTER = timedelta(hours=1)


@dataclass
class EnqueueOutcome:
    night: date
    due: int  # sites of the config due that night
    recorded: int  # of them, new in the ledger (0 on a second run)
    sent: int  # messages sent by this run


def tonight(config: Config, at: datetime | None = None) -> date:
    """The night a run belongs to: the date in the schedule's time zone."""
    return (at or datetime.now(UTC)).astimezone(ZoneInfo(config.schedule.timezone)).date()


def due_on(config: Config, site: SiteConfig, night: date) -> bool:
    """The site's schedule (its own cron, else [schedule] cron) fires on that date."""
    zone = ZoneInfo(config.schedule.timezone)
    trigger = CronTrigger.from_crontab(site.schedule or config.schedule.cron, timezone=zone)
    start = datetime.combine(night, time(0), zone)
    fire = trigger.get_next_fire_time(None, start)
    return fire is not None and fire < start + timedelta(days=1)


def enqueue_night(config: Config, night: date | None = None) -> EnqueueOutcome:
    night = night or tonight(config)
    engine = open_engine(config.database_url)
    at = now()
    due = [site for site in config.sites if due_on(config, site, night)]
    recorded = record_night(engine, night, [(s.url, s.name) for s in due], at)
    expire_leases(engine, at, config.fleet.max_attempts)
    taken = take_unsent(engine, night, at, RESEND_AFTER)
    sites = {site.url: site for site in config.sites}
    broker = make_broker(config.redis_url)
    sent = []
    try:
        for run in taken:
            site = sites.get(run.site_url) or SiteConfig(name=run.site_name or run.site_url, url=run.site_url)
            send(broker, ScanOrder(run_id=run.id, night=night, site=site))
            sent.append(run.id)
    finally:
        # What could not be sent (Redis down) is marked unsent again, so the next run sends it.
        release_unsent(engine, [run.id for run in taken if run.id not in set(sent)])
        broker.close()
    log.info("เข้าคิว / enqueued: night=%s due=%d new=%d sent=%d", night, len(due), recorded, len(sent))
    return EnqueueOutcome(night, len(due), recorded, len(sent))
