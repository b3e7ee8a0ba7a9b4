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

    @pytest.mark.parametrize(
        ("text", "person"),
        [
            ("de la Mora", "luz-maria-de-la-mora"),
            ("Luz Mora", "luz-maria-de-la-mora"),
            ("Antony Blinken", "antony-j-blinken"),
        ],
    )
    def test_lookup_by_a_short_form(self, text, person):
        assert hled.people.lookup(text).id == person


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
