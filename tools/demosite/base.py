"""The shared pieces of the content models: strict frozen models, Thai (พ.ศ.) dates and months, a planted gap."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict


def _thai_date(v: object) -> object:
    """'2568-10-20' (พ.ศ.) -> date(2025, 10, 20)."""
    if isinstance(v, str):
        y, m, d = (int(p) for p in v.split("-"))
        return dt.date(y - 543, m, d)
    return v


def _thai_month(v: object) -> object:
    """'2568-10' -> (2568, 10)."""
    if isinstance(v, str):
        y, m = (int(p) for p in v.split("-"))
        return (y, m)
    return v


ThaiDate = Annotated[dt.date, BeforeValidator(_thai_date)]
ThaiMonth = Annotated[tuple[int, int], BeforeValidator(_thai_month)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Planted(Strict):
    """One planted gap, written beside the content it removes or alters."""

    item: str
    kind: Literal["data", "time", "rule"]
    component: str
    what: str
    where: str = ""
    missing: list[ThaiMonth] = []
