"""The one private cattrs converter: strict structuring and JSON-ready unstructuring.

Records reference each other by id in the data files. While a dataset is being
built, `resolving` holds the tables of records already built, and the structure
hook of every record type turns an id into the record (or fails with a message
naming the id). Top-level records are structured by `structure_record`, which
uses the generated dict hook directly, so the same class can be both a
top-level record (a JSON object) and a reference (a string).
"""

from __future__ import annotations

import contextvars
import functools
import re
import typing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Literal, TypeVar, get_args, get_origin

import attrs

from hled._dates import Date, DateRange, PartialDate, parse_date
from hled._fast import Tables, _structure_decimal
from hled._model import FieldProblem, Record
from hled._structurers import FAMILIES, STRUCTURERS

if typing.TYPE_CHECKING:
    import cattrs  # imported where used: valid data is structured without it (see `hled._fast`)

    from hled._agenda import Pillar, Workstream

__all__ = [
    "clip",
    "converter",
    "describe",
    "resolving",
    "structure_record",
    "unstructure_record",
]

_T = TypeVar("_T")
_R = TypeVar("_R", bound=Record)


class _Context:
    __slots__ = ("broken", "tables")

    def __init__(self, tables: Tables, broken: dict[type, set[str]]):
        self.tables = tables
        self.broken = broken


_CONTEXT: contextvars.ContextVar[_Context] = contextvars.ContextVar("hled_resolving")


@contextmanager
def resolving(tables: Tables, broken: dict[type, set[str]]) -> Iterator[None]:
    """Resolve references against *tables* (record type -> id -> record) inside the block."""
    token = _CONTEXT.set(_Context(tables, broken))
    try:
        yield
    finally:
        _CONTEXT.reset(token)


def kind_of(cls: type) -> str:
    """The singular, lowercase name users know a record type by."""
    return cls.__name__.lower()


@functools.cache
def _unprintable() -> re.Pattern[str]:
    # C0 and C1 control characters, and the halves of surrogate pairs that JSON escapes can produce
    # but UTF-8 cannot encode (a dataset holding one could be neither hashed nor exported).
    # Compiled on first need: it costs a third of a megabyte, and printable text never needs it.
    return re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _strict(kind: type[_T]) -> Callable[[Any, type], _T]:
    def hook(value: Any, _: type) -> _T:
        if type(value) is not kind:  # bool is an int to Python, not to JSON
            msg = f"expected {kind.__name__}, got {type(value).__name__} {value!r}"
            raise TypeError(msg)
        # all of those are Unicode "Other" (Cc, Cs), so printable text holds none of them
        if isinstance(value, str) and not value.isprintable() and _unprintable().search(value):
            msg = f"expected text without control characters or lone surrogates, got {value!r}"
            raise ValueError(msg)
        result: _T = value
        return result

    return hook


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


def _ref_hook(cls: type[_R]) -> Callable[[Any, type], _R]:
    kind = kind_of(cls)

    def hook(value: Any, _: type) -> _R:
        if type(value) is not str:
            msg = f"expected the id of a {kind} (a string), got {type(value).__name__} {value!r}"
            raise TypeError(msg)
        ctx = _CONTEXT.get()
        found = ctx.tables.get(cls, {}).get(value)
        if found is None:
            if value in ctx.broken.get(cls, ()):
                msg = f"{kind} {value!r} is itself invalid (see its own problems)"
            else:
                msg = f"no {kind} with id {value!r}"
            raise ValueError(msg)
        return typing.cast("_R", found)

    return hook


def _structure_stage(value: Any, _: type) -> Pillar | Workstream:
    from hled._agenda import Pillar, Workstream

    if type(value) is not str:
        msg = f"expected the id of a pillar or workstream, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    ctx = _CONTEXT.get()
    found = ctx.tables.get(Pillar, {}).get(value) or ctx.tables.get(Workstream, {}).get(value)
    if found is None:
        for cls in (Pillar, Workstream):
            if value in ctx.broken.get(cls, ()):
                msg = f"{kind_of(cls)} {value!r} is itself invalid (see its own problems)"
                raise ValueError(msg)
        msg = f"no pillar or workstream with id {value!r}"
        raise ValueError(msg)
    return typing.cast("Pillar | Workstream", found)


def _is_tuple(t: Any) -> bool:
    return get_origin(t) is tuple


def _tuple_factory(t: Any, conv: cattrs.Converter) -> Callable[[Any, type], tuple[Any, ...]]:
    args = get_args(t)
    list_hook = conv.get_structure_hook(list[args[0]])  # type: ignore[valid-type]

    def hook(value: Any, _: type) -> tuple[Any, ...]:
        if type(value) is not list:
            msg = f"expected a list, got {type(value).__name__} {value!r}"
            raise TypeError(msg)
        return tuple(list_hook(value, list))

    return hook


@functools.cache
def converter() -> cattrs.Converter:
    """Build (once) the converter every load and every export uses."""
    from decimal import Decimal

    import cattrs
    from cattrs.gen import make_dict_structure_fn

    from hled._agenda import Pillar, Workstream
    from hled._records import RECORD_TYPES, VALUE_TYPES

    for cls in (*RECORD_TYPES, *VALUE_TYPES):
        attrs.resolve_types(cls)
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    for kind in (str, int, bool):
        conv.register_structure_hook(kind, _strict(kind))
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_structure_hook_func(_is_date, _structure_date)
    conv.register_structure_hook_func(_is_optional_date, _structure_optional_date)
    conv.register_structure_hook_func(_is_literal, _structure_literal)
    conv.register_structure_hook(Pillar | Workstream, _structure_stage)
    conv.register_structure_hook_factory(_is_tuple, _tuple_factory)
    for cls in RECORD_TYPES:
        conv.register_structure_hook(cls, _ref_hook(cls))
        conv.register_unstructure_hook(cls, _unstructure_ref)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_unstructure_hook_func(_is_date, str)
    conv.register_unstructure_hook(Pillar | Workstream, _unstructure_ref)
    for cls in VALUE_TYPES:
        conv.register_structure_hook(
            cls, _object(cls, make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True))
        )
        conv.register_unstructure_hook(cls, _omitting(cls, conv))
    return conv


def _object(cls: type[_T], inner: Callable[[Any, type], _T]) -> Callable[[Any, type], _T]:
    """Check that a value type's data is a JSON object before cattrs reads its keys."""

    def hook(value: Any, _: type) -> _T:
        if type(value) is not dict:
            msg = f"expected a JSON object ({cls.__name__}), got {type(value).__name__} {value!r}"
            raise TypeError(msg)
        return inner(value, cls)

    return hook


def _unstructure_ref(record: Record) -> str:
    return record.id


def _omitting(cls: type, conv: cattrs.Converter) -> Callable[[Any], dict[str, Any]]:
    """An unstructure hook that leaves out fields holding their default, keeping the model's field order."""
    from cattrs.gen import make_dict_unstructure_fn, override

    fields = attrs.fields(cls)
    order = [f.name for f in fields if f.init]
    overrides = {f.name: override(omit_if_default=True) for f in fields if f.default is not attrs.NOTHING}
    inner: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(cls, conv, **overrides)  # type: ignore[arg-type]

    def hook(value: Any) -> dict[str, Any]:
        raw = inner(value)
        return {name: raw[name] for name in order if name in raw}

    return hook


_STRUCTURERS: dict[type, Callable[[Any, type], Any]] = {}
_UNSTRUCTURERS: dict[tuple[type, bool], Callable[[Any], dict[str, Any]]] = {}


def _record_structurer(cls: type[_R]) -> Callable[[Any, type], _R]:
    hook = _STRUCTURERS.get(cls)
    if hook is None:
        from cattrs.gen import make_dict_structure_fn

        hook = _STRUCTURERS[cls] = make_dict_structure_fn(cls, converter(), _cattrs_forbid_extra_keys=True)
    return hook


def _record_unstructurer(cls: type, omit_defaults: bool) -> Callable[[Any], dict[str, Any]]:
    hook = _UNSTRUCTURERS.get((cls, omit_defaults))
    if hook is None:
        from cattrs.gen import make_dict_unstructure_fn

        conv = converter()
        hook = _omitting(cls, conv) if omit_defaults else make_dict_unstructure_fn(cls, conv)
        _UNSTRUCTURERS[cls, omit_defaults] = hook
    return hook


def structure_record(raw: Any, cls: type[_R]) -> _R:
    """Structure one JSON object into a record of *cls*, resolving its references."""
    if type(raw) is not dict:
        msg = f"expected a JSON object, got {type(raw).__name__} {raw!r}"
        raise TypeError(msg)
    record = _fast_structure(raw, cls)
    if record is not None:
        return record
    return _record_structurer(cls)(raw, cls)


def unstructure_record(record: Record, *, omit_defaults: bool = False) -> dict[str, Any]:
    """Turn a record into JSON-ready data: references become ids, dates and money strings."""
    return _record_unstructurer(type(record), omit_defaults)(record)


def structure_value(raw: Any, cls: type[_T]) -> _T:
    """Structure a value type (for example `CrosswalkLink`) with the shared converter."""
    value = _fast_structure(raw, cls)
    if value is not None:
        return value
    return converter().structure(raw, cls)


def _fast_structure(raw: Any, cls: type[_T]) -> _T | None:
    """Structure valid data without cattrs (`hled._fast`); None when the converter must decide."""
    function = fast_function(cls)
    try:
        value: _T = function(raw, _CONTEXT.get().tables)
    except Exception:  # whatever it is, the converter decides and writes the message
        return None
    return value


def fast_function(cls: type) -> Callable[[Any, Tables], Any]:
    """The fast path's function for the model class *cls* (see `hled._structurers`)."""
    function = _FAST.get(cls)
    if function is None:
        _FAST.update(FAMILIES[cls.__module__]())  # the same functions whichever thread gets here first
        function = _FAST[cls]
    return function


# the fast path's function of each model class, those of a deferred model module added on first use
_FAST: dict[type, Callable[[Any, Tables], Any]] = dict(STRUCTURERS)


def unstructure_value(value: Any) -> Any:
    """Unstructure a value type (for example `CrosswalkLink`) with the shared converter."""
    return converter().unstructure(value)


FIELD_MARK = " @@"  # `describe` ends a validator's message with this and the field; `_build` moves it into the path


def describe(exc: BaseException, type_: type | None) -> str:
    """Our own messages for cattrs' `transform_error`: they already say what was expected."""
    import cattrs

    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        keys = ", ".join(repr(k) for k in sorted(exc.extra_fields))
        allowed = ", ".join(f.name for f in attrs.fields(exc.cl) if f.init)
        return clip(f"unknown field(s) {keys}; {exc.cl.__name__} fields are: {allowed}")
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, FieldProblem):
        return f"{clip(exc.args[0])}{FIELD_MARK}{exc.field}"
    if isinstance(exc, (TypeError, ValueError)) and exc.args and isinstance(exc.args[0], str):
        return clip(exc.args[0])
    return clip(cattrs.v.format_exception(exc, type_))


def clip(text: str, limit: int = 300) -> str:
    """Shorten a message quoting a huge value, so one bad field cannot make a megabyte of error."""
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text):,} characters)"
