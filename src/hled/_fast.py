"""Structuring valid records without cattrs: the fast path of `hled._convert.structure_record`.

Nearly all data is valid: the bundled data always, a user's directory almost
always. For valid data, cattrs' generated code does nothing that the leaf hooks
of `hled._convert` (strict str, int and bool, decimals, references) and a few
generic rules (objects with known keys, lists, optionals, literals) cannot do,
and importing cattrs and generating that code costs more than building every
record. So each record is first structured here. This path is never more
lenient than the converter: whatever it does not recognise (a type, a key, a
value, a date it cannot vouch for) raises, and the caller then runs the
converter on that record, which alone accepts, rejects and writes the messages.
"""

from __future__ import annotations

import datetime
import types
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Literal, Union, get_args, get_origin

import attrs

from hled._convert import (
    _VALUE_TYPES,
    _is_date,
    _is_optional_date,
    _is_tuple,
    _ref_hook,
    _strict,
    _structure_decimal,
    _structure_stage,
)
from hled._dates import _PARTIAL, DateRange, PartialDate
from hled._model import RECORD_TYPES, Pillar, Workstream

__all__ = ["Unsure", "record_structurer", "structurer"]

Hook = Callable[[Any, Any], Any]  # (value, type) -> structured, as the converter's hooks
_NONE = type(None)


class Unsure(Exception):
    """The fast path cannot vouch for this value; the converter must decide."""


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


def _date(value: Any, _: Any = None) -> PartialDate | DateRange:
    if type(value) is not str:
        raise Unsure
    start, sep, end = value.partition("/")
    if sep:
        return DateRange(_partial(start), _partial(end))
    return _partial(value)


def _optional_date(value: Any, _: Any = None) -> PartialDate | DateRange | None:
    return None if value is None else _date(value)


_HOOKS: dict[Any, Hook] = {}


def structurer(t: Any) -> Hook:
    """Return (and keep) the fast structuring function for type *t*, called as ``hook(value, t)``.

    Raises:
        Unsure: *t* is a type this module does not know how the converter treats.
    """
    found = _HOOKS.get(t)
    if found is None:
        found = _HOOKS[t] = _make(t)
    return found


def _make(t: Any) -> Hook:
    if t is str or t is int or t is bool:
        return _strict(t)
    if t is Decimal:
        return _structure_decimal
    if _is_date(t):
        return _date
    if _is_optional_date(t):
        return _optional_date
    if t in RECORD_TYPES:
        return _ref_hook(t)
    if t in _VALUE_TYPES():
        return _object(t)
    origin, args = get_origin(t), get_args(t)
    if origin is Literal:
        return _literal(args)
    if origin is Union or origin is types.UnionType:
        if set(args) == {Pillar, Workstream}:
            return _structure_stage
        if len(args) == 2 and _NONE in args:
            kind = args[0] if args[1] is _NONE else args[1]
            inner = structurer(kind)
            return lambda value, _: None if value is None else inner(value, kind)
    if _is_tuple(t) and len(args) == 2 and args[1] is Ellipsis:
        return _sequence(structurer(args[0]), args[0])
    raise Unsure(t)


def _literal(allowed: tuple[Any, ...]) -> Hook:
    def hook(value: Any, _: Any) -> Any:
        for choice in allowed:
            if type(value) is type(choice) and value == choice:
                return value
        raise Unsure

    return hook


def _sequence(item: Hook, kind: Any) -> Hook:
    def hook(value: Any, _: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            raise Unsure
        return tuple([item(v, kind) for v in value])

    return hook


def _object(cls: type) -> Hook:
    """Structure a JSON object into *cls*: only keys naming its init fields, every required one present."""
    attrs.resolve_types(cls)
    fields = [f for f in attrs.fields(cls) if f.init]
    known = {f.name: (f.alias or f.name, structurer(f.type), f.type) for f in fields}
    required = frozenset(f.name for f in fields if f.default is attrs.NOTHING)

    def hook(raw: Any, _: Any) -> Any:
        if type(raw) is not dict or not raw.keys() >= required:
            raise Unsure
        kwargs = {}
        for name, value in raw.items():
            alias, structure, kind = known[name]  # KeyError on an unknown key: the converter decides
            kwargs[alias] = structure(value, kind)
        return cls(**kwargs)

    return hook


def record_structurer(cls: type) -> Hook:
    """Return the fast structuring function of a top-level record (a JSON object) of *cls*."""
    found = _HOOKS.get((cls,))
    if found is None:
        found = _HOOKS[cls,] = _object(cls)
    return found
