"""Criteria as a user types them: yes/no words, a role in an edition, short names, titles by ministry.

Written against the mutants of ``hled._criteria`` that lived (scripts/mutation criteria).
"""

from __future__ import annotations

import pytest

import hled
from hled._criteria import name_parts


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
