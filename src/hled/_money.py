"""Amounts of money and counted quantities that records state."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

import attrs

from hled._codes import CURRENCIES
from hled._record import FieldProblem, non_negative, text

__all__ = ["Count", "Money", "currency_code"]


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
    """An amount of money: an exact decimal value and an ISO 4217 currency code.

    Attributes:
        value: the amount, never a float.
        currency: ISO 4217 code, for example ``"USD"``.
        qualifier: ``"at least"``, ``"over"``, ``"about"`` or ``"up to"`` where the source hedges.
        note: what the amount is for, in a few words, or None.
    """

    value: Decimal = attrs.field(validator=_decimal)
    currency: str = attrs.field(validator=currency_code)
    qualifier: Literal["at least", "over", "about", "up to"] | None = None
    note: str | None = attrs.field(default=None, validator=text)

    def __str__(self) -> str:
        prefix = f"{self.qualifier} " if self.qualifier else ""
        return f"{prefix}{self.currency} {self.value:,}"


@attrs.frozen(kw_only=True)
class Count:
    """A counted quantity: how many of what.

    Attributes:
        value: the number.
        unit: what is counted, for example ``"beneficiaries"``.
        qualifier: ``"at least"``, ``"over"`` or ``"about"`` where the source hedges.
    """

    value: int = attrs.field(validator=non_negative)
    unit: str = attrs.field(validator=text)
    qualifier: Literal["at least", "over", "about", "up to"] | None = None

    def __str__(self) -> str:
        prefix = f"{self.qualifier} " if self.qualifier else ""
        return f"{prefix}{self.value:,} {self.unit}"
