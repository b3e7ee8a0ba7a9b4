"""Structuring valid records without cattrs: the fast path of `hled._convert.structure_record`.

Nearly all data is valid: the bundled data always, a user's directory almost
always. For valid data, cattrs' generated code does nothing that a few strict
leaf checks cannot do, and importing cattrs and generating that code costs more
than building every record. So each record is first structured by a function
of `hled._structurers`, written ahead of time from the model by
``scripts/make_structurers.py`` out of the helpers below. This path is never
more lenient than the converter: whatever it does not recognise (a type, a key,
a value, a date it cannot vouch for) raises, and the caller then runs the
converter on that record, which alone accepts, rejects and writes the messages.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from hled._dates import _PARTIAL, DateRange, PartialDate
from hled._model import Citation

if TYPE_CHECKING:
    from decimal import Decimal

    from hled._agenda import Pillar, Workstream

__all__ = ["Tables", "Unsure"]

# record type -> id -> record, as `hled._convert.resolving` holds them (and `_citations` keeps its shared ones)
Tables = dict[type, dict[str, Any]]


class Unsure(Exception):
    """The fast path cannot vouch for this value; the converter must decide."""


def _keys(raw: Any, known: frozenset[str]) -> None:
    """Raise unless *raw* is a JSON object whose keys are all field names in *known*.

    A missing required key raises KeyError where the field is read.
    """
    if type(raw) is not dict or not raw.keys() <= known:
        raise Unsure


def _str(value: Any) -> str:
    # printable text holds no control character and no lone surrogate: the converter's check, without its regex
    if type(value) is str and value.isprintable():
        return value
    raise Unsure


def _ostr(value: Any) -> str | None:
    return None if value is None else _str(value)


def _int(value: Any) -> int:
    if type(value) is int:  # bool is an int to Python, not to JSON
        return value
    raise Unsure


def _oint(value: Any) -> int | None:
    return None if value is None else _int(value)


_PLAIN_DECIMAL = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def _structure_decimal(value: Any, _: type) -> Decimal:
    """The converter's hook for `Decimal` (shared with it): a plain decimal string, never a float."""
    return _decimal(value)


def _decimal(value: Any) -> Decimal:
    from decimal import Decimal  # only money needs it: importing it would cost a first lookup 2 % of its time

    if type(value) is not str:
        msg = f"expected a decimal string like '474000000', got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    number = Decimal(value) if _PLAIN_DECIMAL.fullmatch(value) else None  # no exponent, NaN or spaces
    if number is None:
        msg = f"expected a decimal string like '474000000', got {value!r}"
        raise ValueError(msg)
    return number


def _lit(value: Any, allowed: frozenset[str]) -> Any:  # Any: the field's Literal type
    if type(value) is str and value in allowed:
        return value
    raise Unsure


def _olit(value: Any, allowed: frozenset[str]) -> Any:
    return None if value is None else _lit(value, allowed)


def _true(value: Any) -> Any:  # Any: the field's Literal[True]
    if value is True:
        return value
    raise Unsure


def _partial(text: str) -> PartialDate:
    # `PartialDate.parse` without dateutil: for ASCII YYYY-MM-DD, `datetime.date`
    # accepts exactly the days dateutil's `isoparse` accepts; anything else is
    # left to `parse` (and dateutil), which also writes the message.
    match = _PARTIAL.fullmatch(text)
    if match is None or not text.isascii():
        raise Unsure
    year, month, day = match.group("year", "month", "day")
    if day is not None:
        datetime.date(int(year), int(month), int(day))
    return PartialDate(int(year), None if month is None else int(month), None if day is None else int(day))


def _date(value: Any) -> PartialDate | DateRange:
    if type(value) is not str:
        raise Unsure
    start, sep, end = value.partition("/")
    if sep:
        return DateRange(_partial(start), _partial(end))
    return _partial(value)


def _odate(value: Any) -> PartialDate | DateRange | None:
    return None if value is None else _date(value)


def _strs(value: Any) -> tuple[str, ...]:
    if type(value) is not list:
        raise Unsure
    return tuple([_str(v) for v in value])


def _ref(value: Any, table: dict[str, Any]) -> Any:
    # only strings are ids: anything else is a KeyError (or unhashable, a TypeError) for the converter
    return table[value]


def _oref(value: Any, table: dict[str, Any]) -> Any:
    return None if value is None else table[value]


def _refs(value: Any, table: dict[str, Any]) -> tuple[Any, ...]:
    if type(value) is not list:
        raise Unsure
    return tuple([table[v] for v in value])


def _stage(value: Any, tables: Tables) -> Pillar | Workstream:
    from hled._agenda import Pillar, Workstream

    found: Pillar | None = tables[Pillar].get(value)
    return found if found is not None else tables[Workstream][value]  # a pillar first, as the converter


_NONE: Any = object()  # a key that is in no JSON object


def _citations(value: Any, structure: Callable[[Any, Tables], Any], tables: Tables) -> tuple[Any, ...]:
    """Structure a list of citations, building each distinct (source, locator) once per load.

    Most citations repeat (the bundled data's 983 citations name 250 places), and a
    `Citation` is immutable, so records citing the same place share one object.
    Only citations that structured without doubt are kept: a JSON object with any
    other key has a different size and so never matches a kept one.
    """
    if type(value) is not list:
        raise Unsure
    kept: dict[Any, Any] = tables.setdefault(Citation, {})
    out = []
    for raw in value:
        if type(raw) is not dict:
            raise Unsure
        key = (raw.get("source", _NONE), raw.get("locator", _NONE), len(raw))
        found = kept.get(key)
        if found is None:
            found = kept[key] = structure(raw, tables)
        out.append(found)
    return tuple(out)


def _many(value: Any, structure: Callable[[Any, Tables], Any], tables: Tables) -> tuple[Any, ...]:
    if type(value) is not list:
        raise Unsure
    return tuple([structure(v, tables) for v in value])
