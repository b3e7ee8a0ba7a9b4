"""Amounts and counts as a user sees them: printed, and checked at the edges (killing _money's mutants)."""

from __future__ import annotations

from decimal import Decimal

import pytest

import hled


class TestPrinted:
    def test_money_without_qualifier(self):
        """An amount prints as its currency and its value with thousands separators, nothing before."""
        assert str(hled.Money(value=Decimal("1500000"), currency="USD")) == "USD 1,500,000"

    def test_money_with_qualifier(self):
        """A hedged amount prints its qualifier first."""
        assert str(hled.Money(value=Decimal("2.5"), currency="MXN", qualifier="about")) == "about MXN 2.5"

    def test_count_without_qualifier(self):
        """A count prints as its number with thousands separators and its unit, nothing before."""
        assert str(hled.Count(value=12000, unit="beneficiaries")) == "12,000 beneficiaries"

    def test_count_with_qualifier(self):
        """A hedged count prints its qualifier first."""
        assert str(hled.Count(value=30, unit="partnerships", qualifier="at least")) == "at least 30 partnerships"


class TestEdges:
    @pytest.mark.parametrize("value", ["0", "0.5", "1"])
    def test_zero_and_fractions_are_amounts(self, value):
        """Zero and amounts under one are valid: only a negative amount is refused."""
        assert hled.Money(value=Decimal(value), currency="USD").value == Decimal(value)

    def test_a_non_finite_amount_names_its_field(self):
        """The complaint about a non-finite amount names the field it is about (the loader's path uses it)."""
        with pytest.raises(ValueError, match="value must be a finite Decimal") as info:
            hled.Money(value=Decimal("Infinity"), currency="USD")

        assert info.value.field == "value"

    def test_a_negative_amount_names_its_field(self):
        """The complaint about a negative amount names the field it is about."""
        with pytest.raises(ValueError, match="value must be 0 or more") as info:
            hled.Money(value=Decimal("-0.01"), currency="USD")

        assert info.value.field == "value"
