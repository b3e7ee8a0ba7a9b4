"""Records from JSON data and back: the quick structuring of valid data, and unstructuring.

Records reference each other by id in the data files. While a dataset is being
built, `resolving` holds the tables of records already built, and a reference's
id is looked up there.

`structure` reads each field by its annotated type (exact str, int and bool, plain
decimal strings, EDTF dates, literals, ids, lists, nested value objects) and calls
the class, whose validators run. It only takes what it can vouch for and raises on
anything else; it says nothing about why. The loader then asks the detailed cattrs
converter (`hled._convert`), which alone words the problems. The two read the same
annotations by the same rules; a record the quick path rejects and the detailed one
accepts is reported as a bug (`hled._convert.ConverterDisagreement`), never passed over.
cattrs is imported only then, or to word an error: the first query does without it.
"""

from __future__ import annotations

import contextvars
import functools
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any, Literal, TypeVar, cast, get_args, get_origin

import attrs

from hled._dates import DateRange, PartialDate, is_date_type, parse_date
from hled._record import Record

__all__ = [
    "Tables",
    "is_value_type",
    "plain_decimal",
    "printable",
    "resolving",
    "structure",
    "suggesting",
    "table",
    "unstructure",
]

_T = TypeVar("_T")
Tables = dict[type, dict[str, Any]]
_TABLES: contextvars.ContextVar[tuple[Tables, dict[type, set[str]], dict[Any, Any]]] = contextvars.ContextVar(
    "hled_resolving"
)


@contextmanager
def resolving(tables: Tables, broken: dict[type, set[str]]) -> Iterator[None]:
    """Resolve references against *tables* (record type -> id -> record) inside the block.

    *broken* holds the ids of records that failed, so that a reference to one says so. Values
    of one kind given alike (a citation of the same place) are built once within the block.
    """
    token = _TABLES.set((tables, broken, {}))
    try:
        yield
    finally:
        _TABLES.reset(token)


def table(cls: type) -> tuple[dict[str, Any], set[str]]:
    """The records of *cls* built so far by id, and the ids of those that failed."""
    tables, broken, _ = _TABLES.get()
    return tables.get(cls, {}), broken.get(cls, set())


def suggesting() -> bool:
    """Whether a problem may still look for close ids: the first hundred of a build do, the rest would only slow it."""
    shared = _TABLES.get()[2]
    left: int = shared.get(_SUGGESTIONS, 100)
    shared[_SUGGESTIONS] = left - 1
    return left > 0


_SUGGESTIONS = ("suggestions left",)  # a key no value object's can equal: theirs start with a class


def is_value_type(t: Any) -> bool:
    """A type records hold that is itself structured from a JSON object (`Citation`, `Money`, ...)."""
    return isinstance(t, type) and attrs.has(t) and not issubclass(t, (Record, PartialDate, DateRange))


# C0 and C1 control characters, and the halves of surrogate pairs that JSON escapes can produce
# but UTF-8 cannot encode (a dataset holding one could be neither hashed nor exported).
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_PLAIN_DECIMAL = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def printable(value: str) -> bool:
    """Whether a string holds no control character and no lone surrogate (all Unicode "Other": not printable)."""
    return value.isprintable() or not _UNPRINTABLE.search(value)


def plain_decimal(value: str) -> bool:
    """Whether a string is a plain decimal: digits, one optional point, no exponent, NaN or spaces."""
    return bool(_PLAIN_DECIMAL.fullmatch(value))


class _Reject(Exception):
    """The quick path cannot vouch for a value."""


def _exact(kind: type) -> Callable[[Any], Any]:
    def read(value: Any) -> Any:
        if type(value) is not kind or (type(value) is str and not printable(value)):
            raise _Reject
        return value

    return read


def _decimal(value: Any) -> Decimal:
    if type(value) is not str or not plain_decimal(value):
        raise _Reject
    return Decimal(value)


def _literal(choices: tuple[Any, ...]) -> Callable[[Any], Any]:
    allowed = {(type(c), c) for c in choices}  # 1 == True to Python: compare types too

    def read(value: Any) -> Any:
        if (type(value), value) not in allowed:
            raise _Reject
        return value

    return read


def _reference(classes: tuple[type, ...]) -> Callable[[Any], Any]:
    def read(value: Any) -> Any:
        if type(value) is not str:
            raise _Reject
        tables = _TABLES.get()[0]
        for cls in classes:
            found = tables[cls].get(value)
            if found is not None:
                return found
        raise _Reject

    return read


def _optional(inner: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else inner(value)


def _many(inner: Callable[[Any], Any]) -> Callable[[Any], tuple[Any, ...]]:
    def read(value: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            raise _Reject
        return tuple([inner(v) for v in value])

    return read


def _value(cls: type) -> Callable[[Any], Any]:
    """Read a value object; one holding no list (a citation, an amount) is shared by every record giving it alike.

    Immutable, so sharing changes nothing a user can see; the bundled data's 983
    citations name 250 places (see docs/performance.md for what it saves).
    """
    if any(get_origin(f.type) is tuple for f in attrs.fields(attrs.resolve_types(cls))):
        return functools.partial(structure, cls=cls)

    def read(value: Any) -> Any:
        shared = _TABLES.get()[2]
        key = (cls, *value.items())  # a TypeError for an unhashable item: the quick path rejects it
        found = shared.get(key)
        if found is None:
            found = shared[key] = structure(value, cls)
        return found

    return read


def _reader(t: Any) -> Callable[[Any], Any]:
    """How the quick path reads a value of the annotated type *t*."""
    members = [a for a in get_args(t) if a is not type(None)] if get_origin(t) is not Literal else []
    if is_date_type(t):
        return _optional(parse_date) if type(None) in get_args(t) else parse_date
    if t in (str, int, bool):
        return _exact(t)
    if t is Decimal:
        return _decimal
    if get_origin(t) is Literal:
        return _literal(get_args(t))
    if get_origin(t) is tuple:
        return _many(_reader(get_args(t)[0]))
    if isinstance(t, type) and issubclass(t, Record):
        return _reference((t,))
    if is_value_type(t):
        return _value(t)
    if members and all(isinstance(m, type) and issubclass(m, Record) for m in members):
        inner = _reference(tuple(members))
        return _optional(inner) if type(None) in get_args(t) else inner
    if len(members) == 1:  # X | None
        return _optional(_reader(members[0]))
    msg = f"no reader for {t!r}"  # pragma: no cover - the model has no other types
    raise TypeError(msg)  # pragma: no cover


@functools.cache
def _plan(cls: Any) -> tuple[frozenset[str], frozenset[str], dict[str, Callable[[Any], Any]]]:
    """The keys *cls* takes, those it needs, and how to read each."""
    fields = attrs.fields(attrs.resolve_types(cls))
    required = frozenset(f.name for f in fields if f.default is attrs.NOTHING)
    return frozenset(f.name for f in fields), required, {f.name: _reader(f.type) for f in fields}


def structure(raw: Any, cls: type[_T]) -> _T:
    """A record (or value) of *cls* from its JSON object, references resolved; raises on anything doubtful."""
    known, required, readers = _plan(cast("type", cls))
    if type(raw) is not dict or not raw.keys() <= known or not required <= raw.keys():
        raise _Reject
    return cls(**{name: readers[name](value) for name, value in raw.items()})


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.id
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, (PartialDate, DateRange, Decimal)):
        return str(value)
    if attrs.has(type(value)):
        return unstructure(value, omit_defaults=True)
    return value


def unstructure(value: Any, *, omit_defaults: bool = False) -> dict[str, Any]:
    """A record or value as JSON-ready data, as the data files hold it: references as ids, dates and money as text.

    Values inside a record (citations, amounts, ...) leave out fields that hold their
    default; with *omit_defaults*, so does the record itself.
    """
    found = {}
    for field in attrs.fields(type(value)):
        item = getattr(value, field.name)
        if not (omit_defaults and field.default is not attrs.NOTHING and item == field.default):
            found[field.name] = _plain(item)
    return found
