"""Dates as writers and YAML give them: one reading for front matter, options and data files."""

from __future__ import annotations

import datetime as dt
from typing import Any


def as_date(value: Any) -> dt.date | None:
    """``value`` as a calendar date: a YAML date or datetime, or an ISO text (``2026-08-14``,
    ``2026-08-14T10:00:00+00:00``); None when it is none of these or not a real date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(text).date()
        except ValueError:
            return None
    return None
