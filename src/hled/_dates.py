"""Dates known to the year, month or day, and spans of them."""

from __future__ import annotations

import datetime
import re
from typing import Any, Literal, TypeAlias

import attrs

__all__ = [
    "Date",
    "DateRange",
    "PartialDate",
    "Precision",
    "as_date",
    "as_span",
    "as_window",
    "days_meet",
    "is_date_type",
    "parse_date",
]

Precision: TypeAlias = Literal["year", "month", "day"]

_PARTIAL = re.compile(r"(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?")  # ASCII digits only
_FORMS = "YYYY, YYYY-MM, YYYY-MM-DD or START/END"


def _check_month(inst: PartialDate, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not 1 <= value <= 12:
        msg = f"month must be 1 to 12, got {value!r}"
        raise ValueError(msg)


def _check_day(inst: PartialDate, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if inst.month is None:
        msg = f"a day ({value!r}) needs a month"
        raise ValueError(msg)
    try:
        datetime.date(inst.year, inst.month, value)
    except ValueError:
        msg = f"{inst.year:04d}-{inst.month:02d} has no day {value!r}"
        raise ValueError(msg) from None


def _check_year(inst: PartialDate, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not int:
        msg = f"year must be an int, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    if not 1 <= value <= 9999:
        msg = f"year must be 1 to 9999, got {value!r}"
        raise ValueError(msg)


class _Ordered:
    """Ordering shared by PartialDate and DateRange: by start, then by end."""

    __slots__ = ()

    def _key(self) -> tuple[int, ...]:
        raise NotImplementedError

    def __lt__(self, other: object) -> bool:
        if isinstance(other, _Ordered):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other: object) -> bool:
        if isinstance(other, _Ordered):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other: object) -> bool:
        if isinstance(other, _Ordered):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other: object) -> bool:
        if isinstance(other, _Ordered):
            return self._key() >= other._key()
        return NotImplemented


@attrs.frozen(order=False, repr=False)
class PartialDate(_Ordered):
    """A calendar date known to the year, the month or the day.

    Examples:
        >>> d = PartialDate(2013, 5)
        >>> str(d), d.precision, d.years
        ('2013-05', 'month', (2013,))
        >>> PartialDate.parse("2021-09-09") > d
        True
    """

    year: int = attrs.field(validator=_check_year)
    month: int | None = attrs.field(default=None, validator=_check_month)
    day: int | None = attrs.field(default=None, validator=_check_day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, keeping the precision.

        Raises:
            TypeError: *text* is not a string.
            ValueError: *text* is not one of those forms or not a calendar date.
        """
        if not isinstance(text, str):
            msg = f"expected a date string, got {type(text).__name__} {text!r}"
            raise TypeError(msg)
        match = _PARTIAL.fullmatch(text)
        if match is None:
            msg = f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}"
            raise ValueError(msg)
        year, month, day = match.group("year", "month", "day")
        if day is not None:
            try:
                datetime.date(int(year), int(month), int(day))
            except ValueError:
                msg = f"{text!r} is not a calendar date"
                raise ValueError(msg) from None
        return cls(int(year), None if month is None else int(month), None if day is None else int(day))

    @property
    def precision(self) -> Precision:
        """How much of the date is known: ``"year"``, ``"month"`` or ``"day"``."""
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    @property
    def start(self) -> PartialDate:
        """The date itself, so a PartialDate answers like a one-point span."""
        return self

    @property
    def end(self) -> PartialDate:
        """The date itself, so a PartialDate answers like a one-point span."""
        return self

    @property
    def years(self) -> tuple[int, ...]:
        """Every year the date touches: just its own."""
        return (self.year,)

    @property
    def earliest(self) -> datetime.date:
        """The first calendar day the date could be."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> datetime.date:
        """The last calendar day the date could be."""
        if self.day is not None:
            return self.earliest
        if self.month is None:
            return datetime.date(self.year, 12, 31)
        nxt = datetime.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return nxt - datetime.timedelta(days=1)

    def _key(self) -> tuple[int, ...]:
        # a span's key continues its start's (see DateRange._key): a day sorts before the spans it starts
        return (self.year, self.month or 0, self.day or 0)

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __repr__(self) -> str:
        known = [f"year={self.year}", *(f"{n}={v}" for n, v in (("month", self.month), ("day", self.day)) if v)]
        return f"PartialDate({', '.join(known)})"


def _check_span(inst: DateRange, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, PartialDate):
        msg = f"end must be a PartialDate, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    if value.latest < inst.start.earliest:
        msg = f"a span must not end ({value}) before it starts ({inst.start})"
        raise ValueError(msg)


def _check_start(inst: DateRange, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, PartialDate):
        msg = f"start must be a PartialDate, got {type(value).__name__} {value!r}"
        raise TypeError(msg)


@attrs.frozen(order=False, repr=False)
class DateRange(_Ordered):
    """A span between two partial dates, both ends included.

    Examples:
        >>> span = DateRange.parse("2021-08-31/2022-09-12")
        >>> span.year, span.years
        (2021, (2021, 2022))
    """

    start: PartialDate = attrs.field(validator=_check_start)
    end: PartialDate = attrs.field(validator=_check_span)

    @classmethod
    def parse(cls, text: str) -> DateRange:
        """Parse ``START/END``, each end in a form `PartialDate.parse` accepts."""
        if not isinstance(text, str):
            msg = f"expected a date span string, got {type(text).__name__} {text!r}"
            raise TypeError(msg)
        start, sep, end = text.partition("/")
        if not sep:
            msg = f"expected START/END, got {text!r}"
            raise ValueError(msg)
        try:
            first, last = PartialDate.parse(start), PartialDate.parse(end)
        except ValueError as exc:  # quote the whole span, not the end that failed ("05" of "05/2013")
            msg = f"expected a span START/END of dates YYYY, YYYY-MM or YYYY-MM-DD, got {text!r} ({exc})"
            raise ValueError(msg) from None
        return cls(first, last)

    @property
    def year(self) -> int:
        """The first year of the span."""
        return self.start.year

    @property
    def years(self) -> tuple[int, ...]:
        """Every year the span touches, in order."""
        return tuple(range(self.start.year, self.end.year + 1))

    @property
    def precision(self) -> Precision:
        """The precision of the span's start."""
        return self.start.precision

    @property
    def earliest(self) -> datetime.date:
        """The first calendar day of the span."""
        return self.start.earliest

    @property
    def latest(self) -> datetime.date:
        """The last calendar day of the span."""
        return self.end.latest

    def _key(self) -> tuple[int, ...]:
        return (*self.start._key(), *self.end._key())

    def __str__(self) -> str:
        return f"{self.start}/{self.end}"

    def __repr__(self) -> str:
        return f"DateRange(start={self.start!r}, end={self.end!r})"


Date: TypeAlias = PartialDate | DateRange


def is_date_type(t: Any) -> bool:
    """Whether a field type holds a date: `PartialDate`, `DateRange`, either, or either or None."""
    members = [a for a in getattr(t, "__args__", None) or (t,) if a is not type(None)]
    return bool(members) and all(m in (PartialDate, DateRange) for m in members)


def parse_date(text: Any) -> Date:
    """Parse a date or a span in the EDTF level 0 form the data files use.

    Examples:
        >>> parse_date("2014")
        PartialDate(year=2014)
        >>> parse_date("2022-08-31/2022-09-01")
        DateRange(start=PartialDate(year=2022, month=8, day=31), end=PartialDate(year=2022, month=9, day=1))

    Raises:
        TypeError: *text* is not a string.
        ValueError: *text* is not a date or span of the accepted forms.
    """
    if not isinstance(text, str):
        msg = f"expected a date string ({_FORMS}), got {type(text).__name__} {text!r}"
        raise TypeError(msg)
    if "/" in text:
        return DateRange.parse(text)
    return PartialDate.parse(text)


_TYPED = (
    "a date like '2022-09-12', '2022-09', '2022', 'Sept 2022' or '12 September 2022', "
    "or a span like '2021-08-31/2022-09-01'"
)
# two defaults that differ in every field: a field dateutil filled from the default was not typed
_DEFAULTS = (datetime.datetime(1, 1, 1), datetime.datetime(2, 2, 2))


def as_date(value: object) -> Date:
    """Read a date or span as people give one: a `datetime.date`, a `PartialDate`, a `DateRange`, or text.

    Text is the EDTF form of the data files (``2022``, ``2022-09``, ``2022-09-12``,
    ``2021-08-31/2022-09-01``) or a plain English date that python-dateutil reads
    (``Sept 2022``, ``12 September 2022``), keeping the precision typed: a month
    without a day is that whole month. A span's ends may take either form.

    Examples:
        >>> [str(as_date(text)) for text in ("Sept 2022", "12 September 2022", "2021-08-31/Sept 2022")]
        ['2022-09', '2022-09-12', '2021-08-31/2022-09']

    Raises:
        TypeError: *value* is none of those types.
        ValueError: the text is not a date; the message shows the forms that work.
    """
    if isinstance(value, (PartialDate, DateRange)):
        return value
    if isinstance(value, datetime.date):
        return PartialDate(value.year, value.month, value.day)
    if not isinstance(value, str):
        msg = f"expected {_TYPED}; got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    start, sep, end = value.partition("/")  # a slash is always a span: "05/2013" would be ambiguous
    try:
        return DateRange(_one(start), _one(end)) if sep else _one(value)
    except ValueError as exc:
        msg = f"expected {_TYPED}; got {value!r} ({exc})"
        raise ValueError(msg) from None


def as_span(value: object) -> tuple[datetime.date, datetime.date]:
    """The first and last calendar days of a date or span as people give one (see `as_date`).

    A partial date stands for every day it may be: ``"2022"`` is 2022-01-01 to 2022-12-31.

    Examples:
        >>> [str(day) for day in as_span("Sept 2022")]
        ['2022-09-01', '2022-09-30']

    Raises:
        ValueError: *value* is not a date of any of those forms, whatever its type;
            the message shows the forms that work.
    """
    try:
        found = as_date(value)
    except TypeError as exc:
        raise ValueError(str(exc)) from None
    return found.earliest, found.latest


def days_meet(a: tuple[datetime.date, datetime.date] | None, b: tuple[datetime.date, datetime.date]) -> bool:
    """Whether two spans of days (first, last), both inclusive, share a day; None shares none."""
    return a is not None and a[0] <= b[1] and b[0] <= a[1]


def as_window(value: object) -> tuple[datetime.date, datetime.date]:
    """The days from the first of a ``(START, END)`` pair to the last of it, either end None for open.

    Examples:
        >>> [str(day) for day in as_window(("2021-09", None))]
        ['2021-09-01', '9999-12-31']

    Raises:
        ValueError: *value* is not a pair, or an end is not a date, or the end is before the start.
    """
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        msg = f"expected a pair (START, END) like ('2021-09', '2022-09-12'), either end None for open; got {value!r}"
        raise ValueError(msg)
    first = datetime.date.min if value[0] is None else as_span(value[0])[0]
    last = datetime.date.max if value[1] is None else as_span(value[1])[1]
    if last < first:
        msg = f"the end of {value!r} is before its start; give (START, END) with START first"
        raise ValueError(msg)
    return first, last


def _one(text: str) -> PartialDate:
    text = text.strip()
    if _PARTIAL.fullmatch(text):
        return PartialDate.parse(text)
    if not text.isascii() or not text.isprintable() or not text:
        msg = f"{text!r} is not a date"
        raise ValueError(msg)
    from dateutil.parser import parse  # only for typed dates: the data files' form needs no parser

    try:  # ignoretz: a stray word is no time zone to warn about
        first, second = (parse(text, default=default, ignoretz=True) for default in _DEFAULTS)
    except (ValueError, OverflowError):
        msg = f"{text!r} is not a date"
        raise ValueError(msg) from None
    if first.year != second.year or str(first.year) not in text:  # "1 Jan 0001" is not 2001
        msg = f"{text!r} has no four-digit year"
        raise ValueError(msg)
    if first.month != second.month:
        return PartialDate(first.year)
    return PartialDate(first.year, first.month, first.day if first.day == second.day else None)
