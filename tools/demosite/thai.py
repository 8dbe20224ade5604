"""Thai dates and digits as the agency writes them (พ.ศ. years, full and abbreviated month names)."""

from __future__ import annotations

import datetime as dt

MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน",
          "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]  # fmt: skip
MONTHS_ABBR = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def th(s: object) -> str:
    """Arabic digits to Thai digits."""
    return str(s).translate(_THAI_DIGITS)


def be(d: dt.date) -> int:
    return d.year + 543


def dfull(d: dt.date, thai: bool = False) -> str:
    s = f"{d.day} {MONTHS[d.month - 1]} {be(d)}"
    return th(s) if thai else s


def dabbr(d: dt.date, thai: bool = False) -> str:
    s = f"{d.day} {MONTHS_ABBR[d.month - 1]} {be(d)}"
    return th(s) if thai else s


def D(y_be: int, m: int, d: int) -> dt.date:
    return dt.date(y_be - 543, m, d)
