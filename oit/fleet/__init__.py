"""The fleet: many workers on many machines scanning many sites each night (`oit fleet …`).

    queue      the Redis broker (Dramatiq) and the one message: "scan this site for this night"
    enqueue    `oit fleet enqueue`: record the night's due sites in the ledger and queue each once
    worker     `oit fleet worker`: claim, scan, record; leases renewed while it runs; SIGTERM hands work back
    status     `oit fleet status`: the night's ledger, what is not done first

The ledger (oit/store/ledger.py, in the shared PostgreSQL database) is the truth; the queue only carries the work
to a free worker. A message delivered twice, or to a worker that died, is harmless: a claim lets one worker through.
"""

from oit.fleet.enqueue import EnqueueOutcome, enqueue_night
from oit.fleet.status import NightStatus, night_status

__all__ = ["EnqueueOutcome", "NightStatus", "enqueue_night", "night_status"]
