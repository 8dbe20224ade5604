"""The scheduler's stored jobs: APScheduler keeps them in oit's database (its own table, written by its
SQLAlchemyJobStore); oit only rewrites the function path a job names when that function moves (oit/watch/schedule.py).
"""

from __future__ import annotations

import pickle
from collections.abc import Mapping

from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine


def move_job_funcs(engine: Engine, table: str, moved: Mapping[str, str]) -> int:
    """Point the stored jobs whose function is a key of `moved` at its value; returns how many were rewritten.

    A job's state is APScheduler's pickled dict, its function a "module:name" string (apscheduler/job.py
    __getstate__), so the string is replaced in the dict and the dict stored again; the rest of the job is kept."""
    if not inspect(engine).has_table(table):
        return 0
    rewritten = 0
    with engine.begin() as conn:
        for job_id, blob in conn.execute(text(f"SELECT id, job_state FROM {table}")).all():
            state = pickle.loads(blob)  # written by APScheduler into oit's own database
            if state.get("func") in moved:
                state["func"] = moved[state["func"]]
                conn.execute(
                    text(f"UPDATE {table} SET job_state = :state WHERE id = :id"),
                    {"state": pickle.dumps(state, pickle.HIGHEST_PROTOCOL), "id": job_id},
                )
                rewritten += 1
    return rewritten
