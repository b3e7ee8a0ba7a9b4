"""Criteria as a user types them: yes/no words, a role in an edition, short names, titles by ministry.

Written against the mutants of ``hled._criteria`` that lived (scripts/mutation criteria).
"""

from __future__ import annotations

from typing import ClassVar

import pytest

import hled
from hled._criteria import name_parts

from .conftest import edit_file as _edit


class TestYesAndNo:
    @pytest.mark.parametrize("word", ["true", "True", "TRUE", " yes ", "Yes", "YES"])
    def test_words_for_true(self, word):
        """The command line's words for yes select what True selects, in any case and spacing."""
        assert hled.events.filter(dialogue=word) == hled.events.filter(dialogue=True)

    @pytest.mark.parametrize("word", ["false", "False", " no ", "NO"])
    def test_words_for_false(self, word):
        assert hled.events.filter(dialogue=word) == hled.events.filter(dialogue=False)
        assert hled.events.filter(dialogue=False) != hled.events.filter(dialogue=True)

    @pytest.mark.parametrize(("value", "said"), [(3, "int 3"), ("maybe", "str 'maybe'"), (1.0, "float 1.0")])
    def test_anything_else_is_named_with_its_type(self, value, said):
        with pytest.raises(TypeError) as info:
            hled.events.filter(dialogue=value)

        assert str(info.value) == f"dialogue must be True or False, got {said}"


class TestRoleInEdition:
    def test_role_and_edition_together(self):
        """role= and edition= together ask for the role held in that edition."""
        co_chairs = hled.organizations.filter(role="co-chair", edition=2021)

        assert co_chairs.ids == ("ustr", "se", "shcp", "sre", "us-department-of-commerce", "us-department-of-state")
        assert all(any(r.role == "co-chair" and r.edition == 2021 for r in o.roles) for o in co_chairs)

    def test_each_part_is_named_in_its_error(self):
        with pytest.raises(ValueError, match=r"^role ") as role:
            hled.organizations.filter(role="chair", edition=2021)
        with pytest.raises(ValueError, match=r"^edition ") as edition:
            hled.organizations.filter(role="co-chair", edition=2017)

        assert str(role.value) == "role must be one of 'co-chair', 'participant'; got 'chair'"
        assert str(edition.value) == "edition must be one of 2013 or 2021, got 2017"


class TestShortNames:
    def test_the_forms_of_a_long_name(self):
        """Surnames, given name + surname, particles kept with what follows: exactly these forms."""
        assert name_parts("Luz María de la Mora") == {
            "María de la Mora",
            "de la Mora",
            "la Mora",
            "Mora",
            "María",
            "Luz María",
            "Luz María de la Mora",
            "Luz de la Mora",
            "Luz la Mora",
            "Luz Mora",
        }

    def test_initials_and_short_words_are_not_names(self):
        """ "J." and two-letter words are not names of their own; the full name is not a short form of itself."""
        assert name_parts("Antony J. Blinken") == {"J. Blinken", "Antony J. Blinken", "Blinken", "Antony Blinken"}
        assert name_parts("Ana de la Mora") == {
            "de la Mora",
            "Ana de la Mora",
            "la Mora",
            "Ana la Mora",
            "Mora",
            "Ana Mora",
        }
        assert name_parts("Blinken") == set()
        assert name_parts("Ana Li Wong") == {"Li Wong", "Ana Li Wong", "Wong", "Ana Wong"}
        assert name_parts("Ana Q.R. Wong") == {"Q.R. Wong", "Ana Q.R. Wong", "Wong", "Ana Wong"}
        assert name_parts("Ana Paz Wong") == {"Paz Wong", "Ana Paz Wong", "Paz", "Ana Paz", "Wong", "Ana Wong"}


class TestTitlesByMinistry:
    def test_an_acronym_or_the_ministry_stands_for_the_title(self):
        """A title asked with the organization's acronym finds those who held it there."""
        assert hled.people.filter(title="Secretary of DHS").ids == ("alejandro-mayorkas", "rand-beers")
        assert "alicia-barcena" in hled.people.filter(title="SRE secretary").ids


class TestTitleWords:
    def test_every_word_of_a_title_and_its_ministry_finds_the_holder(self):
        """Asked with all the words its title and organization give, a position is the office asked for."""
        from hled._criteria import has_title, position_words

        positions = [pos for person in hled.people for pos in person.positions]
        assert all(has_title(pos, position_words(pos)[0]) for pos in positions)

    def test_its_rank_words_alone_find_a_ranked_position(self):
        """A position with rank words ("Under", "Deputy") is found by those words alone, as by more."""
        from hled._criteria import has_title, position_words

        ranked = [pos for person in hled.people for pos in person.positions if position_words(pos)[1]]
        assert ranked
        assert all(has_title(pos, position_words(pos)[1]) for pos in ranked)

    def test_wrong_types_are_named(self):
        with pytest.raises(TypeError) as title:
            hled.people.filter(title=5)
        with pytest.raises(TypeError) as language:
            hled.sources.filter(language=5)

        assert str(title.value) == "title must be a str like 'Secretary of Economy', got int 5"
        assert str(language.value) == "language must be an ISO 639-1 code (a str like 'en'), got int 5"


def _expected_editions(kind: str, year: int) -> set[str]:
    """The ids that records of *year*'s edition name, worked out from the records themselves."""
    ids: set[str] = set()
    for ev in hled.events.filter(edition=year):
        ids.update(r.id for r in (*ev.organizations, *ev.people, *ev.chairs))
    for acc in hled.accomplishments.filter(edition=year):
        ids.update(r.id for r in (*acc.organizations, *acc.people))
    for act in hled.actions:
        if act.pillar.edition == year:
            ids.update(o.id for o in act.organizations)
    for prog in hled.programs:
        edition = prog.edition if prog.edition is not None else (prog.pillar.edition if prog.pillar else None)
        if edition == year:
            ids.update(o.id for o in prog.organizations)
    if kind == "organizations":
        ids.update(o.id for o in hled.organizations if any(r.edition == year for r in o.roles))
    else:
        ids.update(p.id for p in hled.editions.get(str(year)).leaders)
    return ids & {r.id for r in getattr(hled, kind)}


class TestEditionsByTheRecordsThatNameThem:
    @pytest.mark.parametrize("year", [2013, 2021])
    @pytest.mark.parametrize("kind", ["organizations", "people"])
    def test_edition_is_every_record_of_the_edition(self, kind, year):
        """An organization or person is of an edition exactly when a record of that edition names them."""
        assert set(getattr(hled, kind).filter(edition=year).ids) == _expected_editions(kind, year)

    def test_people_by_the_pillars_of_their_records(self):
        pillar = hled.pillars.get("2021-pillar-1")
        expected = {
            r.id
            for rec in (*hled.events, *hled.accomplishments)
            if pillar in (rec.pillars if isinstance(rec, hled.Event) else (rec.pillar,))
            for r in (*rec.people, *getattr(rec, "chairs", ()))
        }

        assert set(hled.people.filter(pillar=pillar).ids) == expected


class TestMoreMessages:
    def test_each_wrong_type_is_named(self):
        cases = [
            (
                lambda: hled.pillars.filter(edition="2013"),
                "edition must be an int year (2013 or 2021) or an Edition, got str '2013'",
            ),
            (
                lambda: hled.organizations.filter(role=5),
                "role must be a str, one of 'co-chair', 'participant'; got int 5",
            ),
            (lambda: hled.events.filter(place=5), "place must be a str such as 'Mexico City', got int 5"),
        ]
        for call, message in cases:
            with pytest.raises(TypeError) as info:
                call()
            assert str(info.value) == message

    def test_a_role_in_an_edition_names_the_edition_when_it_is_of_the_wrong_type(self):
        with pytest.raises(TypeError, match=r"^edition must be an int year"):
            hled.organizations.filter(role="co-chair", edition="2021")

    def test_languages_in_any_case(self):
        assert hled.sources.filter(language="ES") == hled.sources.filter(language="es")
        assert len(hled.sources.filter(language="es")) > 0


class TestTenureWindows:
    def test_the_last_day_of_the_record_may_be_asked(self):
        """The cut-off day itself is inside the record; the day after is refused."""
        cutoff = hled.dataset().cutoff
        assert hled.people.filter(title="Secretary of Commerce", on=str(cutoff)).ids == ("gina-raimondo",)
        with pytest.raises(ValueError, match="record runs to"):
            hled.people.filter(title="Secretary of Commerce", on="2025-01-01")

    def test_an_open_span_runs_to_the_cutoff_only_for_between(self):
        assert hled.people.filter(title="Secretary of Commerce", between=("2024-01-01", None)).ids == ("gina-raimondo",)
        with pytest.raises(ValueError, match="record runs to"):
            hled.people.filter(title="Secretary of Commerce", between=("2024-01-01", "2025-06-01"))


def test_the_words_of_a_position_are_those_of_its_title_and_organization():
    """Exactly the words of its title and of its organization's names, acronym and Spanish name."""
    from hled._criteria import position_words, title_words

    for pos in (pos for person in hled.people for pos in person.positions):
        org = pos.organization
        names = [] if org is None else [org.name, *filter(None, (org.acronym, org.name_es)), *org.aliases]
        expected = title_words(pos.title).union(*(title_words(n, translate=False) for n in names))
        assert position_words(pos)[0] == expected


def _add_to(record_id, field, *ids):
    def change(records):
        for rec in records:
            if rec["id"] == record_id:
                rec[field] = [*rec.get(field, []), *ids]

    return change


CITED = [{"source": "wikipedia-hled", "locator": "lead"}]


@pytest.fixture(name="named_once")
def _named_once(data_dir):
    """The mini data with six agencies, two people and a program each named by one kind of record only."""

    def agencies(records):
        for oid in (
            "by-event",
            "by-one-pillar-event",
            "by-result",
            "by-action",
            "by-program",
            "by-old-program",
            "by-unplaced-program",
            "by-loose-program",
        ):
            records.append({"id": oid, "name": f"Agency {oid}", "country": "US", "kind": "agency", "sources": CITED})

    def programs(records):
        old = {"id": "old", "name": "An old program", "kind": "project", "summary": "Old.", "pillar": "2013-pillar-1"}
        records.append({**old, "started": "2014-03", "organizations": ["by-old-program"], "sources": CITED})
        unplaced = {"kind": "project", "summary": "No pillar.", "sources": CITED}
        records.append(
            {
                **unplaced,
                "id": "unplaced",
                "name": "Unplaced",
                "edition": 2013,
                "organizations": ["by-unplaced-program"],
            }
        )
        records.append({**unplaced, "id": "loose", "name": "Loose", "organizations": ["by-loose-program"]})
        _add_to("surges", "organizations", "by-program")(records)

    def people(records):
        records.append({"id": "a-chair", "name": "Ana Chair", "country": "MX", "sources": CITED})
        records.append({"id": "a-leader", "name": "Luis Leader", "country": "MX", "sources": CITED})
        records.append({"id": "a-reporter", "name": "Rita Reporter", "country": "US", "sources": CITED})

    _edit(data_dir, "organizations.json", agencies)
    _edit(data_dir, "programs.json", programs)
    _edit(data_dir, "people.json", people)
    _edit(data_dir, "editions.json", _add_to("2021", "leaders", "a-leader"))
    _edit(data_dir, "events.json", _add_to("2013-announcement", "organizations", "by-event"))
    _edit(data_dir, "events.json", _add_to("2013-announcement", "pillars", "2013-pillar-1", "2013-pillar-2"))
    _edit(data_dir, "events.json", _add_to("2021-relaunch", "organizations", "by-one-pillar-event"))
    _edit(data_dir, "events.json", _add_to("2021-relaunch", "pillars", "2021-pillar-3"))
    _edit(data_dir, "events.json", _add_to("2021-relaunch", "chairs", "a-chair"))
    _edit(data_dir, "events.json", _add_to("2021-relaunch", "programs", "old"))
    _edit(data_dir, "accomplishments.json", _add_to("2022-surges-launch", "organizations", "by-result"))
    _edit(data_dir, "accomplishments.json", _add_to("2022-surges-launch", "people", "a-reporter"))
    _edit(data_dir, "actions.json", _add_to("2021-p1-critical-industries", "organizations", "by-action"))
    return hled.load(data_dir)


class TestEachKindOfRecordCounts:
    """Who is of an edition, a year or a pillar, when a single record of one kind names them."""

    # what each record above gives the one it names: editions, years, pillars
    EXPECTED: ClassVar = {
        ("organizations", "by-event"): ({2013}, {2013}, set()),  # an event of two pillars ties to neither
        ("organizations", "by-one-pillar-event"): ({2021}, {2021}, {"2021-pillar-3"}),
        ("organizations", "by-result"): ({2021}, {2022}, {"2021-pillar-2"}),
        ("organizations", "by-action"): ({2021}, set(), {"2021-pillar-1"}),
        ("organizations", "by-program"): ({2021}, set(), {"2021-pillar-2"}),
        ("organizations", "by-old-program"): ({2013}, {2014}, {"2013-pillar-1"}),
        ("people", "a-chair"): ({2021}, {2021}, {"2021-pillar-3"}),
        ("people", "a-leader"): ({2021}, set(), set()),
        ("people", "a-reporter"): ({2021}, {2022}, {"2021-pillar-2"}),
        ("organizations", "by-unplaced-program"): ({2013}, set(), set()),
        ("organizations", "by-loose-program"): (set(), set(), set()),
        ("programs", "old"): ({2013, 2021}, {2014, 2021}, {"2013-pillar-1", "2021-pillar-3"}),
    }

    @pytest.mark.parametrize(("kind", "rid"), list(EXPECTED))
    def test_editions_years_and_pillars(self, named_once, kind, rid):
        registry = getattr(named_once, kind)
        editions, years, pillars = self.EXPECTED[kind, rid]

        assert {e for e in (2013, 2021) if rid in registry.filter(edition=e).ids} == editions
        assert {y for y in range(2012, 2025) if rid in registry.filter(year=y).ids} == years
        assert {p.id for p in named_once.pillars if rid in registry.filter(pillar=p).ids} == pillars

    def test_pillars_by_the_agencies_and_years_of_their_records(self, named_once):
        """A pillar's agencies are those its records place under it alone; its years, their years."""
        pillars = named_once.pillars
        assert pillars.filter(agency="by-action").ids == ("2021-pillar-1",)
        assert pillars.filter(agency="by-result").ids == ("2021-pillar-2",)
        assert pillars.filter(agency="by-old-program").ids == ("2013-pillar-1",)
        assert pillars.filter(agency="by-event").ids == ()
        assert pillars.filter(agency="by-one-pillar-event").ids == ("2021-pillar-3",)


@pytest.mark.parametrize("year", range(2013, 2025))
def test_a_pillar_is_of_the_years_of_its_events_and_results(named_once, year):
    """Not of the years its agencies were active elsewhere (0.1 gave the 2021 pillars for 2013)."""
    for ds in (named_once, hled.dataset()):
        expected = {
            p.id
            for p in ds.pillars
            if any(year in e.date.years for e in ds.events if p in e.pillars)
            or any(year in a.date.years for a in ds.accomplishments if a.pillar == p)
        }
        assert set(ds.pillars.filter(year=year).ids) == expected


def _cited_in(ds, year):
    """The sources cited by a record of *year*'s edition (sources citing sources aside)."""
    found = set()
    for kind, registry in ds.registries.items():
        for rec in registry:
            edition = rec.year if isinstance(rec, hled.Edition) else getattr(rec, "edition", None)
            if edition == year and kind != "sources":
                found.update(c.source.id for c in rec.sources)
    return found


@pytest.mark.parametrize("year", [2013, 2021])
def test_sources_of_an_edition_are_those_its_records_cite(named_once, year):
    for ds in (named_once, hled.dataset()):
        assert set(ds.sources.filter(edition=year).ids) == _cited_in(ds, year)
