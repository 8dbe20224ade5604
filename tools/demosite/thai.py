"""The พ.ศ. calendar as the demo's content counts it. Thai digits and month names come from eval/zoo/doc.py, the one
home of the helpers both site builders (the eval zoo and this demo) write dates with."""

from __future__ import annotations

import datetime as dt


def be(d: dt.date) -> int:
    """The Buddhist-era year of a date."""
    return d.year + 543


def D(y_be: int, m: int, d: int) -> dt.date:
    """A date given with its พ.ศ. year."""
    return dt.date(y_be - 543, m, d)
