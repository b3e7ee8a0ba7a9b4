"""Questions asked the way people ask them: surnames and titles, editions by year, countries by name, selections."""

from __future__ import annotations

import json

import pytest

import hled


class TestPeopleByTheNamesPeopleUse:
    @pytest.mark.parametrize(
        ("text", "person"),
        [
            ("Blinken", "antony-j-blinken"),
            ("Antony Blinken", "antony-j-blinken"),
            ("Secretary Blinken", "antony-j-blinken"),
            ("Obama", "barack-obama"),
            ("President Obama", "barack-obama"),
            ("Ebrard", "marcelo-ebrard"),
            ("Harris", "kamala-harris"),
            ("Vice President Harris", "kamala-harris"),
            ("Tai", "katherine-tai"),
            ("Ambassador Tai", "katherine-tai"),
            ("Raimondo", "gina-raimondo"),
            ("Secretary Raimondo", "gina-raimondo"),
            ("López Obrador", "andres-manuel-lopez-obrador"),
            ("lopez obrador", "andres-manuel-lopez-obrador"),
            ("Presidente López Obrador", "andres-manuel-lopez-obrador"),
            ("de la Mora", "luz-maria-de-la-mora"),
            ("Luz Mora", "luz-maria-de-la-mora"),
            ("Secretaria Clouthier", "tatiana-clouthier"),
            ("Biden", "joe-biden"),
            ("AMLO", "andres-manuel-lopez-obrador"),
            ("Joe Biden", "joe-biden"),
        ],
    )
    def test_surname_given_name_and_title(self, text, person):
        """A surname, a given name and surname, with or without a title, finds the person."""
        assert hled.people.lookup(text).id == person

    def test_a_shared_surname_is_ambiguous(self):
        """A form two people share lists both."""
        with pytest.raises(hled.AmbiguousLookup) as info:
            hled.people.lookup("Joaquín")

        assert set(info.value.candidates) == {"carlos-joaquin", "pedro-joaquin-coldwell"}

    @pytest.mark.parametrize("text", ["President", "Secretary", "Nobody Atall", "J."])
    def test_a_title_or_a_stranger_alone_finds_nobody(self, text):
        """A title alone, an initial or an unknown name is a miss, as before."""
        with pytest.raises(hled.RecordNotFound):
            hled.people.lookup(text)

    def test_criteria_and_the_command_line_use_them(self, capsys):
        """chair= and person= take the same forms, and so does the command line."""
        from hled._cli import main

        chaired = hled.events.filter(chair="Blinken")
        assert chaired
        assert chaired.ids == hled.events.filter(chair="antony-j-blinken").ids
        assert main(["events", "--chair", "Blinken", "--json"]) == 0
        assert [e["id"] for e in json.loads(capsys.readouterr().out)] == list(chaired.ids)

    def test_full_names_aliases_and_ids_win(self):
        """A name, alias or id that matched one person before still matches that person first."""
        for person in hled.people:
            for text in (person.name, person.id, *person.aliases):
                assert hled.people.lookup(text) is person

    def test_titles_are_whole_words(self):
        """A title is taken off only as a word: "Mrs. Alas" is no "Salas"."""
        with pytest.raises(hled.RecordNotFound):
            hled.people.lookup("Mrs. Alas")


class TestAnEditionIsItsYear:
    def test_membership_and_lookup_by_year(self):
        """2021 in editions; lookup(2021) is get(2021)."""
        assert 2021 in hled.editions
        assert 2017 not in hled.editions
        assert hled.editions.lookup(2021) is hled.editions.get(2021)

    def test_get_by_year(self):
        """editions.get(2021) is the 2021 relaunch; a year with no edition says which exist."""
        assert hled.editions.get(2021).year == 2021
        assert hled.editions.get(2013) is hled.editions.lookup("2013")
        assert hled.editions.get(2017, None) is None
        with pytest.raises(hled.RecordNotFound, match=r"no edition with year '2017'; did you mean '2013', '2021'\?"):
            hled.editions.get(2017)
        with pytest.raises(TypeError, match="edition id must be a str"):
            hled.editions.get(True)  # type: ignore[arg-type]


class TestCountriesAsPeopleWriteThem:
    @pytest.mark.parametrize(
        ("text", "code"),
        [
            ("Mexico", "MX"),
            ("México", "MX"),
            ("mexico", "MX"),
            ("United States", "US"),
            ("USA", "US"),
            ("U.S.", "US"),
            ("EE. UU.", "US"),
            ("Estados Unidos", "US"),
            ("Canada", "CA"),
            ("us", "US"),
        ],
    )
    def test_names_codes_and_short_forms(self, text, code):
        """English and Spanish names and short forms select as the code does: that country's bodies."""
        found = hled.organizations.filter(country=text)

        assert found
        assert {o.country for o in found} == {code}
        assert found.ids == hled.organizations.filter(country=code).ids

    def test_anything_else_lists_what_works(self):
        """An unknown name raises ValueError listing the names accepted."""
        with pytest.raises(ValueError, match=r"one of these names \(MX: Mexico, México.*got 'Narnia'"):
            hled.organizations.filter(country="Narnia")


class TestSelectionsAsValuesAndSets:
    def test_set_operations_keep_registry_order(self):
        """|, & and - combine selections of one registry, in registry order."""
        usaid = hled.accomplishments.filter(agency="USAID")
        year = hled.accomplishments.filter(year=2022)
        order = [r.id for r in hled.accomplishments]

        assert (usaid & year).ids == hled.accomplishments.filter(agency="USAID", year=2022).ids
        assert set((usaid | year).ids) == set(usaid.ids) | set(year.ids)
        assert set((usaid - year).ids) == set(usaid.ids) - set(year.ids)
        for combined in (usaid | year, usaid & year, usaid - year):
            assert list(combined.ids) == sorted(combined.ids, key=order.index)

    def test_other_registries_do_not_combine(self):
        """Selections of two registries, or a selection and something else, raise TypeError."""
        with pytest.raises(TypeError, match="selections combine within one registry"):
            hled.accomplishments.filter() | hled.events.filter()
        with pytest.raises(TypeError):
            hled.accomplishments.filter() | 5  # type: ignore[operator]

    def test_a_selection_wherever_a_record_is(self):
        """A selection (or a set of records) is a criterion's "any of these"."""
        mexican = hled.organizations.filter(country="Mexico")
        found = hled.accomplishments.filter(organization=mexican)

        assert found
        assert all(any(o.country == "MX" for o in r.organizations) for r in found)
        assert hled.accomplishments.filter(organization=(o for o in mexican)).ids == found.ids
        assert (
            hled.accomplishments.filter(organization=mexican).ids
            == hled.accomplishments.filter(organization=list(mexican)).ids
        )
        assert (
            hled.accomplishments.filter(organization=set(mexican)).ids
            == hled.accomplishments.filter(organization=mexican).ids
        )


class TestEveryFieldUsersFilterBy:
    def test_source_and_quality_on_every_registry_with_citations(self):
        """source= and quality= select the records a source, or sources of a quality, support."""
        from hled._dataset import KINDS

        for kind in KINDS:
            if kind.name == "sources":
                continue
            registry = getattr(hled, kind.name)
            for rec in list(registry)[:3]:
                source = rec.sources[0].source
                assert rec in registry.filter(source=source.id)
                assert rec in registry.filter(quality=source.quality)
            official = registry.filter(quality=["official", "mirror"])
            assert all(any(c.source.quality in ("official", "mirror") for c in r.sources) for r in official)

    def test_place_whole_or_in_part(self):
        """place= finds a place by its whole text or a part between commas, ignoring case and accents."""
        meeting = hled.events.get("2023-09-29-third-meeting")

        assert meeting in hled.events.filter(place="washington")
        assert meeting in hled.events.filter(place=meeting.place)
        in_mexico_city = hled.events.filter(place="Mexico City")
        assert all(e.place and "mexico city" in e.place.lower() for e in in_mexico_city)
        assert any(e.place == "Palacio Nacional, Mexico City" for e in in_mexico_city)
        # a part is what lies between commas, not a word: "Mesa" is in Arizona, not "Mesa de Otay"
        assert "2016-cargo-pre-inspection" in hled.accomplishments.filter(place="Baja California").ids
        assert hled.accomplishments.filter(place="Mesa").ids == ("2023-12-talento-mexicano",)
        with pytest.raises(TypeError, match="place must be a str such as 'Mexico City'"):
            hled.events.filter(place=5)  # type: ignore[arg-type]
        for blank in ("", " , ", "-"):
            with pytest.raises(ValueError, match=r"^place must name a place, such as 'Mexico City'"):
                hled.events.filter(place=blank)


def test_the_dialogue_by_its_spanish_name():
    """DEAN names both editions; the Spanish name, as the economy ministry gives it, the relaunch."""
    with pytest.raises(hled.AmbiguousLookup) as info:
        hled.editions.lookup("DEAN")

    assert set(info.value.candidates) == {"2013", "2021"}
    assert hled.editions.lookup("Diálogo Económico de Alto Nivel").year == 2021
    assert hled.search("Dialogo Economico de Alto Nivel")[0] == hled.editions.get(2021)


class TestPillarsByNumber:
    @pytest.mark.parametrize(
        ("text", "pillar"),
        [
            ("2021 IV", "2021-pillar-4"),
            ("2021 4", "2021-pillar-4"),
            ("2013 II", "2013-pillar-2"),
            ("IV", "2021-pillar-4"),
        ],
    )
    def test_edition_qualified_numbers(self, text, pillar):
        """A number with its edition, Roman or Arabic, names one pillar; a number alone, where only one has it."""
        assert hled.pillars.lookup(text).id == pillar

    def test_a_bare_number_within_an_edition_filter(self):
        """filter(edition=2021, pillar="IV") reads IV in 2021; "II" alone names one pillar of each edition."""
        found = hled.accomplishments.filter(edition=2021, pillar="II")

        assert found
        assert {r.pillar.id for r in found} == {"2021-pillar-2"}
        with pytest.raises(hled.AmbiguousLookup):
            hled.pillars.lookup("II")

    def test_a_wrong_form_lists_the_forms(self):
        """A pillar that is not found says which forms name one."""
        with pytest.raises(hled.RecordNotFound, match=r"number with its edition: '2021 IV', '2021 Pillar 4'"):
            hled.accomplishments.filter(pillar="Pillar IX")


class TestInSpanish:
    def test_names_and_titles_in_spanish_or_marked(self):
        """lang="es": Spanish names and titles where the data has them, English marked [en] where not."""
        titles = [d["title"] for d in hled.pillars.filter(edition=2021).to_dicts(lang="es")]
        orgs = {d["id"]: d["name"] for d in hled.organizations.filter().to_dicts(lang="es")}

        assert "Invertir en nuestro pueblo" in titles
        assert orgs["se"] == "Secretaría de Economía"
        assert orgs["usaid"] == "U.S. Agency for International Development [en]"
        assert hled.pillars.filter().to_dicts() == hled.pillars.filter().to_dicts(lang="en")

    def test_frames_html_and_the_command_line(self, capsys):
        """DataFrames, HTML tables and --lang es show the same names."""
        from hled._cli import main

        frame = hled.programs.filter(edition=2021).to_dataframe(lang="es")
        assert "Invertir en nuestro pueblo" in set(frame["pillar_name"].dropna())
        assert "Invertir en nuestro pueblo" in hled.pillars.filter(edition=2021).to_html(lang="es")
        assert main(["pillars", "--edition", "2021", "--lang", "es"]) == 0
        assert "Reconstruir juntos" in capsys.readouterr().out
        assert main(["show", "2021-pillar-4", "--lang", "es"]) == 0
        assert "Invertir en nuestro pueblo" not in capsys.readouterr().out.splitlines()[0]

    @pytest.mark.parametrize(("lang", "error"), [("fr", ValueError), (None, TypeError), ("ES", ValueError)])
    def test_other_languages(self, lang, error):
        """Anything but "en" and "es" says which work."""
        with pytest.raises(error, match="lang must be 'en' or 'es'"):
            hled.pillars.filter().to_dicts(lang=lang)
        with pytest.raises(error, match="lang must be 'en' or 'es'"):
            hled.pillars.filter().to_html(lang=lang)
