from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

import hled
from hled import DateRange, PartialDate

from .conftest import MINI


class TestValidators:
    """Records built in code check the same invariants as loaded ones, with the same messages."""

    @pytest.mark.parametrize(
        ("change", "message"),
        [
            ({"aliases": ("Twice", "Twice")}, "aliases repeats an entry: ('Twice', 'Twice')"),
            ({"aliases": (" padded",)}, "aliases must hold non-empty texts without outer spaces, got ' padded'"),
            ({"country": "XX"}, "country must be an ISO 3166-1 alpha-2 code like 'US' or 'MX', got 'XX'"),
            ({"name": ""}, "name must be non-empty text without outer spaces, got ''"),
            (
                {"id": "Not A Slug"},
                "id must be a lowercase ASCII slug like 'usaid' or '2021-pillar-1', got 'Not A Slug'",
            ),
            ({"sources": ()}, "every record needs at least one citation in sources"),
        ],
    )
    def test_organization(self, change, message):
        """An invalid organization raises ValueError naming the field and the value."""
        usaid = hled.organizations.get("usaid")

        with pytest.raises(ValueError, match=r".") as exc_info:
            attrs.evolve(usaid, **change)

        assert str(exc_info.value) == message

    def test_pillar_number_and_edition(self):
        """A pillar number must be positive and its edition a plausible year."""
        pillar = hled.pillars.get("2021-pillar-1")

        with pytest.raises(ValueError, match=r"^number must be 1 or more, got 0$"):
            attrs.evolve(pillar, number=0)
        with pytest.raises(ValueError, match=r"^edition must be the year of an edition, got 1066$"):
            attrs.evolve(pillar, edition=1066)

    def test_money(self):
        """Money needs a known currency and a finite Decimal."""
        with pytest.raises(ValueError, match=r"^currency must be an ISO 4217 code like 'USD' or 'MXN', got 'usd'$"):
            hled.Money(value=Decimal(1), currency="usd")
        with pytest.raises(ValueError, match=r"^value must be a finite Decimal, got 1\.5$"):
            hled.Money(value=1.5, currency="USD")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match=r"^value must be a finite Decimal, got Decimal\('NaN'\)$"):
            hled.Money(value=Decimal("NaN"), currency="USD")


class TestEquality:
    """Records and value objects compare and hash by their stored fields, as attrs classes do."""

    def test_equal_across_loads(self, mini):
        """The same record loaded twice is equal, hashes equal, and is one member of a set."""
        again = hled.load(MINI)
        first, second = mini.organizations.get("usaid"), again.organizations.get("usaid")

        assert first is not second
        assert first == second
        assert not first != second  # noqa: SIM202 - the operator itself is under test
        assert hash(first) == hash(second)
        assert len({first, second}) == 1

    def test_one_field_differs(self, mini):
        """Changing any one stored field makes an unequal record."""
        usaid = mini.organizations.get("usaid")

        assert attrs.evolve(usaid, name="Another") != usaid
        assert attrs.evolve(usaid, sources=usaid.sources[:1] * 2) != usaid
        assert usaid.sources[0] != attrs.evolve(usaid.sources[0], locator="elsewhere")

    def test_derived_fields_are_not_compared(self, mini):
        """Back-references filled by the loader (pillar.actions) play no part in equality."""
        pillar = mini.pillars.get("2021-pillar-1")
        bare = attrs.evolve(pillar)

        assert bare.actions == ()
        assert pillar.actions != ()
        assert bare == pillar
        assert hash(bare) == hash(pillar)

    def test_other_types_are_never_equal(self, mini):
        """A record equals nothing but a record of its own type."""
        usaid = mini.organizations.get("usaid")

        assert usaid != "usaid"
        assert usaid != usaid.sources[0]
        assert usaid.__eq__(5) is NotImplemented


class TestRendering:
    def test_value_types(self):
        """Citations, positions, variants and crosswalk links print briefly."""
        usaid = hled.organizations.get("usaid")
        citation = usaid.sources[0]
        person = next(p for p in hled.people if p.positions and p.positions[0].organization)
        link = hled.compare_editions().links[0]

        assert repr(citation) == f"Citation(source={citation.source.id!r}, locator={citation.locator!r})"
        assert str(citation).startswith(citation.source.id)
        assert repr(person.positions[0]) == (
            f"Position(title={person.positions[0].title!r}, organization={person.positions[0].organization.id!r})"
        )
        assert repr(link) == f"CrosswalkLink(earlier={link.earlier.id!r}, later={link.later.id!r})"
        assert repr(hled.compare_editions()).startswith("<Crosswalk: ")

    def test_variant(self):
        """A variant shows its field and value."""
        citation = hled.organizations.get("usaid").sources[0]

        variant = hled.Variant(field="date", value="2013-05-02", sources=(citation,))

        assert repr(variant) == "Variant(field='date', value='2013-05-02')"

    def test_action_edition(self):
        """An action's edition is its pillar's."""
        action = next(iter(hled.actions))

        assert action.edition == action.pillar.edition


class TestDateEdges:
    @pytest.mark.parametrize(
        ("args", "error", "message"),
        [
            ((2021, None, 5), ValueError, "a day (5) needs a month"),
            ((2021, 2, 30), ValueError, "2021-02 has no day 30"),
            ((0,), ValueError, "year must be 1 to 9999, got 0"),
            (("2021",), TypeError, "year must be an int, got str '2021'"),
        ],
    )
    def test_partial_date_invariants(self, args, error, message):
        """A PartialDate built in code checks its calendar, with a readable message."""
        with pytest.raises(error) as exc_info:
            PartialDate(*args)

        assert str(exc_info.value) == message

    def test_range_invariants(self):
        """A DateRange needs two PartialDates, the end not before the start."""
        with pytest.raises(TypeError, match=r"^start must be a PartialDate, got str '2021'$"):
            DateRange("2021", PartialDate(2022))  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"^end must be a PartialDate, got int 2022$"):
            DateRange(PartialDate(2021), 2022)  # type: ignore[arg-type]

    def test_point_answers_like_a_span(self):
        """A PartialDate is its own start and end; a DateRange repr shows its text."""
        day = PartialDate.parse("2021-09-09")

        assert day.start is day
        assert day.end is day
        assert repr(DateRange(day, PartialDate(2022))) == (
            "DateRange(start=PartialDate(year=2021, month=9, day=9), end=PartialDate(year=2022))"
        )
