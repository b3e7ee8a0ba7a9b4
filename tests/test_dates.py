from __future__ import annotations

import datetime

import pytest

from hled import DateRange, PartialDate
from hled._dates import as_date, parse_date


class TestPartialDate:
    def test_parse_keeps_precision(self):
        """A month-precision date stays a month, not the 1st of it."""
        d = PartialDate.parse("2021-09")

        assert (d.year, d.month, d.day, d.precision) == (2021, 9, None, "month")
        assert str(d) == "2021-09"

    @pytest.mark.parametrize("text", ["2014", "2013-05", "2021-09-09"])
    def test_str_round_trips(self, text):
        """str() gives back the ISO form the data files use."""
        assert str(PartialDate.parse(text)) == text

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("2021-13", "month must be 1 to 12, got 13"),
            ("2021-02-30", "'2021-02-30' is not a calendar date"),
            ("21-09", "expected YYYY, YYYY-MM or YYYY-MM-DD, got '21-09'"),
            ("2021-9-9", "expected YYYY, YYYY-MM or YYYY-MM-DD, got '2021-9-9'"),
        ],
    )
    def test_rejects_bad_dates(self, text, message):
        """Impossible or malformed dates raise ValueError saying what was wrong."""
        with pytest.raises(ValueError) as exc_info:  # noqa: PT011 - the message is asserted below
            PartialDate.parse(text)

        assert str(exc_info.value) == message

    def test_rejects_non_string(self):
        """Parsing a number raises TypeError."""
        with pytest.raises(TypeError) as exc_info:
            PartialDate.parse(2021)  # type: ignore[arg-type]

        assert str(exc_info.value) == "expected a date string, got int 2021"

    def test_orders_by_start(self):
        """Dates sort chronologically, a year before its months and days."""
        dates = [PartialDate.parse(t) for t in ("2021-09-09", "2021", "2013-05", "2021-09")]

        assert [str(d) for d in sorted(dates)] == ["2013-05", "2021", "2021-09", "2021-09-09"]

    def test_earliest_and_latest(self):
        """A partial date knows the first and last day it could be."""
        d = PartialDate.parse("2024-02")

        assert (d.earliest, d.latest) == (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
        assert PartialDate(2013).latest == datetime.date(2013, 12, 31)
        assert PartialDate(2013, 12).latest == datetime.date(2013, 12, 31)

    def test_day_needs_month(self):
        """A day without a month is refused."""
        with pytest.raises(ValueError, match="a day \\(5\\) needs a month"):
            PartialDate(2013, None, 5)

    def test_year_type(self):
        """A bool is not a year."""
        with pytest.raises(TypeError, match="year must be an int, got bool True"):
            PartialDate(True)


class TestDateRange:
    def test_span(self):
        """A span answers its first year and every year it touches."""
        span = DateRange.parse("2021-08-31/2022-09-12")

        assert (span.year, span.years, str(span)) == (2021, (2021, 2022), "2021-08-31/2022-09-12")
        assert span.precision == "day"

    def test_sorts_with_dates(self):
        """Spans and dates sort together by start."""
        items = [PartialDate.parse("2022"), DateRange.parse("2021-08-31/2022-09-12"), PartialDate.parse("2021")]

        assert [str(i) for i in sorted(items)] == ["2021", "2021-08-31/2022-09-12", "2022"]

    def test_end_before_start(self):
        """A span may not end before it starts."""
        with pytest.raises(ValueError, match="a span must not end \\(2021\\) before it starts \\(2022\\)"):
            DateRange.parse("2022/2021")

    def test_parse_date_dispatch(self):
        """parse_date returns a span for START/END and a date otherwise."""
        assert isinstance(parse_date("2022-08-31/2022-09-01"), DateRange)
        assert isinstance(parse_date("2022"), PartialDate)
        with pytest.raises(TypeError, match="expected a date string"):
            parse_date(None)

    def test_comparisons_with_other_types(self):
        """Comparing a date with a non-date is a TypeError, as for builtins."""
        with pytest.raises(TypeError):
            _ = PartialDate(2013) < 5  # type: ignore[operator]
        assert PartialDate(2013) <= PartialDate(2013)
        assert PartialDate(2014) >= PartialDate(2013)
        assert PartialDate(2014) > PartialDate(2013)


class TestDatesPeopleType:
    """`as_date` reads the dates people type, for the date criteria: python-dateutil parses the plain ones."""

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("2022", "2022"),
            ("2022-09", "2022-09"),
            ("2022-09-12", "2022-09-12"),
            (" 2022-09-12 ", "2022-09-12"),
            ("2021-08-31/2022-09-01", "2021-08-31/2022-09-01"),
            ("Sept 2022", "2022-09"),
            ("September 2022", "2022-09"),
            ("12 September 2022", "2022-09-12"),
            ("September 12, 2022", "2022-09-12"),
            ("2021-08-31/Sept 2022", "2021-08-31/2022-09"),
            ("of 2022", "2022"),
            (datetime.date(2022, 9, 12), "2022-09-12"),
            (datetime.datetime(2022, 9, 12, 15, 30), "2022-09-12"),
            (PartialDate(2013, 5), "2013-05"),
            (DateRange.parse("2021-08-31/2022-09-12"), "2021-08-31/2022-09-12"),
        ],
    )
    def test_forms_that_work(self, value, expected):
        """ISO/EDTF text, plain English dates, dates and spans keep the precision typed."""
        assert str(as_date(value)) == expected

    @pytest.mark.parametrize(
        ("value", "why"),
        [
            ("September", "'September' has no four-digit year"),
            ("1 Jan 0001", "'1 Jan 0001' has no four-digit year"),
            ("05/2013", "'05' has no four-digit year"),
            ("01/02/2022", "'01' has no four-digit year"),
            ("/2022", "'' is not a date"),
            ("٢٠٢٢", "'٢٠٢٢' is not a date"),
            ("2022\x00", "'2022\\x00' is not a date"),
            ("Sept S", "'Sept S' is not a date"),
            ("yesterday-ish", "'yesterday-ish' is not a date"),
            ("", "'' is not a date"),
            ("2022-02-30", "'2022-02-30' is not a calendar date"),
            ("2022-09-12/2021-01-01", "a span must not end (2021-01-01) before it starts (2022-09-12)"),
        ],
    )
    def test_text_that_is_no_date(self, value, why):
        """A ValueError that quotes the text, says why, and shows the forms that work."""
        with pytest.raises(ValueError, match="expected a date like '2022-09-12'") as info:
            as_date(value)

        assert f"got {value!r} ({why})" in str(info.value)
        assert "'Sept 2022'" in str(info.value)

    @pytest.mark.parametrize("value", [2022, 2022.0, None, ["2022"]])
    def test_other_types(self, value):
        """Anything but a date, a PartialDate, a DateRange or text is a TypeError naming what works."""
        with pytest.raises(TypeError, match=f"expected a date like .*; got {type(value).__name__}"):
            as_date(value)
