"""The bundled data covers the wider public record of the dialogue, 2013 to 2024.

Every number and name asserted here was checked by hand against the documents
the records cite (official releases, copies of them and press reports; see
docs/data.md, "The wider public record"). The tests use only the public API, so
they also show how a reader asks who chaired a meeting, where and when it was
held, and how much was committed.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

import pytest

import hled
from hled._dataset import KINDS

WIKI = "wikipedia-hled"
QUALITIES = ("official", "mirror", "press", "low")
REGISTRIES = tuple(kind.name for kind in KINDS if kind.name != "sources")
PILLARS_2021 = ("2021-pillar-1", "2021-pillar-2", "2021-pillar-3", "2021-pillar-4")
CABINET_MEETINGS = (
    "2013-launch",
    "2015-second-meeting",
    "2016-02-25-third-meeting",
    "2021-relaunch",
    "2022-09-12-second-annual-meeting",
    "2023-09-29-third-meeting",
)


def records() -> list[Any]:
    """Every record that cites sources, of every registry."""
    return [record for name in REGISTRIES for record in getattr(hled, name)]


def cites(record: Any, source_id: str) -> bool:
    """Whether *record* has a citation of the source *source_id*."""
    return any(citation.source.id == source_id for citation in record.sources)


def ids(selection: Any) -> list[str]:
    """The ids of a selection, in registry order."""
    return [record.id for record in selection]


def visible(record: Any, field: str | None = None, words: str = "") -> bool:
    """Whether a discrepancy is shown on *record*: a variant of *field*, or a note containing *words*."""
    if field is not None and any(v.field == field for v in getattr(record, "variants", ())):
        return True
    return bool(words) and any(words.lower() in note.lower() for note in record.notes)


class TestSourceQuality:
    """Every source carries a quality; low-quality documents never stand alone behind a new fact."""

    def test_every_quality_is_one_of_four(self) -> None:
        """The quality of each source is official, mirror, press or low."""
        assert {source.quality for source in hled.sources} <= set(QUALITIES)

    def test_count_per_quality(self) -> None:
        """56 official, 20 mirror, 138 press and 11 low sources (the tenure and names research added most)."""
        counts = Counter(source.quality for source in hled.sources)

        assert counts == {"official": 56, "mirror": 20, "press": 138, "low": 11}
        assert WIKI in ids(hled.sources.filter(quality="low"))

    def test_official_only_view(self) -> None:
        """Filtering by quality gives government sites only."""
        official = hled.sources.filter(quality="official")

        assert len(official) == 56
        assert "ustr-2023-09-29-joint-statement" in ids(official)
        assert all(source.quality == "official" for source in official)

    def test_mirrors_say_what_was_read(self) -> None:
        """A mirror's url is the copy read; where the original address is known it is kept as official_url."""
        mirrors = hled.sources.filter(quality="mirror")

        assert all(source.url.startswith("http") for source in mirrors)
        assert hled.sources.get("sre-2021-12-13-work-plan-summary").official_url is not None

    def test_languages(self) -> None:
        """Spanish documents are marked es, English en; one Italian wire report (ANSA) dates a cabinet change."""
        languages = Counter(source.language for source in hled.sources)

        assert languages == {"en": 122, "es": 102, "it": 1}
        assert hled.sources.get("se-2022-09-12-2a-reunion-anual-dean").language == "es"

    def test_no_low_source_stands_alone(self) -> None:
        """No record rests only on a low-quality source other than the seed article; those are the seed's own facts."""
        alone = [r for r in records() if all(c.source.quality == "low" for c in r.sources)]

        assert all({c.source.id for c in r.sources} == {WIKI} for r in alone)
        assert len(alone) == 8  # the Tai statement now cites the USTR release too

    def test_no_low_source_stands_alone_for_a_date_or_name(self) -> None:
        """A tenure, a sighting, a dated name or a dissolution cited to a low source is cited to a better one too."""
        groups = [
            *(p.tenure_sources for person in hled.people for p in person.positions if p.tenure_sources),
            *(n.sources for org in hled.organizations for n in org.names),
            *(org.dissolved.sources for org in hled.organizations if org.dissolved),
        ]

        assert len(groups) > 60
        assert all(any(c.source.quality != "low" for c in group) for group in groups)

    def test_new_facts_cite_official_mirror_or_press(self) -> None:
        """Every citation other than the seed article's points to an official, mirror or press source."""
        qualities = {c.source.quality for r in records() for c in r.sources if c.source.id != WIKI}

        assert qualities <= {"official", "mirror", "press"}

    def test_undated_documents_have_no_date(self) -> None:
        """Documents that show no date keep published empty."""
        for source_id in (
            "hled-progress-report-docslib-copy",
            "ita-hled-page",
            "presidencia-mechanisms-bilateral-agenda",
        ):
            assert hled.sources.get(source_id).published is None


class TestMeetings:
    """Cabinet-level meetings and mid-year reviews: when, where, who chaired."""

    @pytest.mark.parametrize(
        ("event", "date", "place", "chairs"),
        [
            (
                "2013-launch",
                "2013-09-20",
                "Secretaría de Relaciones Exteriores, Mexico City",
                # Biden and Videgaray led; USTR names the U.S. co-chairs and Mexico's delegation leads (audit 2026-12)
                {
                    "Joseph R. Biden",
                    "Luis Videgaray",
                    "Michael Froman",
                    "Penny Pritzker",
                    "Jose W. Fernandez",
                    "Ildefonso Guajardo",
                    "José Antonio Meade",
                },
            ),
            (
                "2015-second-meeting",
                "2015-01-06",
                "Eisenhower Executive Office Building, Washington, D.C.",
                {"Joseph R. Biden", "Luis Videgaray"},
            ),
            (
                "2016-02-25-third-meeting",
                "2016-02-25",
                "Secretaría de Relaciones Exteriores, Mexico City",
                {"Joseph R. Biden", "Luis Videgaray", "Claudia Ruiz Massieu", "Ildefonso Guajardo"},
            ),
            (
                "2021-relaunch",
                "2021-09-09",
                "Eisenhower Executive Office Building, Washington, D.C.",
                {"Kamala Harris", "Marcelo Ebrard"},
            ),
            (
                "2022-09-12-second-annual-meeting",
                "2022-09-12",
                "Secretaría de Economía headquarters, Mexico City",
                {
                    "Antony J. Blinken",
                    "Gina Raimondo",
                    "Jayme White",
                    "Ken Salazar",
                    "Tatiana Clouthier",
                    "Marcelo Ebrard",
                    "Rogelio Ramírez de la O",
                    "Esteban Moctezuma",
                },
            ),
            (
                "2023-09-29-third-meeting",
                "2023-09-29",
                "Harry S. Truman Building, Washington, D.C.",
                {
                    "Antony J. Blinken",
                    "Gina Raimondo",
                    "Katherine Tai",
                    "Ken Salazar",
                    "Alicia Bárcena",
                    "Raquel Buenrostro",
                    "Esteban Moctezuma",
                },
            ),
        ],
    )
    def test_cabinet_meeting(self, event: str, date: str, place: str, chairs: set[str]) -> None:
        """Each cabinet-level meeting has its date, venue and chairs of both sides, all among its people."""
        record = hled.events.get(event)

        assert str(record.date) == date
        assert record.place == place
        assert {p.name for p in record.chairs} == chairs
        assert set(record.chairs) <= set(record.people)

    def test_cabinet_meetings_by_year(self) -> None:
        """Cabinet-level meetings in 2013, 2015, 2016, 2021, 2022 and 2023, none in 2014 or 2024."""
        years = [hled.events.get(e).date.year for e in CABINET_MEETINGS]

        assert years == [2013, 2015, 2016, 2021, 2022, 2023]
        assert [hled.events.get(e).kind for e in CABINET_MEETINGS] == [
            "launch",
            "meeting",
            "meeting",
            "relaunch",
            "meeting",
            "meeting",
        ]

    def test_mid_year_reviews(self) -> None:
        """Reviews in 2014, 2015, 2016, 2022 and 2024; the 2023 review rests on a low-quality report and is left out."""
        reviews = hled.events.filter(kind="review")

        assert [str(e.date) for e in reviews] == ["2014-06-27", "2015-07-29", "2016-12-07", "2022-04-18", "2024"]
        assert len(hled.events.filter(kind="review", year=2023)) == 0

    @pytest.mark.parametrize(
        ("event", "chairs"),
        [
            ("2014-mid-year-review", {"Penny Pritzker", "Ildefonso Guajardo"}),
            ("2015-07-29-mid-year-review", {"Penny Pritzker", "Luis Videgaray"}),
            (
                "2016-12-07-follow-up-review",
                {"Penny Pritzker", "Claudia Ruiz Massieu", "Ildefonso Guajardo", "Vanessa Rubio"},
            ),
            (
                "2022-04-18-mid-year-review",
                {
                    "Marisa Lago",
                    "Jose W. Fernandez",
                    "Jayme White",
                    "Luz María de la Mora",
                    "Gabriel Yorio",
                    "Roberto Velasco",
                },
            ),
        ],
    )
    def test_review_chairs(self, event: str, chairs: set[str]) -> None:
        """Each review's co-leads as the review releases name them."""
        assert {p.name for p in hled.events.get(event).chairs} == chairs

    def test_who_chaired_2022(self) -> None:
        """Blinken, Clouthier and Ramírez de la O chaired the 2022 meeting; Bárcena chaired only 2023."""
        assert ids(hled.events.filter(chair="Tatiana Clouthier")) == ["2022-09-12-second-annual-meeting"]
        assert ids(hled.events.filter(chair="Rogelio Ramírez de la O")) == ["2022-09-12-second-annual-meeting"]
        assert ids(hled.events.filter(chair="Antony J. Blinken")) == [
            "2022-09-12-second-annual-meeting",
            "2023-09-29-third-meeting",
        ]

    def test_who_chaired_2023(self) -> None:
        """Bárcena and Buenrostro chaired Mexico's side in 2023; Tai chaired for USTR."""
        for name in ("Alicia Bárcena", "Raquel Buenrostro", "Katherine Tai"):
            assert ids(hled.events.filter(chair=name)) == ["2023-09-29-third-meeting"]

    def test_everything_pritzker_took_part_in(self) -> None:
        """Penny Pritzker: the 2013 launch, the 2014, 2015 and December 2016 reviews and the 2016 meeting."""
        events = hled.events.filter(person="Penny Pritzker")

        assert ids(events) == [
            "2013-launch",
            "2014-mid-year-review",
            "2015-07-29-mid-year-review",
            "2016-02-25-third-meeting",
            "2016-12-07-follow-up-review",
        ]
        assert ids(hled.events.filter(chair="Penny Pritzker")) == [
            "2013-launch",
            "2014-mid-year-review",
            "2015-07-29-mid-year-review",
            "2016-12-07-follow-up-review",
        ]

    def test_meetings_of_2016(self) -> None:
        """2016: the Mexico City meeting in February and the December videoconference."""
        events = hled.events.filter(year=2016, kind=["meeting", "review"])

        assert [(str(e.date), e.place, e.format) for e in events] == [
            ("2016-02-25", "Secretaría de Relaciones Exteriores, Mexico City", None),
            ("2016-12-07", None, "virtual"),
        ]

    def test_governors_meetings(self) -> None:
        """Meetings of southern governors with the U.S. Embassy: Villahermosa, Mérida, Cancún, Mexico City."""
        events = [e for e in hled.events.filter(pillar="2021-pillar-2", kind="meeting") if "governors" in e.title]

        assert [(str(e.date), e.place) for e in events] == [
            ("2021-10-20", "Villahermosa, Tabasco"),
            ("2021-11", "Mérida, Yucatán"),
            ("2022-02-23", "Cancún, Quintana Roo"),
            ("2022-05", "Mexico City"),
        ]

    def test_2013_announcement(self) -> None:
        """The presidents announced the dialogue in Mexico City on 2 May 2013."""
        event = hled.events.get("2013-announcement")

        assert (str(event.date), event.place) == ("2013-05-02", "Mexico City")
        assert {p.name for p in event.chairs} == {"Barack Obama", "Enrique Peña Nieto"}

    def test_relaunch_steps_of_2021(self) -> None:
        """2021: presidents' declaration (1 March), Harris visit (8 June), date set (10 August), relaunch (9 Sept)."""
        events = hled.events.filter(year=2021, kind=["announcement", "visit", "meeting", "relaunch"])

        assert [str(e.date) for e in events][:4] == ["2021-03-01", "2021-06-08", "2021-08-10", "2021-09-09"]


class TestPeople:
    """Officials with their titles over time."""

    def test_biden_positions_over_time(self) -> None:
        """Joe Biden: Vice President 2009-2017 (seen from the 2013 launch), President 2021-2025 (seen from 2021-03)."""
        biden = hled.people.lookup("Joe Biden")

        assert [(p.title, str(p.start), str(p.end), str(p.attested)) for p in biden.positions] == [
            ("Vice President", "2009-01-20", "2017-01-20", "2013-09-19/2016-02-25"),
            ("United States President", "2021-01-20", "2025-01-20", "2021-03-01/2022-09-12"),
        ]
        assert biden.latest_title == "United States President"

    @pytest.mark.parametrize(
        ("name", "titles"),
        [
            ("Alejandro Mayorkas", ["Deputy Secretary of Homeland Security", "Secretary of Homeland Security"]),
            ("Claudia Ruiz Massieu", ["Secretary of Tourism", "Secretary of Foreign Relations"]),
            (
                "Laura Elena Carrillo",
                ["AMEXCID Executive Director", "SRE undersecretary for Central America and the Caribbean"],
            ),
        ],
    )
    def test_title_changes(self, name: str, titles: list[str]) -> None:
        """People who held two titles keep both, oldest first, each with its own sources."""
        person = hled.people.lookup(name)

        assert [p.title for p in person.positions] == titles
        assert all(p.sources for p in person.positions)
        firsts = [p.held[0] for p in person.positions]
        assert firsts == sorted(firsts)

    @pytest.mark.parametrize(
        ("alias", "person"),
        [
            ("Marcelo Ebrard Casaubon", "marcelo-ebrard"),
            ("Luis Videgaray Caso", "luis-videgaray"),
            ("Tatiana Clouthier Carrillo", "tatiana-clouthier"),
            ("Esteban Moctezuma Barragán", "esteban-moctezuma"),
            ("Sergio Alcocer Martínez de Castro", "sergio-alcocer"),
        ],
    )
    def test_name_variants(self, alias: str, person: str) -> None:
        """Full names with second surnames find the same person."""
        assert hled.people.lookup(alias).id == person

    def test_people_by_country(self) -> None:
        """60 people: 29 U.S. and 31 Mexican officials and leaders."""
        assert (len(hled.people), len(hled.people.filter(country="US")), len(hled.people.filter(country="MX"))) == (
            60,
            29,
            31,
        )

    def test_positions_name_their_organization(self) -> None:
        """Cabinet titles point to their ministry or department."""
        found = {
            pid: getattr(hled.people.get(pid).positions[0].organization, "id", None)
            for pid in ("alicia-barcena", "marisa-lago", "luis-videgaray")
        }

        assert found == {"alicia-barcena": "sre", "marisa-lago": "ita", "luis-videgaray": "shcp"}


class TestPillarsAndAreas:
    """Spanish pillar names, variant wordings and the 2015–2016 priority areas."""

    @pytest.mark.parametrize(
        ("text", "pillar"),
        [
            ("Invertir en nuestro pueblo", "2021-pillar-4"),
            ("Invertir en nuestros pueblos", "2021-pillar-4"),
            ("Invertir en el pueblo", "2021-pillar-4"),
            ("invertir en nuestra gente", "2021-pillar-4"),
            ("Reconstruir juntos", "2021-pillar-1"),
            ("Asegurar las herramientas para la prosperidad futura", "2021-pillar-3"),
            (
                "Promover el desarrollo económico, social y sustentable en el sur de México y Centroamérica",
                "2021-pillar-2",
            ),
            ("Promoción de la competitividad y conectividad", "2013-pillar-1"),
            ("Fostering Economic Growth, Productivity and Innovation", "2013-pillar-2"),
            ("partnering for global leadership", "2013-pillar-3"),
        ],
    )
    def test_spanish_and_variant_names(self, text: str, pillar: str) -> None:
        """Spanish titles and other wordings look up their pillar."""
        assert hled.pillars.lookup(text).id == pillar

    def test_2021_spanish_titles(self) -> None:
        """The 2021 pillars carry the December 2021 communiqué's Spanish titles."""
        titles = [p.title_es for p in hled.pillars.filter(edition=2021)]

        assert titles == [
            "Reconstruir juntos",
            "Promover el desarrollo económico, social y sustentable en el sur de México y Centroamérica",
            "Asegurar las herramientas para la prosperidad futura",
            "Invertir en nuestro pueblo",
        ]

    def test_priority_areas(self) -> None:
        """Six priority areas of 2015, two added in 2016 and one from the December 2016 list, with no pillar."""
        areas = hled.workstreams.filter(kind="priority-area")

        assert [w.title for w in areas][:6] == [
            "Energy",
            "Modern borders",
            "Workforce development",
            "Regulatory cooperation",
            "Partnering in regional and global leadership",
            "Stakeholder engagement",
        ]
        assert len(areas) == 9
        assert all(w.edition == 2013 and w.pillar is None for w in areas)

    def test_priority_area_spanish_names(self) -> None:
        """The SRE's 2016 Spanish list maps onto five areas."""
        assert hled.workstreams.lookup("Frontera moderna").id == "2013-priority-modern-borders"
        assert hled.workstreams.lookup("Temas energéticos").id == "2013-priority-energy"
        assert sum(1 for w in hled.workstreams.filter(kind="priority-area") if w.title_es) == 5

    def test_work_plan_spanish_titles(self) -> None:
        """All 11 initiatives of 13 December 2021 have their Spanish title; five have the Commerce English title."""
        initiatives = hled.actions.filter(kind="initiative")

        assert len(initiatives) == 11
        assert all(a.title_es for a in initiatives)
        assert sum(1 for a in initiatives if a.title) == 5
        found = hled.actions.lookup("Trade Facilitation Partnership for Medical Devices")
        assert found.title_es == "Asociación para la facilitación comercial para equipo médico"


class TestOrganizations:
    """Bodies with their Spanish names and roles in both editions."""

    def test_2021_co_chairs(self) -> None:
        """State, Commerce and USTR co-chair the U.S. side in 2021; SE, SRE and SHCP the Mexican side."""
        co_chairs = {
            o.id for o in hled.organizations if any(r.role == "co-chair" and r.edition == 2021 for r in o.roles)
        }

        assert co_chairs == {"us-department-of-state", "us-department-of-commerce", "ustr", "se", "sre", "shcp"}

    @pytest.mark.parametrize(
        ("text", "organization"),
        [
            ("Unidad para América del Norte", "sre-unit-for-north-america"),
            ("Subsecretaría de Comercio Exterior", "se-undersecretariat-of-foreign-trade"),
            ("Tecnológico Nacional de México", "tecnm"),
            ("SCT", "sict"),
            ("Secretaría de Comunicaciones y Transportes", "sict"),
            ("SAGARPA", "sader"),
            ("CBP", "cbp"),
        ],
    )
    def test_names(self, text: str, organization: str) -> None:
        """Spanish names, former names and acronyms find one organization."""
        assert hled.organizations.lookup(text).id == organization

    def test_parent_links(self) -> None:
        """Sub-units point to the body they belong to."""
        parents = {
            oid: getattr(hled.organizations.get(oid).parent, "id", None)
            for oid in ("cbp", "ita", "sre-unit-for-north-america", "se-undersecretariat-of-foreign-trade")
        }

        assert parents == {
            "cbp": "us-department-of-homeland-security",
            "ita": "us-department-of-commerce",
            "sre-unit-for-north-america": "sre",
            "se-undersecretariat-of-foreign-trade": "se",
        }

    def test_unverified_spanish_names_are_empty(self) -> None:
        """Spanish names the sources do not give verbatim are left empty; INADEM's and CONACYT's are now cited."""
        for oid in ("sat", "senasica", "asea"):
            assert hled.organizations.get(oid).name_es is None
        assert hled.organizations.get("inadem").name_es == "Instituto Nacional del Emprendedor"
        assert hled.organizations.get("conacyt").name_es == "Consejo Nacional de Ciencia y Tecnología"


class TestResults:
    """Results by year and pillar, with their amounts and counts."""

    @pytest.mark.parametrize(
        ("year", "expected"),
        [(2021, (10, 7, 2, 8)), (2022, (13, 6, 3, 10)), (2023, (4, 3, 1, 0)), (2024, (1, 0, 0, 0))],
    )
    def test_results_by_pillar(self, year: int, expected: tuple[int, int, int, int]) -> None:
        """Results under Pillars I to IV, year by year from 2021 to 2024.

        The 2022 fact sheet's undated results carry its reporting period
        (2021-08-31/2022-09-12), so they count in both 2021 and 2022.
        """
        counts = tuple(len(hled.accomplishments.filter(pillar=p, year=year)) for p in PILLARS_2021)

        assert counts == expected

    def test_results_of_the_first_edition(self) -> None:
        """The first edition's results, 2014 to 2016, sit under no pillar."""
        results = hled.accomplishments.filter(edition=2013)

        assert len(results) == 24
        assert all(a.pillar is None for a in results)

    def test_tnc_grant(self) -> None:
        """USAID granted TNC US$30 million; TNC pledged US$60 million more; Vila spoke of up to US$90 million."""
        result = hled.accomplishments.get("2022-02-tnc-southeast-funding")

        assert [m.value for m in result.amounts] == [Decimal("30000000"), Decimal("60000000"), Decimal("90000000")]
        assert [m.qualifier for m in result.amounts] == [None, None, "up to"]
        assert {o.id for o in result.organizations} == {"usaid", "the-nature-conservancy"}
        assert [e.id for e in result.events] == ["2022-02-23-cancun-governors-meeting"]

    @pytest.mark.parametrize(
        ("result", "amounts"),
        [
            ("2021-10-southeast-investment-goal", [Decimal("25000000000")]),
            ("2022-05-surges-additional-funding", [Decimal("30000000"), Decimal("250000000")]),
            ("2023-09-root-causes-regional-results", [Decimal("450000000")]),
            ("2024-03-itsi-semiconductor-partnership", [Decimal("500000000"), Decimal("100000000")]),
        ],
    )
    def test_amounts(self, result: str, amounts: list[Decimal]) -> None:
        """Money amounts are exact decimals in U.S. dollars."""
        record = hled.accomplishments.get(result)

        assert [m.value for m in record.amounts] == amounts
        assert {m.currency for m in record.amounts} == {"USD"}

    def test_talento_mexicano(self) -> None:
        """Eleven students, five women and six men, went to Mesa Community College."""
        result = hled.accomplishments.get("2023-12-talento-mexicano")

        assert [(c.value, c.unit) for c in result.counts] == [
            (11, "engineering students"),
            (5, "women students"),
            (6, "men students"),
        ]
        assert "mesa-community-college" in {o.id for o in result.organizations}

    def test_results_of_the_2016_meeting(self) -> None:
        """Results reported at the February 2016 meeting link to it."""
        results = hled.accomplishments.filter(event="2016-02-25-third-meeting")

        assert len(results) == 9


class TestDiscrepancies:
    """Each open question of the record is shown on the record it concerns, not silently resolved."""

    def test_2014_review_date(self) -> None:
        """27 June from Commerce; the Embassy release gives no day (note)."""
        event = hled.events.get("2014-mid-year-review")

        assert str(event.date) == "2014-06-27"
        assert visible(event, words="30 June 2014")

    def test_2016_meeting_dates(self) -> None:
        """SRE announced 25–26 February; U.S. documents say 25 February (variant)."""
        event = hled.events.get("2016-02-25-third-meeting")

        assert [(v.field, v.value) for v in event.variants] == [("date", "2016-02-25/2016-02-26")]

    def test_last_activity_of_the_first_edition(self) -> None:
        """The December 2016 review notes the unsupported 'July 2016' claim."""
        assert visible(hled.events.get("2016-12-07-follow-up-review"), words="July 2016")

    def test_numbering(self) -> None:
        """2016: third cabinet meeting of the first series; 2022: second annual; 2023: third since the relaunch."""
        assert visible(hled.events.get("2016-02-25-third-meeting"), words="third cabinet-level")
        assert hled.events.get("2022-09-12-second-annual-meeting").title_es is not None
        assert visible(hled.events.get("2023-09-29-third-meeting"), words="third meeting since the relaunch")

    def test_2013_launch_place(self) -> None:
        """The 2013 launch was in Mexico City, as every source with a place says."""
        event = hled.events.get("2013-launch")

        assert event.place is not None
        assert event.place.endswith("Mexico City")
        assert visible(event, words="Mexico City")

    def test_2022_venue(self) -> None:
        """Ebrard named Monterrey; the meeting was held at the SE in Mexico City (variant)."""
        event = hled.events.get("2022-09-12-second-annual-meeting")

        assert [(v.field, v.value) for v in event.variants] == [("place", "Monterrey")]

    def test_2024_review(self) -> None:
        """Only the 2024 fact sheet's title is known; the note says so."""
        event = hled.events.get("2024-mid-year-review")

        assert visible(event, words="not retrieved")
        assert [c.source.quality for c in event.sources] == ["official", "press"]

    def test_commerce_titles(self) -> None:
        """Six work-plan items lack a confirmed Commerce English title (note)."""
        missing = [a for a in hled.actions.filter(kind="initiative") if visible(a, words="was not captured")]

        assert len(missing) == 6

    def test_pillar_iv_spanish_variants(self) -> None:
        """Four Spanish wordings of Pillar IV: one title_es and three variants."""
        pillar = hled.pillars.get("2021-pillar-4")

        assert [v.field for v in pillar.variants] == ["title_es", "title_es", "title_es"]

    def test_2013_pillar_3_spanish_is_unknown(self) -> None:
        """The 2013 third pillar's Spanish title is cut short in the source: empty, with a note."""
        pillar = hled.pillars.get("2013-pillar-3")

        assert pillar.title_es is None
        assert visible(pillar, words="cut short")

    def test_sustainable_prosperous_communities(self) -> None:
        """The program's official name is not confirmed (note)."""
        assert visible(hled.programs.get("sustainable-prosperous-communities-program"), words="not confirmed")

    def test_trade_figures(self) -> None:
        """2023: more than $864 billion (joint statement) vs $860 billion (Blinken); 2013: the VOA error."""
        meeting = hled.events.get("2023-09-29-third-meeting")
        announcement = hled.events.get("2013-announcement")

        assert [m.value for m in meeting.amounts] == [Decimal("864000000000")]
        assert [v.value for v in meeting.variants] == ["USD 860,000,000,000"]
        assert [v.value for v in announcement.variants] == ["USD 500 million"]

    def test_governors_meeting_dates(self) -> None:
        """The first governors' meeting's date is disputed and the fourth is missing (notes)."""
        assert visible(hled.events.get("2021-10-20-villahermosa-governors-meeting"), words="September 2021")
        assert visible(hled.events.get("2022-05-mexico-city-governors-meeting"), words="fourth meeting")

    def test_unconfirmed_titles(self) -> None:
        """Alan Bersin's 2016 title and Laura Elena Carrillo's 2023 title are flagged."""
        assert visible(hled.people.get("alan-bersin"), words="not confirmed")
        assert visible(hled.people.get("laura-elena-carrillo"), words="Subsecretaria para América Latina y el Caribe")

    def test_progress_report_is_undated(self) -> None:
        """The progress report's date and issuing agency are unknown (source note)."""
        assert any("issuing agency" in n for n in hled.sources.get("hled-progress-report-docslib-copy").notes)

    def test_single_window_timing(self) -> None:
        """The Single Window's creation date is open (note)."""
        assert visible(hled.accomplishments.get("2023-09-single-window-for-investors"), words="26 July 2023")

    def test_academy_counts(self) -> None:
        """Raimondo's 13 states against the fact sheet's 14 (variant)."""
        result = hled.accomplishments.get("2022-academy-for-women-entrepreneurs")

        assert [(v.field, v.value) for v in result.variants] == [("counts", "800 women in 13 Mexican states")]

    def test_mexican_border_commitment(self) -> None:
        """A March 2023 peso figure that may describe the USD 1.5 billion commitment is a variant, not a correction."""
        result = hled.accomplishments.get("2022-mexico-border-infrastructure")

        assert [m.value for m in result.amounts] == [Decimal("1500000000")]
        assert [(v.field, v.value) for v in result.variants] == [("amounts", "MXN 17,000,000,000 (about)")]

    def test_context_figures_are_flagged(self) -> None:
        """USAID's regional Root Causes figures are marked as not specific to the dialogue."""
        assert visible(hled.accomplishments.get("2023-09-root-causes-regional-results"), words="not results specific")
