"""Registries and selections as a user sees them: help(), reprs, hashes; written against the mutants that lived."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import hled
from hled._dataset import BUILD_ORDER

from .conftest import edit_file

# the names, without loading the data while the tests are collected
REGISTRIES = tuple(kind.name for kind in BUILD_ORDER)


@pytest.mark.parametrize("name", REGISTRIES)
def test_help_of_filter_lists_every_criterion_once(name):
    """help(registry.filter) ends with an Args section: each criterion on its own line, with its doc."""
    registry = getattr(hled, name)
    doc = type(registry).filter.__doc__

    head, args = doc.split("\n\n        Args:\n")

    assert "Args:" not in head
    assert args.splitlines() == [f"            {c}: {registry.CRITERIA[c].doc}" for c in registry.criteria]
    assert args.endswith(".\n")
    assert registry.criteria == tuple(registry.CRITERIA)


def test_repr_of_a_selection_shows_eight_ids_and_counts_the_rest():
    """A selection's repr shows its first eight ids and how many more there are; a short one shows all."""
    events = hled.events.filter(year=2021)
    first = ", ".join(repr(e.id) for e in list(events)[:8])
    nine = hled.events.filter(year=2014) | hled.events.filter(year=2016) | hled.events.filter(year=2023)
    eight = nine - hled.events.filter(year=2014)

    assert repr(events) == f"<Selection of 13 event records: [{first}, ... 5 more]>"
    assert len(nine) == 8 + 1
    assert repr(nine).endswith(", ... 1 more]>")
    assert "more" not in repr(eight)
    assert repr(eight).count("'") == 2 * 8
    small = hled.pillars.filter(edition=2013)
    assert len(small) <= 8
    assert repr(small) == f"<Selection of {len(small)} pillar records: [{', '.join(repr(p.id) for p in small)}]>"


def test_distinct_selections_hash_apart():
    """Selections are usable as dict keys and sets keep them apart: different selections hash differently."""
    selections = [hled.events.filter(year=year) for year in range(2013, 2025)]
    selections = [s for s in selections if len(s)]

    assert len({hash(s) for s in selections}) == len(selections)
    assert hash(hled.events.filter(year=2013)) == hash(hled.events.filter(year=2013))


HELP = Path(__file__).parent / "fixtures" / "filter-help.txt"


def _help_text() -> str:
    # each line stripped: Python 3.13 removes a docstring's indentation when it compiles it, 3.10 keeps it
    docs = {name: type(getattr(hled, name)).filter.__doc__ for name in REGISTRIES}
    lines = {name: "\n".join(line.strip() for line in doc.splitlines()) for name, doc in docs.items()}
    return "".join(f"## hled.{name}.filter\n{lines[name]}\n\n" for name in REGISTRIES)


def test_help_of_filter_reads_as_reviewed():
    """What help() says of each criterion is the text reviewed in tests/fixtures/filter-help.txt.

    After changing a criterion's doc on purpose: HLED_UPDATE_SNAPSHOTS=1 pytest tests/test_mutants_registry.py
    """
    if os.environ.get("HLED_UPDATE_SNAPSHOTS") == "1":
        HELP.write_text(_help_text(), encoding="utf-8")
    assert _help_text() == HELP.read_text(encoding="utf-8")


class TestMessages:
    def test_each_wrong_call_says_what_was_wrong(self):
        cases = [
            (lambda: hled.search(5), TypeError, "search text must be a str, got int 5"),
            (lambda: hled.events.search("x", limit="3"), TypeError, "limit must be an int, got str '3'"),
            (lambda: hled.events.lookup(5), TypeError, "lookup text must be a str, got int 5"),
            (
                lambda: hled.events.filter() | hled.pillars.filter(),
                TypeError,
                "selections combine within one registry (of one dataset), got event and pillar records",
            ),
            (
                lambda: hled.pillars.filter().filter(colour=1),
                TypeError,
                "pillar filter got an unexpected criterion 'colour'; valid criteria: "
                + ", ".join(hled.pillars.criteria),
            ),
        ]
        for call, error, message in cases:
            with pytest.raises(error) as info:
                call()
            assert str(info.value) == message

    def test_close_ids_and_names_three_at_most(self):
        with pytest.raises(hled.RecordNotFound) as by_id:
            hled.events.get("2014-mid-year-revie")
        with pytest.raises(hled.RecordNotFound) as fewer:
            hled.events.get("2022-09-12-meeting")
        with pytest.raises(hled.RecordNotFound) as by_name:
            hled.organizations.lookup("US Department of Commer")

        assert by_id.value.args == (
            "2014-mid-year-revie",
            "event",
            ("2014-mid-year-review", "2024-mid-year-review", "2022-04-18-mid-year-review"),
            "id",
        )
        assert fewer.value.args[2] == ("2023-09-29-third-meeting", "2022-09-12-second-annual-meeting")  # close only
        near = ("us-department-of-commerce", "us-department-of-labor", "us-department-of-energy")
        assert by_name.value.args == ("US Department of Commer", "organization", near, "name")

    def test_an_ambiguous_name_lists_what_it_matches(self):
        with pytest.raises(hled.AmbiguousLookup) as info:
            hled.pillars.lookup("Pillar 2")

        assert info.value.args == ("Pillar 2", "pillar", ("2013-pillar-2", "2021-pillar-2"))
        assert str(info.value) == (
            "'Pillar 2' matches 2 pillar records: '2013-pillar-2', '2021-pillar-2'; pass one of these ids instead"
        )

    def test_an_unpickled_selection_whose_record_is_gone_names_it(self):
        rebuild, (registry, ids) = hled.events.filter(year=2013).__reduce__()

        assert rebuild(registry, ids) == hled.events.filter(year=2013)
        with pytest.raises(hled.RecordNotFound) as info:
            rebuild(registry, (*ids, "gone"))
        assert info.value.args[:2] == ("gone", "event")


class TestSearchReads:
    def test_money_in_the_words_people_write(self):
        from decimal import Decimal

        from hled._registry import _money_words

        assert list(_money_words(Decimal(1_000_000_000))) == ["1000000000", "1 billion"]
        assert list(_money_words(Decimal(2_500_000_000))) == ["2500000000", "2.5 billion"]
        assert list(_money_words(Decimal(1_000_000))) == ["1000000", "1 million"]
        assert list(_money_words(Decimal(999_999_999))) == ["999999999", "999.999999 million"]
        assert list(_money_words(Decimal(-3_000_000))) == ["-3000000", "-3 million"]
        assert list(_money_words(Decimal(999_999))) == ["999999"]

    def test_the_texts_and_weights_of_a_record(self):
        """Names weigh most; Spanish names and aliases next; summaries; then places, notes and references."""
        from hled._registry import search_fields

        meeting = hled.events.get("2023-09-29-third-meeting")
        fields = list(search_fields(meeting))
        assert (meeting.title, 3.0) in fields
        assert (meeting.summary, 1.0) in fields
        assert (meeting.place, 0.5) in fields
        assert all((p.name, 0.5) in fields for p in meeting.people)
        assert all((o.name, 0.5) in fields and (o.acronym, 0.5) in fields for o in meeting.organizations if o.acronym)
        assert not any(text in (meeting.id, meeting.kind) for text, _ in fields)
        assert not any(text == c.source.id for c in meeting.sources for text, _ in fields)

        blinken = hled.people.get("antony-j-blinken")
        fields = list(search_fields(blinken))
        held = [p for p in blinken.positions if p.organization is not None]
        assert held
        assert all((p.title, 0.5) in fields and (p.organization.name, 0.5) in fields for p in held)

        result = next(a for a in hled.accomplishments if a.places and a.amounts)
        fields = list(search_fields(result))
        assert all((place, 0.5) in fields for place in result.places)
        assert all((str(m.value), 0.5) in fields for m in result.amounts)

        org = next(o for o in hled.organizations if o.aliases and o.name_es)
        fields = list(search_fields(org))
        assert (org.name, 3.0) in fields
        assert (org.name_es, 2.0) in fields
        assert all((alias, 2.0) in fields for alias in org.aliases)

    def test_a_limit_of_one_gives_one(self):
        assert len(hled.events.search("meeting", limit=1)) == 1
        assert hled.events.search("meeting", limit=0) == []
        assert len(hled.events.search("meeting", limit=50)) > 10
        assert len(hled.events.search("meeting")) == 10  # the default limit
        assert len(hled.search("meeting")) == 10


def _epa_also_called(data_dir, alias):
    """The mini data with *alias* added to the EPA's aliases, loaded."""

    def change(records):
        next(r for r in records if r["id"] == "epa").setdefault("aliases", []).append(alias)

    edit_file(data_dir, "organizations.json", change)
    return hled.load(data_dir)


class TestLookupOnOtherData:
    def test_an_id_wins_over_another_records_alias(self, data_dir):
        ds = _epa_also_called(data_dir, "USAID")

        assert ds.organizations.lookup("usaid").id == "usaid"
        with pytest.raises(hled.AmbiguousLookup):
            ds.organizations.lookup("USAID ")

    def test_a_name_with_no_latin_letters_is_not_found_by_blank_text(self, data_dir):
        ds = _epa_also_called(data_dir, "环境保护局")

        with pytest.raises(hled.RecordNotFound):
            ds.organizations.lookup("")
        with pytest.raises(hled.RecordNotFound):
            ds.organizations.lookup("!")

    def test_an_edition_is_found_by_its_year_whatever_its_id(self, data_dir):
        def renamed(records):
            next(r for r in records if r["id"] == "2013")["id"] = "original"

        edit_file(data_dir, "editions.json", renamed)
        ds = hled.load(data_dir)

        assert ds.editions.lookup("2013").id == "original"

    def test_an_equal_copy_of_a_record_is_in_its_registry(self, mini):
        import copy

        import attrs

        event = mini.events.get("2021-relaunch")
        twin = attrs.evolve(event)
        other = attrs.evolve(event, title="Another title")

        assert twin is not event
        assert twin in mini.events
        assert copy.deepcopy(event) in mini.events
        assert other not in mini.events


class TestFramesOfAnySize:
    def test_a_registry_of_one_record_and_one_of_none(self, data_dir):
        pytest.importorskip("pandas")
        (data_dir / "actions.json").write_text("[]", encoding="utf-8")
        ds = hled.load(data_dir)

        one = ds.programs.filter().to_dataframe()
        none = ds.actions.filter().to_dataframe()

        assert list(one.index) == ["surges"]
        assert len(none) == 0
        assert list(none.columns) == list(hled.actions.filter(edition=2021).to_dataframe().columns)
