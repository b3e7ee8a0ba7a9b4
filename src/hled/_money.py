"""Amounts of money and counted quantities that records state."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal, TypeAlias

import attrs

from hled._codes import CURRENCIES
from hled._dates import Date
from hled._organizations import Organization
from hled._record import FieldProblem, non_negative, slug, text

__all__ = ["Count", "Money", "MoneyKind", "currency_code"]

MoneyKind: TypeAlias = Literal[
    "grant",
    "funding",
    "loan",
    "commitment",
    "goal",
    "estimate",
    "budget",
    "statistic",
]
"""What an amount of money is (``docs/data.md`` defines each): only amounts of one kind add up."""


def currency_code(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value not in CURRENCIES:
        msg = f"currency must be an ISO 4217 code like 'USD' or 'MXN', got {value!r}"
        raise FieldProblem(attribute.name, msg)


def _decimal(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Decimal) or not value.is_finite():
        msg = f"value must be a finite Decimal, got {value!r}"
        raise FieldProblem(attribute.name, msg)
    if value.is_signed():  # as a count: an amount is never negative, nor -0 (docs/robustness.md)
        msg = f"value must be 0 or more, got {value!r}"
        raise FieldProblem(attribute.name, msg)


@attrs.frozen(kw_only=True)
class Money:
    """An amount of money: what it is, how much, from whom to whom, and what it is part of.

    Attributes:
        id: a slug naming the amount, unique in the dataset, where another amount is `part_of` it
            (or it is part of another); None otherwise.
        value: the amount, an exact decimal, never a float.
        currency: ISO 4217 code, for example ``"USD"``.
        kind: what the amount is: ``"grant"`` (a grant or award to a named recipient),
            ``"funding"`` (money provided or spent, not stated as a grant or loan), ``"loan"``,
            ``"commitment"`` (a pledge to provide or invest), ``"goal"`` (a target),
            ``"estimate"``, ``"budget"`` (the size of a fund) or ``"statistic"`` (a trade or
            economic figure). Only amounts of one kind add up (`Selection.total`); None where not
            classified (every bundled amount is), which no total adds.
        qualifier: ``"at least"``, ``"over"``, ``"about"`` or ``"up to"`` where the source hedges.
        provider: the organization that gives or spends it, where the source names it.
        recipient: the organization that receives it, where the source names it.
        period: the date or span the amount refers to, where the source states it.
        part_of: the id of the amount this one is included in (on this record or another), or None.
        note: what the amount is for, in a few words close to the source's, or None.
    """

    id: str | None = attrs.field(default=None, validator=attrs.validators.optional(slug))
    value: Decimal = attrs.field(validator=_decimal)
    currency: str = attrs.field(validator=currency_code)
    kind: MoneyKind | None = None
    qualifier: Literal["at least", "over", "about", "up to"] | None = None
    provider: Organization | None = None
    recipient: Organization | None = None
    period: Date | None = None
    part_of: str | None = attrs.field(default=None, validator=attrs.validators.optional(slug))
    note: str | None = attrs.field(default=None, validator=text)

    def __str__(self) -> str:
        prefix = f"{self.qualifier} " if self.qualifier else ""
        return f"{prefix}{self.currency} {self.value:,}"


@attrs.frozen(kw_only=True)
class Count:
    """A counted quantity: how many of what.

    Attributes:
        id: a slug naming the count, unique in the dataset, where another count is `part_of` it
            (or it is part of another); None otherwise.
        value: the number.
        unit: what is counted, for example ``"beneficiaries"``.
        qualifier: ``"at least"``, ``"over"`` or ``"about"`` where the source hedges.
        additive: False where adding it to others of its unit means nothing (a percentage, a
            number of years, a target); `Selection.total` leaves it out and says why.
        part_of: the id of the count this one is included in, or None.
    """

    id: str | None = attrs.field(default=None, validator=attrs.validators.optional(slug))
    value: int = attrs.field(validator=non_negative)
    unit: str = attrs.field(validator=text)
    qualifier: Literal["at least", "over", "about", "up to"] | None = None
    additive: bool = True
    part_of: str | None = attrs.field(default=None, validator=attrs.validators.optional(slug))

    def __str__(self) -> str:
        prefix = f"{self.qualifier} " if self.qualifier else ""
        return f"{prefix}{self.value:,} {self.unit}"
