"""Equality and hashing by value, written once for every model class."""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

import attrs

__all__ = ["Compared"]


class Compared:
    """Equality and hashing by value, written once for every model class.

    What attrs would generate: two objects are equal when they are of the same class
    and every field attrs marks as compared (``eq``, through its ``eq_key``) is equal,
    and the hash covers the fields it marks as hashed. Derived back-references are
    marked as neither. The classes pass ``eq=False`` to attrs so that it does not
    compile the same two methods for each of them: that was a third of the cost of
    creating the model.
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        compared = _values(type(self))[0]
        return bool(compared(self) == compared(other))

    def __hash__(self) -> int:
        return hash((type(self).__name__, _values(type(self))[1](self)))


_VALUES: dict[type, tuple[Callable[[Any], Any], Callable[[Any], Any]]] = {}


def _values(cls: type) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    """The functions returning what *cls* compares and what it hashes, each a tuple of field values."""
    found = _VALUES.get(cls)
    if found is None:
        fields = attrs.fields(cls)
        hashed = [f for f in fields if (f.eq if f.hash is None else f.hash)]
        found = _VALUES[cls] = (_getter([f for f in fields if f.eq]), _getter(hashed))
    return found


def _getter(fields: list[attrs.Attribute[Any]]) -> Callable[[Any], Any]:
    keys = [getattr(f, "eq_key", None) for f in fields]  # attrs' stubs leave eq_key out
    if any(key is not None for key in keys):
        keyed = [(f.name, key) for f, key in zip(fields, keys, strict=True)]
        return lambda obj: tuple(getattr(obj, n) if k is None else k(getattr(obj, n)) for n, k in keyed)
    names = [f.name for f in fields]
    get = operator.attrgetter(*names)
    return get if len(names) > 1 else lambda obj: (get(obj),)
