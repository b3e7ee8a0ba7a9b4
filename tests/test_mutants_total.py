"""Totals on hand-made records: every reason an amount is left out, chains of part_of, and the messages."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

import hled
from hled._total import total

BASE = hled.accomplishments.get("2022-02-tnc-southeast-funding")


def _record(*amounts: hled.Money, counts: tuple[hled.Count, ...] = ()) -> hled.Accomplishment:
    return attrs.evolve(BASE, amounts=amounts, counts=counts)


def _money(value: str, kind: str | None = "grant", currency: str = "USD", **more: object) -> hled.Money:
    return hled.Money(value=Decimal(value), currency=currency, kind=kind, **more)


class TestLeftOut:
    def test_each_reason_with_its_amount_and_record(self):
        """Another currency, an unstated kind, another kind: each left out amount keeps its amount and record."""
        mxn, unstated, loan, grant = (
            _money("5", currency="MXN"),
            _money("6", kind=None),
            _money("7", "loan"),
            _money("8"),
        )
        record = _record(mxn, unstated, loan, grant)

        found = total((record,), "accomplishment", currency="USD", kind="grant", unit=None)

        assert found.value == Decimal("8")
        assert [(left.amount, left.record, left.reason) for left in found.left_out] == [
            (mxn, record, "in MXN, not USD"),
            (unstated, record, "its kind is not stated"),
            (loan, record, "of kind 'loan', not 'grant'"),
        ]
        assert [(m, r) for m, r in found.counted] == [(grant, record)]

    def test_an_amount_inside_one_of_its_kind_through_another(self):
        """a is part of b (an estimate), b of c (a grant): adding grants, a is inside c, which is added."""
        a = _money("1", id="a", part_of="b")
        b = _money("5", "estimate", id="b", part_of="c")
        c = _money("9", id="c")
        record = _record(a, b, c)

        found = total((record,), "accomplishment", currency="USD", kind="grant", unit=None)

        assert found.value == Decimal("9")
        assert [(left.amount, left.reason) for left in found.left_out] == [
            (a, "included in c, which is added"),
            (b, "of kind 'estimate', not 'grant'"),
        ]

    def test_part_of_an_amount_outside_the_selection(self):
        """An amount part of one on a record not selected is added: what it is part of is not."""
        inside_elsewhere = _money("3", part_of="on-another-record")

        found = total((_record(inside_elsewhere),), "accomplishment", currency="USD", kind="grant", unit=None)

        assert (found.value, found.left_out) == (Decimal("3"), ())

    def test_a_loop_of_part_of_ends(self):
        """Hand-made amounts may loop (the loader refuses it): the total still ends."""
        a, b = _money("1", id="a", part_of="b"), _money("2", id="b", part_of="a")

        found = total((_record(a, b),), "accomplishment", currency="USD", kind="grant", unit=None)

        assert found.value == Decimal(0)
        assert {left.reason for left in found.left_out} == {
            "included in a, which is added",
            "included in b, which is added",
        }

    def test_counts_left_out_keep_their_count_and_record(self):
        whole = hled.Count(id="w", value=10, unit="students")
        part = hled.Count(value=4, unit="students", part_of="w")
        share = hled.Count(value=50, unit="students", additive=False)
        other = hled.Count(value=3, unit="states")
        record = _record(counts=(whole, part, share, other))

        found = total((record,), "accomplishment", currency=None, kind=None, unit="students")

        assert found.value == 10
        assert [(left.amount, left.record, left.reason) for left in found.left_out] == [
            (part, record, "included in w, which is added"),
            (share, record, "not a quantity that adds up (a share, a span or a target)"),
            (other, record, "counts states, not students"),
        ]


class TestValuesAndMessages:
    def test_an_empty_total_is_a_decimal_zero(self):
        found = total((), "accomplishment", currency="USD", kind="grant", unit=None)

        assert isinstance(found.value, Decimal)
        assert (found.value, found.currency, found.kind) == (Decimal(0), "USD", "grant")

    def test_a_hedged_sum_says_about(self):
        found = hled.accomplishments.total(currency="USD", kind="estimate")

        assert str(found) == "about USD 90,000,000 (estimate) from 1 amount, 12 left out"
        assert str(hled.accomplishments.total(currency="USD", kind="budget")).startswith("USD 3,900,000,000 (budget)")

    def test_messages_say_what_works(self):
        empty = hled.accomplishments.filter(year=1999)
        record = _record(counts=(hled.Count(value=1, unit="b"), hled.Count(value=2, unit="a")))

        with pytest.raises(
            ValueError, match=r"no amounts to read a currency from; name one, as total\(currency='USD'\)$"
        ):
            empty.total(kind="grant")
        with pytest.raises(ValueError, match=r"no amounts to read a kind from; name one, as total\(kind='grant'\)$"):
            empty.total(currency="USD")
        with pytest.raises(TypeError, match=r"^currency must be a str like 'USD', got int 840$"):
            hled.accomplishments.total(currency=840, kind="grant")
        with pytest.raises(TypeError, match=r"^unit must be a str like 'beneficiaries', got int 3$"):
            hled.accomplishments.total(unit=3)
        with pytest.raises(TypeError, match=r"^give unit= for counts, or currency= and kind= for money, not both$"):
            hled.accomplishments.total(unit="students", currency="USD")
        with pytest.raises(ValueError, match=r"no count in the selection has the unit 'c'; its units are: a, b$"):
            total((record,), "accomplishment", currency=None, kind=None, unit="c")
