"""The detailed cattrs converter: every problem of a record that the quick path (`hled._structure`) rejected.

It structures a record with cattrs' detailed validation, so each problem comes with
its path (``$.amounts[0].currency``), and `describe` words it. Its hooks apply the
rules `hled._structure` applies, here with a message for each way a value can be
wrong. Valid data never reaches it: it is imported on the first invalid record.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Literal, TypeVar, cast, get_args, get_origin

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn

from hled._agenda import Pillar, Workstream
from hled._dates import Date, DateRange, PartialDate, parse_date
from hled._record import FieldProblem, Record, clip, kind_of
from hled._structure import is_value_type, plain_decimal, printable, suggesting, table

__all__ = ["FIELD_MARK", "ConverterDisagreement", "describe", "structure"]

_T = TypeVar("_T")


class ConverterDisagreement(RuntimeError):
    """The quick path rejected a record that the detailed converter accepts: a bug in hled, to be reported."""


def _strict(kind: type[_T]) -> Callable[[Any, type], _T]:
    def hook(value: Any, _: type) -> _T:
        if type(value) is not kind:  # bool is an int to Python, not to JSON
            msg = f"expected {kind.__name__}, got {type(value).__name__} {value!r}"
            raise TypeError(msg)
        if isinstance(value, str) and not printable(value):
            msg = f"expected text without control characters or lone surrogates, got {value!r}"
            raise ValueError(msg)
        result: _T = value
        return result

    return hook


def _structure_decimal(value: Any, _: type) -> Decimal:
    if type(value) is not str:
        msg = f"expected a decimal string like '474000000', got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    if not plain_decimal(value):
        msg = f"expected a decimal string like '474000000', got {value!r}"
        raise ValueError(msg)
    return Decimal(value)


def _structure_date(value: Any, _: type) -> Date | None:
    return parse_date(value)


def _structure_optional_date(value: Any, _: type) -> Date | None:
    return None if value is None else parse_date(value)


def _is_date(t: Any) -> bool:
    return t in (Date, PartialDate, DateRange)


def _is_optional_date(t: Any) -> bool:
    return bool(t == (Date | None))


def _is_literal(t: Any) -> bool:
    return get_origin(t) is Literal


def _structure_literal(value: Any, t: Any) -> Any:
    # cattrs' own check is `value in choices`, and 1 == True to Python: compare types too
    choices = get_args(t)
    for choice in choices:
        if type(value) is type(choice) and value == choice:
            return value
    msg = f"expected one of {', '.join(map(repr, choices))}, got {type(value).__name__} {value!r}"
    raise ValueError(msg)


def _find(value: Any, classes: tuple[type, ...], what: str) -> Any:
    """The record of one of *classes* with the id *value*, from the tables being built."""
    if type(value) is not str:
        msg = f"expected the id of {what} (a string), got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    for cls in classes:
        found = table(cls)[0].get(value)
        if found is not None:
            return found
    for cls in classes:
        if value in table(cls)[1]:
            msg = f"{kind_of(cls)} {value!r} is itself invalid (see its own problems)"
            raise ValueError(msg)
    known = [rid for cls in classes for rid in table(cls)[0]]
    near = difflib.get_close_matches(value, known, n=3, cutoff=0.6) if suggesting() else []
    hint = f"; did you mean {', '.join(map(repr, near))}?" if near else ""
    msg = f"no {what.removeprefix('a ')} with id {value!r}{hint}"
    raise ValueError(msg)


def _is_record_type(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, Record)


def _ref_hook(cls: type) -> Callable[[Any, type], Any]:
    what = f"a {kind_of(cls)}"
    return lambda value, _: _find(value, (cls,), what)


def _structure_stage(value: Any, _: type) -> Pillar | Workstream:
    found: Pillar | Workstream = _find(value, (Pillar, Workstream), "a pillar or workstream")
    return found


def _is_tuple(t: Any) -> bool:
    return get_origin(t) is tuple


def _tuple_factory(t: Any, conv: cattrs.Converter) -> Callable[[Any, type], tuple[Any, ...]]:
    list_hook = conv.get_structure_hook(list[get_args(t)[0]])  # type: ignore[misc]

    def hook(value: Any, _: type) -> tuple[Any, ...]:
        if type(value) is not list:
            msg = f"expected a list, got {type(value).__name__} {value!r}"
            raise TypeError(msg)
        return tuple(list_hook(value, list))

    return hook


def _object(cls: type[_T], inner: Callable[[Any, type], _T]) -> Callable[[Any, type], _T]:
    """Check that a value type's data is a JSON object before cattrs reads its keys."""

    def hook(value: Any, _: type) -> _T:
        if type(value) is not dict:
            msg = f"expected a JSON object ({cls.__name__}), got {type(value).__name__} {value!r}"
            raise TypeError(msg)
        return inner(value, cls)

    return hook


_CONVERTER = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
for _kind in (str, int, bool):
    _CONVERTER.register_structure_hook(_kind, _strict(_kind))
_CONVERTER.register_structure_hook(Decimal, _structure_decimal)
_CONVERTER.register_structure_hook_func(_is_date, _structure_date)
_CONVERTER.register_structure_hook_func(_is_optional_date, _structure_optional_date)
_CONVERTER.register_structure_hook_func(_is_literal, _structure_literal)
_CONVERTER.register_structure_hook(Pillar | Workstream, _structure_stage)
_CONVERTER.register_structure_hook_factory(_is_tuple, _tuple_factory)
_CONVERTER.register_structure_hook_factory(_is_record_type, _ref_hook)
_CONVERTER.register_structure_hook_factory(
    is_value_type, lambda cls: _object(cls, make_dict_structure_fn(cls, _CONVERTER, _cattrs_forbid_extra_keys=True))
)


@functools.cache
def _record_hook(cls: Any) -> Callable[[Any, type], Any]:
    return make_dict_structure_fn(cls, _CONVERTER, _cattrs_forbid_extra_keys=True)


def structure(raw: Any, cls: type[_T]) -> _T:
    """Structure a record or value of *cls* from its JSON object, raising cattrs' detailed errors."""
    if issubclass(cls, Record):  # a record type's own hook reads an id: a top-level record is an object
        if type(raw) is not dict:
            msg = f"expected a JSON object, got {type(raw).__name__} {raw!r}"
            raise TypeError(msg)
        structured: _T = _record_hook(cast("type", cls))(raw, cls)
        return structured
    return _CONVERTER.structure(raw, cls)


FIELD_MARK = " @@"  # `describe` ends a validator's message with this and the field; `_build` moves it into the path


def describe(exc: BaseException, type_: type | None) -> str:
    """Our own messages for cattrs' `transform_error`: they already say what was expected."""
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        keys = ", ".join(repr(k) for k in sorted(exc.extra_fields))
        allowed = ", ".join(f.name for f in attrs.fields(exc.cl))
        return clip(f"unknown field(s) {keys}; {exc.cl.__name__} fields are: {allowed}")
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, FieldProblem):
        return f"{clip(exc.args[0])}{FIELD_MARK}{exc.field}"
    if isinstance(exc, (TypeError, ValueError)) and exc.args and isinstance(exc.args[0], str):
        return clip(exc.args[0])
    return clip(cattrs.v.format_exception(exc, type_))
