"""Publication dates as written by feeds, CMSs and spreadsheets, read into ISO 8601.

Inputs write dates every way: ``2016-09-12T10:00:00Z``, ``Tue, 05 Mar 2024 10:00:00 GMT``,
``Sept. 12, 2016``, ``09/12/2016``, ``12.09.2016``, ``1473674400``. dateutil reads the written
forms; what it cannot read, or reads only in part (a month without a day), is kept as written
and reported, never stored as a wrong ISO date. Dates far from any news (year 9999, year 1) are
reported too and left out of ``published``, so that sorting, per-week charts and "first appeared"
stay sound.
"""

from __future__ import annotations

import datetime
import re
import warnings
from dataclasses import dataclass
from functools import lru_cache

from dateutil import parser as dateutil_parser
from dateutil import tz

EARLIEST_YEAR = 1800  # older "news" is a CMS placeholder or a typo
FUTURE_DAYS = 366  # a date more than a year ahead is a placeholder (9999-12-31) or a typo
# Time-zone abbreviations that name one zone only (IST, BST-as-Bangladesh and CST-as-China are
# ambiguous, so they are read without a zone rather than guessed).
ZONES = {name: tz.tzoffset(name, hours * 3600) for name, hours in {
    "UTC": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    "AKST": -9, "AKDT": -8, "HST": -10, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "WET": 0, "WEST": 1,
    "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13, "JST": 9,
}.items()}
EPOCH_SECONDS = re.compile(r"\d{9,10}(\.\d+)?")  # Unix time, as JSON APIs give it
EPOCH_MILLISECONDS = re.compile(r"\d{12,13}")
SPREADSHEET_DAY = re.compile(r"\d{5}(\.\d+)?")  # 42625: a date cell saved as Excel's count of days
SPREADSHEET_EPOCH = datetime.date(1899, 12, 30)
DOTTED = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}\b")  # 12.09.2016: day first wherever dots are written
# Two defaults that differ in every field: a field that comes out the same under both was written.
PROBE_A = datetime.datetime(2001, 1, 1, 0, 0, 0)
PROBE_B = datetime.datetime(2002, 2, 2, 1, 1, 1)


@dataclass
class ReadDate:
    """A date as written, its ISO 8601 form when it could be read whole, and why not otherwise."""

    as_written: str
    iso: str | None
    problem: str | None = None


def read_date(value: object, *, day_first: bool = False, today: datetime.date | None = None) -> ReadDate | None:
    """``value`` read as a publication date; None when there is no date at all.

    A date alone gives ``YYYY-MM-DD``; a date with a time gives ``YYYY-MM-DDTHH:MM:SS``, with
    its offset when the input names a zone. Numeric dates are month first (``09/12/2016`` is
    12 September, as in US news) unless ``day_first``; dotted dates (``12.09.2016``) are always
    day first. A date with no day, or outside ``EARLIEST_YEAR`` to a year from ``today``, gets
    no ISO form and a ``problem`` that says why.
    """
    if value is None:
        return None
    written = " ".join(str(value).split())
    if not written:
        return None
    if SPREADSHEET_DAY.fullmatch(written) and 20_000 <= float(written) < 80_000:
        day = SPREADSHEET_EPOCH + datetime.timedelta(days=int(float(written)))
        return ReadDate(written, None, f"date '{written}' looks like a spreadsheet's day number ({day.day} {day:%B %Y} "
                                       "in Excel's count, four years off in old Mac Excel): format the column as "
                                       "dates before saving the file")
    parsed = _epoch(written) or _parsed(written, day_first)
    if isinstance(parsed, str):
        return ReadDate(written, None, f"date '{written}' {parsed}")
    moment, has_time = parsed
    today = today or datetime.date.today()
    if moment.year < EARLIEST_YEAR or moment.date() > today + datetime.timedelta(days=FUTURE_DAYS):
        return ReadDate(written, None, f"date '{written}' is far outside the dates of news (before "
                                       f"{EARLIEST_YEAR} or more than a year ahead)")
    iso = moment.isoformat() if has_time else moment.date().isoformat()
    return ReadDate(written, iso)


def _epoch(written: str) -> tuple[datetime.datetime, bool] | None:
    if EPOCH_SECONDS.fullmatch(written):
        seconds = float(written)
    elif EPOCH_MILLISECONDS.fullmatch(written):
        seconds = int(written) / 1000
    else:
        return None
    return datetime.datetime.fromtimestamp(int(seconds), datetime.UTC), True


@lru_cache(maxsize=65536)  # a feed repeats its dates, and dateutil takes a tenth of a millisecond a date
def _parsed(written: str, day_first: bool) -> tuple[datetime.datetime, bool] | str:
    """``(moment, whether a time was written)``, or what is wrong with it ("has no day")."""
    day_first = day_first or bool(DOTTED.match(written))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # an unknown zone name: the time is read without a zone
            first, second = (dateutil_parser.parse(written, default=probe, dayfirst=day_first, tzinfos=ZONES)
                             for probe in (PROBE_A, PROBE_B))
    except (ValueError, OverflowError) as error:
        return f"not understood ({str(error).split(':')[0]})"
    missing = [name for name in ("year", "month", "day") if getattr(first, name) != getattr(second, name)]
    if missing:
        return f"has no {' or '.join(missing)}"
    return first, first.hour == second.hour
