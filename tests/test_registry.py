from __future__ import annotations

import attrs
import pytest

import hled

from .conftest import edit_file


class TestGet:
    def test_get_by_id(self, mini):
        """get returns the record with that id."""
        assert mini.organizations.get("usaid").acronym == "USAID"

    def test_unknown_id_suggests_near_misses(self, mini):
        """A miss raises RecordNotFound naming the id and the closest known ids."""
        with pytest.raises(hled.RecordNotFound) as exc_info:
            mini.organizations.get("usiad")

        assert str(exc_info.value) == "no organization with id 'usiad'; did you mean 'usaid'?"
        assert exc_info.value.suggestions == ("usaid",)
        assert isinstance(exc_info.value, LookupError)

    def test_default(self, mini):
        """get with a default returns it on a miss."""
        assert mini.organizations.get("nothing", None) is None

    def test_wrong_type(self, mini):
        """A non-string id raises TypeError."""
        with pytest.raises(TypeError, match="organization id must be a str, got int 5"):
            mini.organizations.get(5)  # type: ignore[call-overload]

    def test_contains(self, mini):
        """`in` accepts a record or an id."""
        usaid = mini.organizations.get("usaid")

        assert usaid in mini.organizations
        assert "usaid" in mini.organizations
        assert "nope" not in mini.organizations
        assert 5 not in mini.organizations
        assert usaid not in mini.pillars


class TestLookup:
    @pytest.mark.parametrize(
        "text",
        ["Ministry of Economy", "secretaria de economia", "SECRETARÍA  DE  ECONOMÍA", "S.E.", "se"],
    )
    def test_folds_case_accents_punctuation(self, mini, text):
        """lookup ignores case, accents, punctuation and spacing."""
        assert mini.organizations.lookup(text).id == "se"

    def test_miss_suggests(self, mini):
        """A miss raises RecordNotFound with close names."""
        with pytest.raises(hled.RecordNotFound) as exc_info:
            mini.organizations.lookup("Secretariat of Econom")

        assert str(exc_info.value) == "no organization with name 'Secretariat of Econom'; did you mean 'se'?"

    def test_ambiguous(self, data_dir):
        """Text matching several records raises AmbiguousLookup listing them."""
        edit_file(
            data_dir, "pillars.json", lambda records: [rec.update(aliases=["Competitiveness"]) for rec in records[:2]]
        )
        ds = hled.load(data_dir)

        with pytest.raises(hled.AmbiguousLookup) as exc_info:
            ds.pillars.lookup("competitiveness")

        assert exc_info.value.candidates == ("2013-pillar-1", "2013-pillar-2")

    def test_pillar_numbers_past_roman_ten(self, data_dir):
        """A pillar numbered 11 is found as "2021 Pillar 11"; there is no Roman name for it."""
        edit_file(
            data_dir,
            "pillars.json",
            lambda records: next(r for r in records if r["id"] == "2021-pillar-4").update(number=11),
        )
        ds = hled.load(data_dir)

        assert ds.pillars.lookup("2021 Pillar 11").id == "2021-pillar-4"
        with pytest.raises(hled.RecordNotFound):
            ds.pillars.lookup("2021 Pillar XI")

    def test_titles_of_people_are_not_names(self, mini):
        """A person's title is not a lookup key for the person."""
        with pytest.raises(hled.RecordNotFound):
            mini.people.lookup("President")

    def test_ambiguous_lookup_message(self):
        """AmbiguousLookup's message names every candidate."""
        exc = hled.AmbiguousLookup("pillar 1", "pillar", ("2013-pillar-1", "2021-pillar-1"))

        assert str(exc) == (
            "'pillar 1' matches 2 pillar records: '2013-pillar-1', '2021-pillar-1'; pass one of these ids instead"
        )

    @pytest.mark.parametrize("bad", [None, 42, 3.5, b"x", ["x"]])
    def test_wrong_type(self, mini, bad):
        """A non-string raises TypeError."""
        with pytest.raises(TypeError, match="lookup text must be a str"):
            mini.organizations.lookup(bad)

    def test_edition_by_year_and_alias(self, mini):
        """Editions are found by year text and by their aliases."""
        assert mini.editions.lookup("2013").year == 2013
        assert mini.editions.lookup("relaunch").year == 2021


class TestFilter:
    def test_edition(self, mini):
        """edition= selects by year, in registry order."""
        assert mini.pillars.filter(edition=2013).ids == ("2013-pillar-1", "2013-pillar-2", "2013-pillar-3")

    def test_edition_record(self, mini):
        """An Edition record works as the edition criterion."""
        assert len(mini.pillars.filter(edition=mini.editions.get("2021"))) == 4

    def test_bad_edition_value(self, mini):
        """An edition that does not exist raises ValueError naming the valid ones."""
        with pytest.raises(ValueError, match=r"^edition must be one of 2013 or 2021, got 2017$"):
            mini.pillars.filter(edition=2017)

    @pytest.mark.parametrize("bad", ["2013", 2013.0, True])
    def test_bad_edition_type(self, mini, bad):
        """An edition of the wrong type raises TypeError."""
        with pytest.raises(TypeError, match="edition must be an int year"):
            mini.pillars.filter(edition=bad)

    def test_unknown_criterion(self, mini):
        """A misspelt criterion is a TypeError, from the registry and from a selection."""
        with pytest.raises(TypeError):
            mini.pillars.filter(colour="red")  # type: ignore[call-arg]
        with pytest.raises(TypeError, match="pillar filter got an unexpected criterion 'colour'"):
            mini.pillars.filter().filter(colour="red")

    def test_or_and_chain(self, mini):
        """A tuple means any of; selections chain with AND."""
        both = mini.pillars.filter(edition=(2013, 2021))

        assert len(both) == 7
        assert both.filter(edition=2021).ids == mini.pillars.filter(edition=2021).ids
        assert mini.pillars.filter(edition=[]).ids == ()

    def test_four_axes_on_accomplishments(self, mini):
        """pillar, agency, year and edition combine on accomplishments."""
        sel = mini.accomplishments.filter(pillar="Pillar II", agency="USAID", year=2022, edition=2021)

        assert sel.ids == ("2022-surges-launch",)
        assert mini.accomplishments.filter(organization="usaid").ids == sel.ids

    def test_unresolvable_reference(self, mini):
        """A criterion value that resolves to nothing raises RecordNotFound."""
        with pytest.raises(hled.RecordNotFound, match="no pillar with name 'no such pillar'"):
            mini.accomplishments.filter(pillar="no such pillar")

    def test_reference_of_wrong_type(self, mini):
        """A record of another type as a reference criterion is a TypeError."""
        with pytest.raises(TypeError, match="pillar must be a Pillar record, an id or a name, got Organization"):
            mini.accomplishments.filter(pillar=mini.organizations.get("usaid"))  # type: ignore[arg-type]

    def test_country(self, mini):
        """country= is case-insensitive and validated."""
        assert mini.organizations.filter(country="mx").ids == mini.organizations.filter(country="MX").ids
        with pytest.raises(ValueError, match="country must be an ISO 3166-1 alpha-2 code"):
            mini.organizations.filter(country="ZZ")
        with pytest.raises(TypeError, match=r"country must be a code like 'MX' or a name like 'Mexico'"):
            mini.organizations.filter(country=1)  # type: ignore[arg-type]

    def test_role_in_edition(self, mini):
        """role and edition together mean that role in that edition."""
        assert mini.organizations.filter(role="co-chair", edition=2013).ids == ("se",)
        assert mini.organizations.filter(role="co-chair", edition=2021).ids == ()
        with pytest.raises(ValueError, match="role must be one of 'co-chair', 'participant'; got 'chair'"):
            mini.organizations.filter(role="chair")  # type: ignore[arg-type]

    def test_kind(self, mini):
        """kind= is checked against the record type's kinds."""
        assert mini.events.filter(kind="relaunch").ids == ("2021-relaunch",)
        with pytest.raises(ValueError, match="kind must be one of"):
            mini.events.filter(kind="party")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="kind must be a str"):
            mini.events.filter(kind=3)  # type: ignore[arg-type]

    def test_year_on_spans(self, mini):
        """year= matches every year a span touches."""
        assert "2021-2022-stakeholder-outreach" in mini.events.filter(year=2022).ids
        assert "2021-2022-stakeholder-outreach" in mini.events.filter(year=2021).ids
        with pytest.raises(TypeError, match="year must be an int, got str 'twenty'"):
            mini.events.filter(year="twenty")  # type: ignore[arg-type]

    def test_reverse_axes(self, mini):
        """Organizations and people answer the pillar, year and edition axes through what names them."""
        assert mini.organizations.filter(pillar="2021-pillar-2").ids == ("usaid",)
        assert mini.organizations.filter(year=2022, country="US").ids == ("epa", "usaid")
        assert mini.people.filter(edition=2013).ids == ("barack-obama", "enrique-pena-nieto")
        assert mini.programs.filter(agency="USAID").ids == ("surges",)
        assert mini.pillars.filter(agency="USAID").ids == ("2021-pillar-2",)
        assert mini.sources.filter(edition=2013, quality="low").ids == ("wikipedia-hled",)


class TestSelection:
    def test_immutable_sequence(self, mini):
        """A selection is a read-only sequence."""
        sel = mini.events.filter()

        for attr in ("append", "__setitem__", "__delitem__", "extend"):
            assert not hasattr(sel, attr)
        assert sel[0] is next(iter(mini.events))
        assert sel[:1].ids == sel.ids[:1]
        assert sel == mini.events.filter()

    def test_to_dicts_round_trips(self, mini):
        """to_dicts gives JSON-ready data with references as ids."""
        rows = mini.accomplishments.filter(program="SURGES").to_dicts()

        assert rows[0]["programs"] == ["surges"]
        assert rows[0]["date"] == "2022"

    def test_repr_and_html(self, mini):
        """Selections render readably and as an HTML table."""
        sel = mini.pillars.filter(edition=2013)

        assert repr(sel) == "<Selection of 3 pillar records: ['2013-pillar-1', '2013-pillar-2', '2013-pillar-3']>"
        assert sel._repr_html_().startswith("<table><caption>3 pillar records</caption>")
        assert "<table>" in mini.pillars._repr_html_()
        assert repr(mini.pillars) == "<Registry of 7 pillar records>"


class TestSearch:
    def test_exact_text_first(self, mini):
        """Searching a record's own summary ranks it first."""
        target = mini.accomplishments.get("2016-cluster-map")

        assert mini.accomplishments.search(target.summary)[0] is target

    def test_paraphrase(self, mini):
        """A reworded sentence still finds its record first."""
        hits = mini.accomplishments.search(
            "EPA and CONAGUA will invest $474 million in Tijuana River pollution projects"
        )

        assert hits[0].id == "2022-epa-conagua-tijuana"

    def test_empty_and_nonsense(self, mini):
        """Empty text and nonsense give no results."""
        assert mini.actions.search("") == []
        assert mini.actions.search("   ") == []
        assert mini.actions.search("qzxv vzqq") == []

    def test_limit(self, mini):
        """limit caps the results and is validated."""
        assert len(mini.search("pillar", limit=2)) <= 2
        assert mini.actions.search("supply", limit=0) == []
        with pytest.raises(ValueError, match="limit must be 0 or more, got -1"):
            mini.actions.search("supply", limit=-1)
        with pytest.raises(TypeError, match="limit must be an int"):
            mini.actions.search("supply", limit="3")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="search text must be a str"):
            mini.actions.search(None)  # type: ignore[arg-type]

    def test_dataset_search_mixes_types(self, mini):
        """Dataset.search returns records of several types."""
        kinds = {type(r).__name__ for r in mini.search("supply chains")}

        assert {"Pillar", "Workstream", "Action"} <= kinds


class TestRecords:
    def test_frozen(self, mini):
        """Records cannot be changed."""
        usaid = mini.organizations.get("usaid")

        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            usaid.name = "x"  # type: ignore[misc]
        assert not hasattr(usaid, "__dict__")

    def test_references_resolve(self, mini):
        """References are records, and derived back-references are filled."""
        acc = mini.accomplishments.get("2022-surges-launch")
        pillar = mini.pillars.get("2021-pillar-1")

        assert acc.organizations[0].acronym == "USAID"
        assert acc.pillar.title.startswith("Promoting Sustainable")
        assert [w.id for w in pillar.workstreams] == ["2021-supply-chains"]
        assert pillar.workstreams[0].actions[0].id == "2021-p1-critical-industries"
        assert mini.editions.get("2013").pillars[0].number == 1
        assert mini.actions.get("2021-p1-critical-industries").source.id == "wh-2021-09-09-fact-sheet"

    def test_to_dict(self, mini):
        """hled.to_dict unstructures one record; other objects are a TypeError."""
        assert hled.to_dict(mini.programs.get("surges"))["organizations"] == ["usaid"]
        with pytest.raises(
            TypeError, match=r"to_dict expects an hled record or value \(Record, Citation, .*\), got dict"
        ):
            hled.to_dict({})  # type: ignore[arg-type]

    def test_repr_and_html(self, mini):
        """Records have a short repr and an HTML table."""
        usaid = mini.organizations.get("usaid")

        assert repr(usaid) == "Organization(id='usaid', name='U.S. Agency for International Development')"
        assert "<th style='text-align:left'>acronym</th>" in usaid._repr_html_()


class TestCrosswalk:
    def test_links_dropped_new(self, mini):
        """The crosswalk links, drops and adds pillars and workstreams."""
        cw = mini.compare_editions()
        p2013 = mini.pillars.get("2013-pillar-1")

        assert cw.later_of(p2013) == (mini.pillars.get("2021-pillar-1"),)
        assert cw.earlier_of(mini.pillars.get("2021-pillar-1")) == (p2013,)
        assert cw.later_of(mini.pillars.get("2013-pillar-2")) == ()
        assert [s.id for s in cw.dropped] == ["2013-transportation", "2013-pillar-2", "2013-pillar-3"]
        assert [s.id for s in cw.new] == ["2021-supply-chains", "2021-pillar-2", "2021-pillar-4"]
        assert all(link.editorial for link in cw.links)
        with pytest.raises(TypeError, match="expected a Pillar or Workstream"):
            cw.later_of("2013-pillar-1")  # type: ignore[arg-type]


class TestSelectionEdges:
    def test_equality_and_hash(self, mini):
        """Selections equal by their records, hash alike, and are never equal to other sequences."""
        one, two = mini.pillars.filter(edition=2013), mini.pillars.filter(number=[1, 2, 3], edition=2013)

        assert one == two
        assert hash(one) == hash(two)
        assert one != list(one)
        assert one != tuple(one)

    def test_empty_table(self, mini):
        """An empty selection renders a table with its caption."""
        empty = mini.pillars.filter(edition=2013, number=99)

        assert empty._repr_html_().startswith("<table><caption>0 pillar records</caption>")


class TestPrivateAxes:
    def test_internal_axis_is_not_a_criterion(self, mini):
        """The organizations' internal role-per-edition index is neither listed nor accepted."""
        assert "_role_in_edition" not in mini.organizations.criteria
        assert mini.organizations.criteria == (
            "edition",
            "role",
            "country",
            "kind",
            "pillar",
            "year",
            "source",
            "quality",
        )
        with pytest.raises(TypeError, match="organization filter got an unexpected criterion '_role_in_edition'"):
            mini.organizations.filter().filter(_role_in_edition=[("co-chair", 2013)])
        assert mini.organizations.filter().filter(role="co-chair", edition=2013).ids == ("se",)


def test_filter_type_hints_resolve():
    """Every registry's filter has type hints `typing.get_type_hints` evaluates, and each names its criterion."""
    import inspect
    import typing

    from hled._registry import Criterion

    for registry in hled.dataset().registries.values():
        assert "return" in typing.get_type_hints(type(registry).filter, include_extras=True)
        params = inspect.signature(registry.filter).parameters
        assert list(params) == list(registry.CRITERIA) == list(registry.criteria)
        for name, criterion in registry.CRITERIA.items():
            assert isinstance(criterion, Criterion)
            assert criterion in typing.get_args(params[name].annotation)
            assert f"{name}: {criterion.doc}" in (registry.filter.__doc__ or "")
            assert repr(criterion) == f"Criterion({criterion.doc!r})"
