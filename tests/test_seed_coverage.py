"""The bundled data covers the four seed documents: counts a person made by reading each one.

Every number asserted here was counted by hand from the document named in the
class docstring (see docs/data.md for how the documents map onto records). The
tests use only the public API, so they also show how a reader checks a
paragraph of a source against hled.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import pytest

import hled

from .conftest import citations_in

FS21 = "wh-2021-09-09-fact-sheet"
SRE = "sre-2021-12-13-work-plan-summary"
WIKI = "wikipedia-hled"
FS22 = "wh-2022-09-12-fact-sheet"
PILLARS_2021 = ("2021-pillar-1", "2021-pillar-2", "2021-pillar-3", "2021-pillar-4")
ROMAN = ("I", "II", "III", "IV")


def cites(record: Any, source_id: str) -> bool:
    """Whether *record* has a citation of the source *source_id*."""
    return any(citation.source.id == source_id for citation in record.sources)


def citing(registry: Iterable[Any], source_id: str) -> list[Any]:
    """The records of *registry* that cite the source *source_id*."""
    return [record for record in registry if cites(record, source_id)]


def locators(records: Iterable[Any], source_id: str) -> set[str]:
    """The distinct locators with which *records* cite the source *source_id*."""
    return {
        citation.locator
        for record in records
        for citation in record.sources
        if citation.source.id == source_id and citation.locator is not None
    }


class TestSources:
    """One Source record per seed document, with its real title, publisher, date and address."""

    def test_one_source_per_seed(self) -> None:
        """Each of the four seed documents is a source (later documents are covered by test_public_record_coverage)."""
        ids = {source.id for source in hled.sources}

        assert {FS21, SRE, WIKI, FS22} <= ids

    @pytest.mark.parametrize(
        ("source_id", "title", "publisher", "published", "quality"),
        [
            (
                FS21,
                "FACT SHEET: U.S. – Mexico High-Level Economic Dialogue",
                "The White House",
                "2021-09-09",
                "official",
            ),
            (
                SRE,
                "Mexico and the United States present a work plan derived from the HLED",
                "Binational Institutions project",
                "2022-01-24",
                "press",
            ),
            (WIKI, "U.S.–Mexico High-Level Economic Dialogue", "Wikipedia", None, "low"),
            (
                FS22,
                "FACT SHEET: 2022 U.S.-Mexico High-Level Economic Dialogue",
                "The White House",
                "2022-09-12",
                "official",
            ),
        ],
    )
    def test_source_front_matter(
        self, source_id: str, title: str, publisher: str, published: str | None, quality: str
    ) -> None:
        """Each source carries the document's own title, publisher, date and quality."""
        source = hled.sources.get(source_id)

        assert source.title == title
        assert source.publisher == publisher
        assert (None if source.published is None else str(source.published)) == published
        assert source.quality == quality
        assert source.language == "en"
        assert source.url.startswith("https://")
        assert source.summary

    def test_sre_summary_points_to_the_official_release(self) -> None:
        """The SRE summary's footnote address is kept as the official original."""
        source = hled.sources.get(SRE)

        assert source.official_url is not None
        assert source.official_url.startswith("https://www.gob.mx/sre/prensa/mexico-y-estados-unidos-presentan-plan")

    def test_every_source_is_cited(self) -> None:
        """No source record is left without a record citing it."""
        registries = (
            hled.editions,
            hled.pillars,
            hled.workstreams,
            hled.actions,
            hled.organizations,
            hled.people,
            hled.programs,
            hled.events,
            hled.accomplishments,
        )

        cited = {c.source.id for registry in registries for record in registry for c in citations_in(record)}

        assert cited == {source.id for source in hled.sources}


class TestEditions:
    """The 2013 original and the 2021 relaunch, dated and led as the sources state."""

    def test_2013_announced_and_launched(self) -> None:
        """The article: announced in May 2013 by Obama and Peña Nieto, launched in September 2013."""
        edition = hled.editions.get("2013")

        assert (str(edition.announced), str(edition.launched)) == ("2013-05", "2013-09")
        assert [p.id for p in edition.leaders] == [
            "barack-obama",
            "enrique-pena-nieto",
            "joe-biden",
        ]

    def test_2021_relaunched_by_biden_and_lopez_obrador(self) -> None:
        """The 2021 fact sheet: relaunched by Presidents Biden and López Obrador."""
        edition = hled.editions.get("2021")

        assert str(edition.launched) == "2021-09-09"
        assert [p.name for p in edition.leaders] == [
            "Joseph R. Biden",
            "Andrés Manuel López Obrador",
        ]

    def test_pillars_per_edition(self) -> None:
        """Three pillars in 2013 and four in 2021."""
        counts = (len(hled.pillars.filter(edition=2013)), len(hled.pillars.filter(edition=2021)))

        assert counts == (3, 4)


class TestWikipediaArticle:
    """The encyclopedia article (wikipedia-hled), section by section."""

    def test_2013_pillar_titles(self) -> None:
        """'Pillars of the dialogues' names three 2013 pillars, in this order."""
        titles = [p.title for p in hled.pillars.filter(edition=2013)]

        assert titles == [
            "Promoting Competitiveness and Connectivity",
            "Fostering Economic Growth, Productivity, Entrepreneurship, and Innovation",
            "Partnering for Regional and Global Leadership",
        ]

    @pytest.mark.parametrize(("pillar", "expected"), [("2013-pillar-1", 2), ("2013-pillar-2", 6), ("2013-pillar-3", 3)])
    def test_sub_topics_per_2013_pillar(self, pillar: str, expected: int) -> None:
        """The article lists 2, 6 and 3 sub-topics under the three 2013 pillars."""
        workstreams = hled.workstreams.filter(pillar=pillar)

        assert len(workstreams) == expected
        assert {w.kind for w in workstreams} == {"sub-topic"}

    def test_nadb_sub_topic_title_is_exact(self) -> None:
        """Sub-topic titles keep the article's wording, acronyms included."""
        workstream = hled.workstreams.lookup("Making effective use of the North American Development Bank (NADB)")

        assert workstream.pillar.id == "2013-pillar-2"

    def test_people_named(self) -> None:
        """The article names seven people."""
        people = {p.id for p in citing(hled.people, WIKI)}

        assert people == {
            "barack-obama",
            "enrique-pena-nieto",
            "joe-biden",
            "penny-pritzker",
            "ildefonso-guajardo",
            "andres-manuel-lopez-obrador",
            "katherine-tai",
        }

    def test_titles_of_the_2014_review_pair(self) -> None:
        """Pritzker is Commerce Secretary and Guajardo Mexico's Secretary of Economy."""
        pritzker = hled.people.get("penny-pritzker")
        guajardo = hled.people.get("ildefonso-guajardo")

        assert (pritzker.latest_title, pritzker.positions[0].organization.id) == (
            "Commerce Secretary",
            "us-department-of-commerce",
        )
        assert (guajardo.latest_title, guajardo.positions[0].organization.id) == (
            "Secretary of Economy",
            "se",
        )

    def test_organizations_named(self) -> None:
        """The article names 23 bodies: 18 in the organizational structure and five elsewhere."""
        organizations = citing(hled.organizations, WIKI)

        assert len(organizations) == 23

    @pytest.mark.parametrize(
        ("country", "role", "expected"),
        [
            ("US", "co-chair", 3),
            ("MX", "co-chair", 3),
            ("US", "participant", 7),
            ("MX", "participant", 5),
        ],
    )
    def test_2013_roles(self, country: str, role: str, expected: int) -> None:
        """'Organizational structure': 3+3 co-chairs and 7+5 participants in 2013."""
        selection = [
            o
            for o in hled.organizations.filter(role=role, edition=2013, country=country)
            if any(r.edition == 2013 and r.role == role and cites(r, WIKI) for r in o.roles)
        ]

        assert len(selection) == expected

    def test_us_co_chairs(self) -> None:
        """The U.S. side was co-chaired by Commerce, State and USTR."""
        ids = {o.id for o in hled.organizations.filter(role="co-chair", edition=2013, country="US")}

        assert ids == {"us-department-of-commerce", "us-department-of-state", "ustr"}

    def test_mexican_co_chairs(self) -> None:
        """The Mexican side was co-chaired by Economy, Finance and Public Credit, and Foreign Affairs."""
        ids = {o.id for o in hled.organizations.filter(role="co-chair", edition=2013, country="MX")}

        assert ids == {"se", "shcp", "sre"}

    def test_events(self) -> None:
        """Nine dated steps: 2013 announcement and launch, 2014, 2015, 2016, relaunch, Tai, 2023, 2024."""
        events = citing(hled.events, WIKI)

        assert sorted(str(e.date)[:4] for e in events) == [
            "2013",
            "2013",
            "2014",
            "2015",
            "2016",
            "2021",
            "2021",
            "2023",
            "2024",
        ]

    def test_results_by_year(self) -> None:
        """Results of 2014 (2), 2015, 2016, the relaunch (3; Sembrando Oportunidades now dated 2021), 2023 and 2024."""
        results = citing(hled.accomplishments, WIKI)

        assert sorted(a.date.year for a in results) == [
            2014,
            2014,
            2015,
            2016,
            2021,
            2021,
            2022,
            2023,
            2024,
        ]

    def test_programs_named(self) -> None:
        """Six named programs: ACE, FOBESII, the CEDS, Root Causes, Sembrando Oportunidades, SURGES."""
        ids = {p.id for p in citing(hled.programs, WIKI)}

        assert ids == {
            "americas-competitiveness-exchange",
            "fobesii",
            "comprehensive-economic-development-strategy",
            "root-causes-strategy",
            "sembrando-oportunidades",
            "surges",
        }

    def test_guatemala_steps(self) -> None:
        """AMEXCID and USAID announced a program in 2023 and concluded training in 2024."""
        results = [
            a for a in hled.accomplishments.filter(organization="AMEXCID") if cites(a, WIKI) and "Guatemala" in a.places
        ]

        assert [str(a.date) for a in results] == ["2023", "2024"]
        assert all("Guatemala" in a.places and {o.id for o in a.organizations} == {"amexcid", "usaid"} for a in results)


class TestFactSheet2021:
    """The White House fact sheet of 2021-09-09 (wh-2021-09-09-fact-sheet)."""

    def test_2021_pillar_titles(self) -> None:
        """The four pillar titles exactly as the fact sheet lists them."""
        titles = [p.title for p in hled.pillars.filter(edition=2021)]

        assert titles == [
            "Building Back Together",
            "Promoting Sustainable Economic and Social Development in Southern Mexico and Central America",
            "Securing the Tools for Future Prosperity",
            "Investing in Our People",
        ]

    @pytest.mark.parametrize(("pillar", "expected"), list(zip(PILLARS_2021, (2, 0, 1, 1), strict=True)))
    def test_headings_per_pillar(self, pillar: str, expected: int) -> None:
        """Headings: 2 under Pillar I, none under II, 1 under III, 1 under IV ('Inclusiveness and Training')."""
        workstreams = hled.workstreams.filter(pillar=pillar)

        assert len(workstreams) == expected
        assert all(w.kind == "heading" and cites(w, FS21) for w in workstreams)

    @pytest.mark.parametrize(("pillar", "expected"), list(zip(PILLARS_2021, (6, 2, 2, 4), strict=True)))
    def test_lines_per_pillar(self, pillar: str, expected: int) -> None:
        """Work-plan lines: 6, 2, 2 and 4 under Pillars I to IV."""
        lines = hled.actions.filter(pillar=pillar, kind="work-plan-line")

        assert len(lines) == expected
        assert all(a.source.id == FS21 for a in lines)

    def test_lines_per_heading(self) -> None:
        """Three lines under each Pillar I heading, two under Pillar III's, four under Pillar IV's."""
        counts = {w.id: len(w.actions) for w in hled.workstreams.filter(edition=2021)}

        assert counts == {
            "2021-supply-chains": 3,
            "2021-trade-facilitation-infrastructure": 3,
            "2021-threats-data-flows": 2,
            "2021-inclusiveness-training": 4,
        }

    def test_pillar_ii_lines_have_no_heading(self) -> None:
        """Pillar II's two lines sit directly under the pillar."""
        lines = hled.actions.filter(pillar="2021-pillar-2", kind="work-plan-line")

        assert [a.workstream for a in lines] == [None, None]

    def test_lines_have_no_title(self) -> None:
        """Fact-sheet lines are described by a summary, not a title."""
        lines = hled.actions.filter(kind="work-plan-line")

        assert all(a.title is None and a.summary for a in lines)

    def test_people_and_bodies(self) -> None:
        """The fact sheet names the two presidents, the Biden-Harris Administration and one initiative."""
        people = {p.id for p in citing(hled.people, FS21)}
        organizations = {o.id for o in citing(hled.organizations, FS21)}
        programs = {p.id for p in citing(hled.programs, FS21)}

        assert people == {"joe-biden", "andres-manuel-lopez-obrador"}
        assert organizations == {"biden-harris-administration"}
        assert programs == {"21st-century-border-management-initiative"}

    def test_border_management_line_names_its_initiative(self) -> None:
        """The co-management line names the 21st Century Border Management Initiative."""
        line = hled.actions.get("2021-p1-border-management")

        assert [p.name for p in line.programs] == ["21st Century Border Management Initiative"]


class TestWorkPlanSummary:
    """The SRE work-plan summary of 2021-12-13 (sre-2021-12-13-work-plan-summary)."""

    @pytest.mark.parametrize(("pillar", "expected"), list(zip(PILLARS_2021, (4, 1, 3, 3), strict=True)))
    def test_initiatives_per_pillar(self, pillar: str, expected: int) -> None:
        """Initiatives: 4, 1, 3 and 3 under Pillars I to IV."""
        initiatives = hled.actions.filter(pillar=pillar, kind="initiative")

        assert len(initiatives) == expected
        assert all(a.source.id == SRE and a.aliases for a in initiatives)

    def test_initiative_locators_follow_the_bullets(self) -> None:
        """Each initiative cites its bullet under its pillar."""
        found = locators(hled.actions.filter(kind="initiative"), SRE)

        assert found == {
            f"Pillar {r}, bullet {n}" for r, k in zip(ROMAN, (4, 1, 3, 3), strict=True) for n in range(1, k + 1)
        }

    def test_initiative_titles_are_exact(self) -> None:
        """The summary's English wording (a translation) is an alias, without the final period, that finds the item."""
        initiatives = hled.actions.filter(kind="initiative")
        aliases = {alias for a in initiatives for alias in a.aliases}

        assert "Partnership to address the causes of irregular migration in southern Mexico and northern CA" in aliases
        assert "Association for trade facilitation for medical equipment" in aliases
        assert not any(t.endswith(".") for t in aliases)
        assert all(hled.actions.lookup(a.aliases[0]).id == a.id for a in initiatives)
        assert (
            hled.actions.lookup(
                "Partnership to address the causes of irregular migration in southern Mexico and northern CA"
            ).id
            == "2021-p2-initiative-irregular-migration"
        )
        assert hled.actions.lookup("Association for trade facilitation for medical equipment").id == (
            "2021-p1-initiative-medical-equipment"
        )

    def test_continues_points_to_fact_sheet_lines(self) -> None:
        """Every initiative but the telecom one continues at least one fact-sheet line of its pillar."""
        initiatives = hled.actions.filter(kind="initiative")

        unlinked = [a.id for a in initiatives if not a.continues]
        assert unlinked == ["2021-p3-initiative-telecommunications"]
        assert all(
            earlier.kind == "work-plan-line" and earlier.pillar == a.pillar
            for a in initiatives
            for earlier in a.continues
        )

    @pytest.mark.parametrize(
        ("text", "pillar"),
        [
            ("Rebuilding Together", "2021-pillar-1"),
            (
                "Promoting economic, social & sustainable development in southern MX & Central America (CA)",
                "2021-pillar-2",
            ),
            ("Securing the tools for future prosperity", "2021-pillar-3"),
            ("Investing in our towns", "2021-pillar-4"),
        ],
    )
    def test_translated_pillar_names(self, text: str, pillar: str) -> None:
        """The summary's pillar names find the 2021 pillars."""
        assert hled.pillars.lookup(text).id == pillar

    def test_work_plan_presented(self) -> None:
        """The work plan was presented on 13 December 2021."""
        event = next(e for e in hled.events.filter(kind="work-plan"))

        assert str(event.date) == "2021-12-13"
        assert cites(event, SRE)

    def test_last_meeting_in_washington(self) -> None:
        """The meeting the work plan derives from was held in Washington, D.C."""
        event = hled.events.filter(kind="relaunch")[0]

        assert event.place is not None
        assert event.place.endswith("Washington, D.C.")
        assert any(v.field == "place" and v.value == "Washington, D.C." for v in event.variants)

    def test_people_and_bodies(self) -> None:
        """The summary names four presidents and, in its footnote, the SRE."""
        people = {p.id for p in citing(hled.people, SRE)}
        organizations = {o.id for o in citing(hled.organizations, SRE)}

        assert people == {
            "barack-obama",
            "enrique-pena-nieto",
            "andres-manuel-lopez-obrador",
            "joe-biden",
        }
        assert organizations == {"sre"}


# The 2022 fact sheet has no pillar headings: its locators name the group of
# bullets by the theme of the paragraph that opens it (groups 1 to 4 are placed
# under Pillars I to IV).
FS22_GROUPS = {
    "I": "group 1 (business environment and supply chains)",
    "II": "group 2 (livelihoods in northern Central America and southern Mexico)",
    "III": "group 3 (ICT, networks, cybersecurity and telecom)",
    "IV": "group 4 (entrepreneurs, SMEs and inclusion)",
}


class TestFactSheet2022:
    """The White House fact sheet of 2022-09-12 (wh-2022-09-12-fact-sheet)."""

    @pytest.mark.parametrize(("pillar", "roman", "expected"), list(zip(PILLARS_2021, ROMAN, (8, 3, 3, 6), strict=True)))
    def test_bullets_per_pillar(self, pillar: str, roman: str, expected: int) -> None:
        """The 20 result bullets group as 8, 3, 3 and 6 under Pillars I to IV."""
        results = hled.accomplishments.filter(pillar=pillar, edition=2021)

        found = locators(results, FS22)

        assert found == {f"{FS22_GROUPS[roman]}, bullet {n}" for n in range(1, expected + 1)}

    def test_results_are_all_placed_under_a_pillar(self) -> None:
        """All 30 records from the 20 bullets sit under a 2021 pillar."""
        results = citing(hled.accomplishments, FS22)

        assert len(results) == 30
        assert all(a.pillar is not None and a.pillar.edition == 2021 and a.edition == 2021 for a in results)

    def test_amounts(self) -> None:
        """Four money amounts: 474 million, 3.4 billion, 1.5 billion and 38,000 U.S. dollars."""
        amounts = sorted(m.value for a in citing(hled.accomplishments, FS22) for m in a.amounts)

        assert amounts == [
            Decimal("38000"),
            Decimal("474000000"),
            Decimal("1500000000"),
            Decimal("3400000000"),
        ]

    def test_epa_conagua_commitment(self) -> None:
        """EPA and CONAGUA committed a combined USD 474 million against Tijuana River pollution."""
        result = hled.accomplishments.filter(organization="EPA")[0]

        assert [(m.value, m.currency) for m in result.amounts] == [(Decimal("474000000"), "USD")]
        assert {o.id for o in result.organizations} == {"epa", "conagua"}
        assert {"Tijuana", "San Diego"} <= set(result.places)

    def test_border_infrastructure(self) -> None:
        """The law's USD 3.4 billion for 26 projects, and Mexico's USD 1.5 billion for 2022-2024 in July."""
        law = hled.accomplishments.filter(program="Bipartisan Infrastructure Law")[0]
        mexico = hled.accomplishments.get("2022-mexico-border-infrastructure")

        assert [(m.value, c.value) for m in law.amounts for c in law.counts] == [(Decimal("3400000000"), 26)]
        assert ([m.value for m in mexico.amounts], str(mexico.date)) == (
            [Decimal("1500000000")],
            "2022-07",
        )

    @pytest.mark.parametrize(
        ("result", "expected"),
        [
            ("2022-surges", {(30, "public-private partnerships", None)}),
            (
                "2022-sustainable-prosperous-communities",
                {(4, "southern Mexican states", None), (40000, "beneficiaries", None)},
            ),
            (
                "2022-academy-for-women-entrepreneurs",
                {(800, "Mexican women participants", "over"), (14, "Mexican states", None)},
            ),
            ("2022-gender-campaign-community-centers", {(13, "community centers", None)}),
            ("2022-selva-maya-conservation", {(7, "southeastern Mexican states", None)}),
            ("2022-english-diploma-courses", {(4, "technical institutions", None)}),
        ],
    )
    def test_counts(self, result: str, expected: set[tuple[int, str, str | None]]) -> None:
        """Counted quantities are structured with their qualifier."""
        counts = {(c.value, c.unit, c.qualifier) for c in hled.accomplishments.get(result).counts}

        assert counts == expected

    def test_academy_award(self) -> None:
        """The United States awarded FUMEC USD 38,000 for the 2022 Academy for Women Entrepreneurs."""
        result = hled.accomplishments.get("2022-academy-for-women-entrepreneurs")

        assert [(m.value, m.currency) for m in result.amounts] == [(Decimal("38000"), "USD")]
        assert [o.acronym for o in result.organizations] == ["FUMEC"]

    def test_stakeholder_outreach(self) -> None:
        """At least 21 stakeholder outreach engagements between 2021-08-31 and 2022-09-12."""
        event = hled.events.filter(kind="outreach")[0]

        assert str(event.date) == "2021-08-31/2022-09-12"
        assert [(c.value, c.qualifier) for c in event.counts] == [(21, "at least")]

    @pytest.mark.parametrize(
        ("event", "date"),
        [
            ("2021-first-trilateral-workforce-forum", "2021-12"),
            ("2022-second-trilateral-workforce-forum", "2022-08-31/2022-09-01"),
            ("2022-09-cybersecurity-forum", "2022-09"),
            ("2022-10-5g-forum", "2022-10"),
            ("2022-10-24-apprenticeship-exchange", "2022-10-24"),
            ("2022-10-technical-education-dialogue", "2022-10"),
            ("2022-07-usmca-free-trade-commission", "2022-07"),
            ("2022-07-presidents-meeting", "2022-07"),
        ],
    )
    def test_dated_events(self, event: str, date: str) -> None:
        """Forums, exchanges and meetings carry the precision the fact sheet gives."""
        record = hled.events.get(event)

        assert str(record.date) == date
        assert cites(record, FS22)

    def test_first_trilateral_forum_in_dallas(self) -> None:
        """The first trilateral workforce forum was held in Dallas, TX."""
        assert hled.events.get("2021-first-trilateral-workforce-forum").place == "Dallas, TX"

    def test_quoted_forum_titles_are_exact(self) -> None:
        """Quoted forum titles keep the fact sheet's capitalization."""
        titles = {e.title for e in citing(hled.events, FS22)}

        assert "Strengthening the Semiconductor and ICT supply Chains between Mexico and the United States" in titles
        assert "Best practices from a public and private perspective on Cybersecurity" in titles

    def test_organizations_named(self) -> None:
        """The fact sheet names 23 bodies."""
        organizations = citing(hled.organizations, FS22)

        assert len(organizations) == 23

    def test_programs_named(self) -> None:
        """The fact sheet names 16 programs, projects, groups, laws, pledges and declarations."""
        programs = citing(hled.programs, FS22)

        assert len(programs) == 16

    def test_people_named(self) -> None:
        """Only the two presidents are named."""
        people = {p.id for p in citing(hled.people, FS22)}

        assert people == {"joe-biden", "andres-manuel-lopez-obrador"}


class TestNames:
    """Variant names in the sources all lead to one record."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Ministry of Economy", "se"),
            ("Mexican Ministry of Economy", "se"),
            ("Mexico’s Ministry of Economy", "se"),
            ("Secretariats of Economy", "se"),
            ("Secretaría de Economía", "se"),
            ("Ministry of Foreign Relations", "sre"),
            ("Secretariat of Foreign Affairs", "sre"),
            ("Ministry of Public Education", "sep"),
            ("U.S. Agency for International Development", "usaid"),
            ("United States Agency for International Development", "usaid"),
            ("U.S. Departments of Agriculture", "us-department-of-agriculture"),
            ("Mexican National Water Council", "conagua"),
            ("Comisión Nacional del Agua", "conagua"),
            ("COFEPRIS", "cofepris"),
            ("USMCA Free Trade Commission", "usmca-free-trade-commission"),
        ],
    )
    def test_organization_variants(self, text: str, expected: str) -> None:
        """Ministry/secretariat wordings, acronyms and Spanish names find one organization."""
        assert hled.organizations.lookup(text).id == expected

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Sowing Opportunities", "sembrando-oportunidades"),
            ("Sembrando Oportunidades", "sembrando-oportunidades"),
            ("SURGES", "surges"),
            ("FOBESII", "fobesii"),
            ("USMCA", "usmca"),
            ("United States-Mexico-Canada Agreement", "usmca"),
        ],
    )
    def test_program_variants(self, text: str, expected: str) -> None:
        """Translations and acronyms find one program."""
        assert hled.programs.lookup(text).id == expected

    @pytest.mark.parametrize(("roman", "pillar"), list(zip(ROMAN, PILLARS_2021, strict=True)))
    def test_pillar_numbers(self, roman: str, pillar: str) -> None:
        """'Pillar I' to 'Pillar IV' name the 2021 pillars."""
        assert hled.pillars.lookup(f"Pillar {roman}").id == pillar

    def test_spanish_names_of_mexican_ministries(self) -> None:
        """The Mexican co-chairs carry their own Spanish names."""
        names = {o.id: o.name_es for o in hled.organizations.filter(role="co-chair", edition=2013, country="MX")}

        assert names == {
            "se": "Secretaría de Economía",
            "shcp": "Secretaría de Hacienda y Crédito Público",
            "sre": "Secretaría de Relaciones Exteriores",
        }

    def test_international_bodies_have_no_country(self) -> None:
        """Binational and international bodies have country None."""
        ids = {o.id for o in hled.organizations if o.country is None}

        assert ids == {"nadb", "museic", "fumec", "apec", "usmca-free-trade-commission", "iom"}


class TestCrosswalk:
    """The editorial 2013 -> 2021 crosswalk."""

    def test_links_are_editorial_and_run_forward(self) -> None:
        """Every link is marked editorial and goes from a 2013 item to a 2021 item."""
        links = hled.compare_editions().links

        assert len(links) == 13
        assert all(link.editorial and link.rationale for link in links)
        assert all(link.earlier.edition == 2013 and link.later.edition == 2021 for link in links)

    def test_every_2013_pillar_is_continued(self) -> None:
        """Each 2013 pillar has at least one 2021 successor."""
        crosswalk = hled.compare_editions()

        assert all(crosswalk.later_of(p) for p in hled.pillars.filter(edition=2013))

    def test_dropped_and_new(self) -> None:
        """Three 2013 sub-topics were dropped; the cybersecurity and data heading is new."""
        crosswalk = hled.compare_editions()

        assert {item.id for item in crosswalk.dropped} == {
            "2013-nadb",
            "2013-regional-trade-priorities",
            "2013-transparency-anti-corruption",
        }
        assert {item.id for item in crosswalk.new} == {"2021-threats-data-flows"}
