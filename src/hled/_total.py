"""Totals that add only what adds up: one currency, one kind of money, nothing counted twice.

`Selection.total` adds the `Money` (or `Count`) values of its records and says what it left
out and why. Amounts of different currencies or kinds are never added: where a selection holds
several, the caller names one, or gets a ValueError listing what there is.
"""

from __future__ import annotations

import collections
from decimal import Decimal
from typing import Any, get_args

import attrs

from hled._money import Count, Money, MoneyKind
from hled._record import Record
from hled._text import fold

__all__ = ["LeftOut", "Total", "total"]


@attrs.frozen(kw_only=True)
class LeftOut:
    """An amount a total did not add, with the record it is on and why.

    Attributes:
        amount: the `Money` or `Count` left out.
        record: the record that states it.
        reason: why it was left out, in a phrase ("in MXN, not USD").
    """

    amount: Money | Count
    record: Record
    reason: str

    def __str__(self) -> str:
        return f"{self.amount} on {self.record.id}: {self.reason}"


@attrs.frozen(kw_only=True)
class Total:
    """The sum of comparable amounts, with what was added and what was left out.

    Attributes:
        value: the sum (a `Decimal` for money, an int for counts).
        currency: the currency added, for money; None for counts.
        kind: the kind of money added; None for counts.
        unit: the unit added, for counts; None for money.
        counted: the amounts added, each with its record, in registry order.
        left_out: the amounts not added, each with its reason.
        qualified: whether a counted amount is hedged ("up to", "over", "about"), so the sum is too.
    """

    value: Decimal | int
    currency: str | None = None
    kind: MoneyKind | None = None
    unit: str | None = None
    counted: tuple[tuple[Money | Count, Record], ...] = ()
    left_out: tuple[LeftOut, ...] = ()

    @property
    def qualified(self) -> bool:
        """Whether a counted amount is hedged ("up to", "over", "about"), which the sum inherits."""
        return any(amount.qualifier is not None for amount, _ in self.counted)

    def __str__(self) -> str:
        hedge = "about " if self.qualified else ""
        if self.unit is not None:
            text = f"{hedge}{self.value:,} {self.unit}"
        else:
            text = f"{hedge}{self.currency} {self.value:,} ({self.kind})"
        what = ("count" if self.unit is not None else "amount") + ("" if len(self.counted) == 1 else "s")
        return text + f" from {len(self.counted)} {what}, {len(self.left_out)} left out"


_KINDS: tuple[str, ...] = get_args(MoneyKind)
_NOT_ADDING = {"statistic": "trade and economic statistics describe an economy; they are not sums of money"}


def total(records: tuple[Record, ...], kind_name: str, *, currency: Any, kind: Any, unit: Any) -> Total:
    """The total of the amounts (or, with *unit*, the counts) of *records*: see `Selection.total`."""
    if records and not hasattr(records[0], "amounts"):
        msg = f"{kind_name} records hold no amounts or counts; total works on events and accomplishments"
        raise ValueError(msg)
    if unit is not None:
        if currency is not None or kind is not None:
            msg = "give unit= for counts, or currency= and kind= for money, not both"
            raise TypeError(msg)
        return _count_total(records, unit)
    return _money_total(records, currency, kind)


def _pairs(records: tuple[Record, ...], field: str) -> list[tuple[Any, Record]]:
    return [(amount, record) for record in records for amount in getattr(record, field)]


def _only(name: str, given: Any, present: collections.Counter[str], example: str) -> str:
    """*given*, or the one value *present* where none is given; else a ValueError listing them."""
    if given is not None:
        if not isinstance(given, str):
            msg = f"{name} must be a str like {example!r}, got {type(given).__name__} {given!r}"
            raise TypeError(msg)
        return given
    if len(present) == 1:
        return next(iter(present))
    if not present:
        msg = f"the selection holds no amounts to read a {name} from; name one, as total({name}={example!r})"
        raise ValueError(msg)
    listed = ", ".join(f"{value} ({count})" for value, count in sorted(present.items()))
    msg = (
        f"the selection holds amounts of several {name}s, which do not add up: {listed}; "
        f"name one, as total({name}={min(present)!r})"
    )
    raise ValueError(msg)


def _money_total(records: tuple[Record, ...], currency: Any, kind: Any) -> Total:
    pairs = _pairs(records, "amounts")
    currency = _only("currency", currency, collections.Counter(m.currency for m, _ in pairs), "USD").upper()
    kind = _only("kind", kind, collections.Counter(m.kind for m, _ in pairs if m.kind is not None), "grant")
    if kind not in _KINDS:
        msg = f"kind must be one of {', '.join(_KINDS)}; got {kind!r}"
        raise ValueError(msg)
    if kind in _NOT_ADDING:
        msg = f"amounts of kind {kind!r} are not added: {_NOT_ADDING[kind]}; list them with their dates instead"
        raise ValueError(msg)
    wanted = [(m, r) for m, r in pairs if m.currency == currency and m.kind == kind]
    inside = _inside_counted(wanted, pairs)
    counted = tuple((m, r) for m, r in wanted if id(m) not in inside)
    left: list[LeftOut] = []
    for m, r in pairs:
        if m.currency != currency:
            left.append(LeftOut(amount=m, record=r, reason=f"in {m.currency}, not {currency}"))
        elif m.kind is None:
            left.append(LeftOut(amount=m, record=r, reason="its kind is not stated"))
        elif m.kind != kind:
            left.append(LeftOut(amount=m, record=r, reason=f"of kind {m.kind!r}, not {kind!r}"))
        elif id(m) in inside:
            left.append(LeftOut(amount=m, record=r, reason=f"included in {inside[id(m)]}, which is added"))
    value = sum((m.value for m, _ in counted), Decimal(0))
    return Total(value=value, currency=currency, kind=kind, counted=counted, left_out=tuple(left))


def _count_total(records: tuple[Record, ...], unit: Any) -> Total:
    if not isinstance(unit, str):
        msg = f"unit must be a str like 'beneficiaries', got {type(unit).__name__} {unit!r}"
        raise TypeError(msg)
    pairs = _pairs(records, "counts")
    same = [(c, r) for c, r in pairs if fold(c.unit) == fold(unit)]
    if pairs and not same:
        units = ", ".join(sorted({c.unit for c, _ in pairs}))
        msg = f"no count in the selection has the unit {unit!r}; its units are: {units}"
        raise ValueError(msg)
    wanted = [(c, r) for c, r in same if c.additive]
    inside = _inside_counted(wanted, pairs)
    counted = tuple((c, r) for c, r in wanted if id(c) not in inside)
    left: list[LeftOut] = []
    for c, r in pairs:
        if fold(c.unit) != fold(unit):
            left.append(LeftOut(amount=c, record=r, reason=f"counts {c.unit}, not {unit}"))
        elif not c.additive:
            left.append(LeftOut(amount=c, record=r, reason="not a quantity that adds up (a share, a span or a target)"))
        elif id(c) in inside:
            left.append(LeftOut(amount=c, record=r, reason=f"included in {inside[id(c)]}, which is added"))
    value = sum(c.value for c, _ in counted)
    return Total(value=value, unit=unit, counted=counted, left_out=tuple(left))


def _inside_counted(wanted: list[tuple[Any, Record]], pairs: list[tuple[Any, Record]]) -> dict[int, str]:
    """The amounts of *wanted* included (through `part_of`, at any depth) in another amount of *wanted*.

    Keyed by ``id()`` of the amount; the value names the containing amount that is counted.
    """
    by_id = {m.id: m for m, _ in pairs if m.id is not None}
    counted_ids = {m.id for m, _ in wanted if m.id is not None}
    inside: dict[int, str] = {}
    for m, _ in wanted:
        seen: set[str] = set()
        parent = m.part_of
        while parent is not None and parent not in seen:  # up to the outermost amount that is added
            seen.add(parent)
            if parent in counted_ids:
                inside[id(m)] = parent
            parent = getattr(by_id.get(parent), "part_of", None)
    return inside
