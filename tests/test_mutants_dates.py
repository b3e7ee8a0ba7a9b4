"""Dates as a user sees them: order, bounds, typed text, messages. Written against the mutants of ``hled._dates``."""

from __future__ import annotations

import warnings

import pytest

import hled
from hled import DateRange, PartialDate


def _parsed(text: str) -> PartialDate | DateRange:
    return DateRange.parse(text) if "/" in text else PartialDate.parse(text)


class TestOrder:
    def test_a_year_comes_before_its_months_and_days(self):
        year, january, first = PartialDate(2021), PartialDate(2021, 1), PartialDate(2021, 1, 1)

        assert year < january < first
        assert not january <= year
        assert sorted([first, january, year]) == [year, january, first]

    def test_a_day_comes_before_the_spans_it_starts_and_spans_by_their_end(self):
        may = PartialDate(2021, 5)
        may_june = DateRange(PartialDate(2021, 5), PartialDate(2021, 6))
        may_july = DateRange(PartialDate(2021, 5), PartialDate(2021, 7))
        june = PartialDate(2021, 6)

        assert sorted([june, may_july, may_june, may]) == [may, may_june, may_july, june]
        assert may < may_june < may_july < june
        assert june > may_july > may_june
        assert may_july >= DateRange.parse("2021-05/2021-07")

    def test_equal_dates_are_ge_and_le_not_gt_or_lt(self):
        for text in ("2021", "2021-05-01", "2021-05/2021-06"):
            d, same = _parsed(text), _parsed(text)
            assert d >= same
            assert d <= same
            assert not d > same
            assert not d < same


class TestBounds:
    def test_years_run_from_1_to_9999(self):
        assert PartialDate(9999).year == 9999
        with pytest.raises(ValueError, match=r"^year must be 1 to 9999, got 10000$"):
            PartialDate(10000)


class TestTypedText:
    def test_a_stray_time_zone_word_is_ignored_without_a_warning(self):
        """A typed date with a time and a word dateutil takes for a time zone: no warning, the day is read."""
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            found = hled.events.filter(on="12 September 2022 10:00 XYZ")

        assert found == hled.events.filter(on="2022-09-12")


class TestMessages:
    def test_wrong_types(self):
        with pytest.raises(TypeError) as date:
            PartialDate.parse(5)
        with pytest.raises(TypeError) as span:
            DateRange.parse(5)

        assert str(date.value) == "expected a date string, got int 5"
        assert str(span.value) == "expected a date span string, got int 5"

    def test_a_span_without_its_slash_and_one_with_two(self):
        with pytest.raises(ValueError, match="START/END") as one:
            DateRange.parse("2021")
        with pytest.raises(ValueError, match="START/END") as three:
            DateRange.parse("2021/2022/2023")

        assert str(one.value) == "expected START/END, got '2021'"
        assert str(three.value).endswith("(expected YYYY, YYYY-MM or YYYY-MM-DD, got '2022/2023')")
