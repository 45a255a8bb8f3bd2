"""Quotes over time as an inline SVG bar chart, drawn on the server.

The site must work offline and fetch nothing at view time, so there is no charting script:
a few dozen rectangles and labels in SVG are all a timeline needs, and every browser draws them.
Bars are stacked by quote type and each one links to the quotes of its period.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from markupsafe import Markup, escape

TYPES = ("direct", "mixed", "indirect")
TYPE_COLOURS = {"direct": "#d08c00", "mixed": "#5c9e3d", "indirect": "#3b7fc4"}
WIDTH, HEIGHT = 720, 220
LEFT, RIGHT, TOP, BOTTOM = 40, 10, 12, 42


@dataclass
class Period:
    """One bar: a week (starting on Monday) or a calendar month, with its quotes by type."""

    start: datetime.date
    end: datetime.date  # exclusive
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


# Dates outside these are typing errors or placeholders (0001-01-01, 9999-12-31), not news: they
# are counted as undated, so one of them cannot stretch a timeline over thousands of empty bars.
EARLIEST, LATEST = datetime.date(1800, 1, 1), datetime.date(2199, 12, 31)
MAX_BARS = 400  # past this a chart switches to a longer period


def parse_day(value: str | None) -> datetime.date | None:
    """The date of an ISO 8601 date or timestamp, or None when there is none to read or it is out of range."""
    try:
        day = datetime.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None
    return day if EARLIEST <= day <= LATEST else None


PERIODS = ("week", "month", "year")


def period_start(day: datetime.date, by: str) -> datetime.date:
    if by == "week":
        return day - datetime.timedelta(days=day.weekday())
    return day.replace(day=1) if by == "month" else day.replace(month=1, day=1)


def next_period(start: datetime.date, by: str) -> datetime.date:
    if by == "week":
        return start + datetime.timedelta(days=7)
    if by == "month":
        return datetime.date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return datetime.date(start.year + 1, 1, 1)


def period_count(days: list[datetime.date], by: str) -> int:
    """How many bars ``days`` take by ``by``, gaps included."""
    first, last = min(days), max(days)
    if by == "week":
        return (period_start(last, by) - period_start(first, by)).days // 7 + 1
    if by == "month":
        return (last.year - first.year) * 12 + last.month - first.month + 1
    return last.year - first.year + 1


def choose_period(days: Iterable[datetime.date], requested: str | None = None) -> str:
    """Weeks for up to half a year of quotes, months up to 20 years, years beyond, so bars stay readable.

    A ``requested`` period is kept unless it would draw more than ``MAX_BARS`` bars.
    """
    days = list(days)
    if not days:
        return requested if requested in PERIODS else "week"
    if requested in PERIODS and period_count(days, requested) <= MAX_BARS:
        return requested
    span = (max(days) - min(days)).days
    return "week" if span <= 183 else "month" if period_count(days, "month") <= 240 else "year"


def periods(day_counts: Iterable[tuple[datetime.date, str, int]], by: str) -> list[Period]:
    """Every period from the first quote to the last, empty ones included, so gaps show as gaps."""
    by_start: dict[datetime.date, Period] = {}
    for day, quote_type, count in day_counts:
        start = period_start(day, by)
        period = by_start.setdefault(start, Period(start, next_period(start, by)))
        period.counts[quote_type] = period.counts.get(quote_type, 0) + count
    if not by_start:
        return []
    result, start, last = [], min(by_start), max(by_start)
    while start <= last:
        result.append(by_start.get(start) or Period(start, next_period(start, by)))
        start = next_period(start, by)
    return result


def period_label(period: Period, by: str, long: bool = False) -> str:
    if by == "year":
        return str(period.start.year)
    if by == "month":
        return period.start.strftime("%B %Y" if long else "%b %Y")
    label = f"{period.start.day} {period.start.strftime('%b')}"
    return f"week of {label} {period.start.year}" if long else label


def nice_ceiling(value: int) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50… that is at least ``value``: a round top for the y axis."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def timeline_svg(bars: list[Period], by: str, link: Callable[[Period], str] | None = None,
                 title: str = "Quotes over time") -> Markup:
    """An SVG bar chart of ``bars``, stacked by quote type, with axes, labels and a legend.

    ``link(period)`` gives the address each bar links to. All text is escaped.
    """
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    top = nice_ceiling(max((p.total for p in bars), default=1) or 1)
    slot = plot_width / max(len(bars), 1)
    bar_width = max(min(slot * 0.72, 48), 1.5)
    label_every = max(1, round(len(bars) / 12 + 0.49))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="quotes-timeline" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="timeline-title" font-family="system-ui, sans-serif" font-size="11">',
        f'<title id="timeline-title">{escape(title)}</title>',
    ]
    for tick in sorted({0, top // 2, top} if top > 1 else {0, 1}):
        y = TOP + plot_height - plot_height * tick / top
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
                     f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#555">{tick}</text>')
    for index, period in enumerate(bars):
        x = LEFT + slot * index + (slot - bar_width) / 2
        summary = ", ".join(f"{period.counts[t]} {t}" for t in TYPES if period.counts.get(t))
        tooltip = f"{period_label(period, by, long=True)}: {period.total} quote{'s' * (period.total != 1)}"
        tooltip += f" ({summary})" if summary else ""
        bar = [f'<g class="bar" data-period="{period.start.isoformat()}" data-count="{period.total}">',
               f"<title>{escape(tooltip)}</title>"]
        y = TOP + plot_height
        for quote_type in TYPES:
            count = period.counts.get(quote_type, 0)
            if count:
                height = plot_height * count / top
                y -= height
                bar.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_width:.1f}" height="{height:.1f}" '
                           f'fill="{TYPE_COLOURS[quote_type]}" class="bar-{quote_type}"/>')
        if not period.total:  # an empty period still takes a hover target
            bar.append(f'<rect x="{x:.1f}" y="{TOP}" width="{bar_width:.1f}" height="{plot_height}" '
                       f'fill="transparent"/>')
        bar.append("</g>")
        if link and period.total:
            bar = [f'<a href="{escape(link(period))}">', *bar, "</a>"]
        parts.extend(bar)
        if index % label_every == 0:
            parts.append(f'<text x="{x + bar_width / 2:.1f}" y="{TOP + plot_height + 15}" text-anchor="middle" '
                         f'fill="#333">{escape(period_label(period, by))}</text>')
    parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + plot_height}" y2="{TOP + plot_height}" '
                 f'stroke="#888"/>')
    x = LEFT
    for quote_type in TYPES:
        parts.append(f'<rect x="{x}" y="{HEIGHT - 14}" width="10" height="10" fill="{TYPE_COLOURS[quote_type]}"/>'
                     f'<text x="{x + 14}" y="{HEIGHT - 5}" fill="#333">{quote_type}</text>')
        x += 90
    parts.append("</svg>")
    return Markup("".join(parts))
