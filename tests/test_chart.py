"""The quotes-over-time chart: periods with gaps filled, and an SVG with escaped text."""

import datetime
import re

from quotes.publish.chart import choose_period, nice_ceiling, parse_day, periods, timeline_svg

D = datetime.date


def test_weeks_start_on_monday_and_empty_weeks_are_kept():
    bars = periods([(D(2025, 3, 5), "direct", 2), (D(2025, 3, 9), "indirect", 1), (D(2025, 3, 24), "direct", 1)],
                   "week")
    assert [(b.start, b.total) for b in bars] == [(D(2025, 3, 3), 3), (D(2025, 3, 10), 0), (D(2025, 3, 17), 0),
                                                  (D(2025, 3, 24), 1)]
    assert bars[0].counts == {"direct": 2, "indirect": 1} and bars[0].end == D(2025, 3, 10)


def test_months_roll_over_the_year():
    bars = periods([(D(2024, 11, 30), "direct", 1), (D(2025, 2, 1), "mixed", 1)], "month")
    assert [b.start for b in bars] == [D(2024, 11, 1), D(2024, 12, 1), D(2025, 1, 1), D(2025, 2, 1)]
    assert bars[1].end == D(2025, 1, 1)


def test_period_is_chosen_from_the_span_of_dates():
    assert choose_period([D(2025, 1, 1), D(2025, 6, 1)]) == "week"
    assert choose_period([D(2024, 1, 1), D(2025, 6, 1)]) == "month"
    assert choose_period([]) == "week"


def test_dates_and_timestamps_are_read_and_junk_is_not():
    assert parse_day("2025-03-03T09:30:00+00:00") == D(2025, 3, 3)
    assert parse_day("March 3") is None and parse_day(None) is None


def test_y_axis_top_is_round():
    assert [nice_ceiling(n) for n in (1, 3, 7, 11, 38, 120)] == [1, 5, 10, 20, 50, 200]


def test_svg_stacks_types_links_bars_and_escapes_text():
    bars = periods([(D(2025, 3, 3), "direct", 2), (D(2025, 3, 4), "indirect", 1), (D(2025, 3, 17), "direct", 1)],
                   "week")
    svg = str(timeline_svg(bars, "week", lambda p: f"/q?from={p.start}&x=<", title='Quotes by "<b>Eve</b>"'))
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "<b>" not in svg and "&lt;b&gt;Eve&lt;/b&gt;" in svg
    assert re.findall(r'data-count="(\d+)"', svg) == ["3", "0", "1"]
    assert svg.count('class="bar-direct"') == 2 and svg.count('class="bar-indirect"') == 1
    assert svg.count("<a href=") == 2 and 'href="/q?from=2025-03-03&amp;x=&lt;"' in svg  # empty weeks link nowhere
    assert "week of 3 Mar 2025: 3 quotes (2 direct, 1 indirect)" in svg
