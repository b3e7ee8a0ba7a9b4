"""Equality and hashing by value, written once for every model class."""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

import attrs

__all__ = ["Compared"]


class Compared:
    """Equality and hashing by value, written once for every model class.

    Two objects are equal when they are of the same class and every stored (init)
    field is equal; derived back-references are left out, as they are not data. The
    classes pass ``eq=False`` to attrs so that it does not generate the same methods
    for each of them: compiling those is a third of the cost of creating the model.
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        compared = _compared(type(self))
        return bool(compared(self) == compared(other))

    def __hash__(self) -> int:
        return hash((type(self).__name__, _compared(type(self))(self)))


_COMPARED: dict[type, Callable[[Any], Any]] = {}


def _compared(cls: type) -> Callable[[Any], Any]:
    """The function returning *cls*'s stored field values (a tuple: every model class stores several)."""
    found = _COMPARED.get(cls)
    if found is None:
        found = _COMPARED[cls] = operator.attrgetter(*(f.name for f in attrs.fields(cls) if f.init))
    return found
