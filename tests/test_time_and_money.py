"""Answers that add up: who held what when, which meetings happened, and money that totals right."""

from __future__ import annotations

import datetime
import json
import shutil
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

import attrs
import pytest

import hled
from hled._dataset import BUILD_ORDER
from hled._dates import as_span, as_window
from hled._restrict import restrict
from hled._total import total

from .conftest import citations_in


@pytest.fixture
def bundled_dir(tmp_path: Path) -> Path:
    """A writable copy of the bundled data directory."""
    target = tmp_path / "data"
    shutil.copytree(Path(str(files("hled") / "data")), target)
    return target


def _edit(folder: Path, name: str, rid: str, change) -> None:
    path = folder / name
    records = json.loads(path.read_text(encoding="utf-8"))
    change(next(r for r in records if r["id"] == rid))
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")


class TestWhoHeldWhat:
    @pytest.mark.parametrize(
        ("title", "on", "expected"),
        [
            ("Secretary of Economy", "2022-09-12", ("tatiana-clouthier",)),
            ("Secretary of Economy", "2022-10-10", ("raquel-buenrostro",)),
            ("Secretary of Commerce", "2022-09-12", ("gina-raimondo",)),
            ("U.S. Secretary of Commerce", "2016", ("penny-pritzker",)),
            ("Secretaria de Economía", "Sept 2022", ("tatiana-clouthier",)),
            ("Secretario de Hacienda", datetime.date(2022, 9, 12), ("rogelio-ramirez-de-la-o",)),
            ("Secretary of Foreign Relations", hled.PartialDate(2023, 9, 29), ("alicia-barcena",)),
            ("Vice President", "2014-06-27", ("joe-biden",)),
            ("Vice President", "2021-09-09", ("ana-lopez-mestre", "kamala-harris")),  # word by word: AmCham's too
            ("Secretary of Homeland Security", "2016-02-25", ()),  # Mayorkas was then Deputy Secretary
            ("Deputy Secretary of Homeland Security", "2016-02-25", ("alejandro-mayorkas",)),
            ("Secretary of State", "2022-04-18", ("antony-j-blinken",)),  # not the Under Secretary
            ("Secretary of Commerce", "2022-04-18", ("gina-raimondo",)),
            ("Under Secretary of State", "2016-02-25", ("catherine-novelli",)),
        ],
    )
    def test_title_on_a_day(self, title, on, expected):
        """Who held an office on a day: one position meets the title and the day together."""
        assert hled.people.filter(title=title, on=on).ids == expected

    def test_the_parts_of_one_position_go_together(self):
        """Biden was Vice President and, later, President: no position of his is a vice presidency in 2022."""
        assert "joe-biden" in hled.people.filter(title="Vice President").filter(on="2022").ids
        assert "joe-biden" not in hled.people.filter(title="Vice President", on="2022").ids
        assert hled.people.filter(organization="se", on="2022-09-12", title="Secretary").ids == ("tatiana-clouthier",)
        assert hled.people.filter(agency="us-department-of-commerce", between=("2014", "2015")).ids == (
            "penny-pritzker",
        )

    def test_position_on(self):
        """A person's title on a day; None where none is known; the latest taken up where two overlap."""
        mayorkas = hled.people.get("alejandro-mayorkas")

        assert mayorkas.position_on("2016-02-25").title == "Deputy Secretary of Homeland Security"
        assert mayorkas.position_on("2022").title == "Secretary of Homeland Security"
        assert mayorkas.position_on("2018") is None
        assert hled.people.get("claudia-ruiz-massieu").position_on("2015").title == "Secretary of Foreign Relations"

    def test_past_the_cutoff_is_refused(self):
        """After the data's cut-off, tenure is not known: asking is a ValueError saying so, not an empty answer."""
        assert str(hled.dataset().cutoff) == "2024-12-31"
        with pytest.raises(ValueError, match=r"runs to 2024-12-31 .* ask about 2024-12-31 or earlier, got '2025'"):
            hled.people.filter(title="Ambassador", on="2025")
        with pytest.raises(ValueError, match=r"still held 'Ambassador of Mexico to the United States' at the data"):
            hled.people.get("esteban-moctezuma").position_on("2025-02")
        assert hled.people.filter(title="Ambassador of Mexico to the United States", between=("2024-06", None)).ids == (
            "esteban-moctezuma",
        )

    def test_tenure_and_evidence_are_kept_apart(self):
        """Tenure comes from the sources that state it; the sightings from the sources that show the title."""
        positions = [p for person in hled.people for p in person.positions]
        stated = [p for p in positions if p.start or p.end or p.still_held]

        assert len(positions) == 65
        assert len(stated) >= 45
        assert all(p.tenure_sources for p in stated)
        assert all(p.attested is not None and 1 <= len(p.attested_by) <= 2 for p in positions)
        pritzker = hled.people.get("penny-pritzker").positions[0]
        assert (str(pritzker.start), pritzker.end, str(pritzker.attested)) == (
            "2013-06-26",
            None,
            "2013-09-20/2016-12-07",
        )
        assert pritzker.held == (datetime.date(2013, 6, 26), datetime.date(2016, 12, 7))

    def test_inference_is_marked(self):
        """A date worked out rather than stated is named in `inferred`, and the note says how."""
        videgaray = hled.people.get("luis-videgaray").positions[0]

        assert videgaray.inferred == ("start",)
        assert "took office" in videgaray.note

    @pytest.mark.parametrize("bad", ["someday", "05/2013", 2022, [None], ("2022",), ("2023", "2022")])
    def test_bad_dates_say_what_works(self, bad):
        """Anything that is not a date is a ValueError with examples of what works."""
        with pytest.raises((ValueError, TypeError), match=r"2022-09-12|START"):
            hled.people.filter(between=bad) if isinstance(bad, tuple) else hled.events.filter(on=bad)

    def test_date_readers(self):
        """A partial date is every day it may be; a window's open end is open."""
        assert as_span("2022") == (datetime.date(2022, 1, 1), datetime.date(2022, 12, 31))
        assert as_window((None, "2013-05")) == (datetime.date.min, datetime.date(2013, 5, 31))
        with pytest.raises(ValueError, match="got int 3"):
            as_span(3)
        with pytest.raises(ValueError, match="before its start"):
            as_window(("2023", "2022"))


class TestOnAndBetween:
    def test_events_sources_results(self):
        """on= touches the record's date or span; between= is inclusive; a span touches every day it covers."""
        assert hled.events.filter(on="2022-09-12").ids[-1] == "2022-09-12-second-annual-meeting"
        assert "2021-2022-stakeholder-outreach" in hled.events.filter(on="2022-01").ids
        assert hled.events.filter(between=("2013-09-20", "2013-09-20")).ids == ("2013-launch",)
        assert set(hled.sources.filter(on="2013-05-02").ids) >= {"ustr-2013-05-02-hled-fact-sheet"}
        assert hled.accomplishments.filter(reported="2022-09-12") == hled.accomplishments.filter(
            reported_between=("2022-09-12", "2022-09-12")
        )

    def test_chained_equals_combined(self):
        """Date criteria compose with the others like any criterion."""
        a = hled.accomplishments
        assert a.filter(agency="USAID").filter(on="2022") == a.filter(agency="USAID", on="2022")
        assert a.filter(on="2022").filter(agency="USAID") == a.filter(on="2022", agency="USAID")
        assert a.filter(on=["2014", "2016"]) == (a.filter(on="2014") | a.filter(on="2016"))


class TestEvents:
    def test_every_cabinet_level_meeting(self):
        """level="cabinet" gives the dialogue's cabinet-level meetings, launch and relaunch included, no others."""
        found = hled.events.filter(level="cabinet").ids

        assert found[0] == "2013-launch"
        assert "2021-relaunch" in found
        assert "2022-07-usmca-free-trade-commission" not in found
        assert not any("governors" in rid for rid in found)
        assert len(found) == 9

    def test_status_and_dialogue(self):
        """Every bundled event says whether it took place and whether it belongs to the dialogue."""
        assert all(e.status is not None and e.dialogue is not None for e in hled.events)
        assert hled.events.filter(status="scheduled").ids == (
            "2022-10-5g-forum",
            "2022-10-technical-education-dialogue",
            "2022-10-24-apprenticeship-exchange",
        )
        assert not hled.events.get("2022-07-usmca-free-trade-commission").dialogue
        assert hled.events.filter(dialogue="no") == hled.events.filter(dialogue=False)
        with pytest.raises(TypeError, match="dialogue must be True or False"):
            hled.events.filter(dialogue="maybe")

    def test_chairs_by_side(self):
        """chairs_for splits the chairs by the country they served, by code or by name."""
        review = hled.events.get("2016-12-07-follow-up-review")

        assert [p.id for p in review.chairs_for("México")] == [
            "claudia-ruiz-massieu",
            "ildefonso-guajardo",
            "vanessa-rubio",
        ]
        assert [p.id for p in review.chairs_for("us")] == ["penny-pritzker"]
        with pytest.raises(ValueError, match="ISO 3166-1"):
            review.chairs_for("Atlantis")


class TestMoney:
    def test_every_amount_says_what_it_is(self):
        """Every bundled amount has a kind; providers and recipients are organizations."""
        amounts = [m for reg in (hled.events, hled.accomplishments) for r in reg for m in r.amounts]

        assert len(amounts) == 21
        assert all(m.kind is not None for m in amounts)
        tnc = hled.accomplishments.get("2022-02-tnc-southeast-funding").amounts
        assert [(m.kind, m.part_of) for m in tnc] == [
            ("grant", "tnc-southeast-funding-estimate"),
            ("commitment", "tnc-southeast-funding-estimate"),
            ("estimate", None),
        ]
        assert tnc[0].provider.id == "usaid"
        assert tnc[0].recipient.id == "the-nature-conservancy"

    def test_totals_add_one_kind_and_leave_parts_out(self):
        """A total of one kind: a part is left out only where what it is part of is added."""
        budgets = hled.accomplishments.total(currency="usd", kind="budget")

        assert budgets.value == Decimal("3900000000")
        assert [r.id for _, r in budgets.counted] == [
            "2022-bipartisan-infrastructure-law-ports",
            "2024-03-itsi-semiconductor-partnership",
        ]
        reasons = {(left.record.id, str(left.amount)): left.reason for left in budgets.left_out}
        assert reasons["2024-03-itsi-semiconductor-partnership", "USD 100,000,000"] == (
            "included in itsi-fund-total, which is added"
        )
        assert reasons["2022-02-tnc-southeast-funding", "USD 30,000,000"] == "of kind 'grant', not 'budget'"
        estimates = hled.accomplishments.total(kind="estimate")
        assert estimates.value == Decimal("90000000")
        assert estimates.qualified
        grants = hled.accomplishments.total(currency="USD", kind="grant")
        assert grants.value == Decimal("30038000")  # the 30 million grant counts: the estimate it is part of does not
        assert str(grants) == "USD 30,038,000 (grant) from 2 amounts, 11 left out"

    def test_mixing_is_refused(self):
        """Several kinds without a kind named, a statistic, a kind outside the vocabulary: refused, with why."""
        with pytest.raises(ValueError, match=r"several kinds, which do not add up: budget \(3\), commitment \(4\)"):
            hled.accomplishments.total()
        with pytest.raises(ValueError, match="statistics describe an economy"):
            hled.events.total(kind="statistic")
        with pytest.raises(ValueError, match="kind must be one of grant, funding"):
            hled.events.total(currency="USD", kind="gift")
        with pytest.raises(ValueError, match="pillar records hold no amounts"):
            hled.pillars.filter().total(kind="grant")
        with pytest.raises(TypeError, match="not both"):
            hled.accomplishments.total(unit="students", kind="grant")
        with pytest.raises(TypeError, match="currency must be a str"):
            hled.accomplishments.total(currency=840, kind="grant")
        with pytest.raises(ValueError, match="no amounts to read a currency from"):
            hled.accomplishments.filter(year=1999).total(kind="grant")
        empty = hled.accomplishments.filter(year=1999).total(currency="USD", kind="grant")
        assert (empty.value, empty.counted, empty.left_out) == (Decimal(0), (), ())

    def test_counts(self):
        """Counts of one unit add up, leaving out parts of a counted whole and what does not add."""
        students = hled.accomplishments.total(unit="Engineering Students")

        assert students.value == 11
        assert str(students) == "11 Engineering Students from 1 count, 29 left out"
        reasons = [left.reason for left in students.left_out]
        assert "counts women students, not Engineering Students" in reasons
        talento = hled.accomplishments.get("2023-12-talento-mexicano")
        same_unit = attrs.evolve(talento, counts=tuple(attrs.evolve(c, unit="students") for c in talento.counts))
        parts = total((same_unit,), "accomplishment", currency=None, kind=None, unit="students")
        assert (parts.value, [left.reason for left in parts.left_out]) == (
            11,
            ["included in talento-mexicano-students, which is added"] * 2,
        )
        with pytest.raises(ValueError, match="no count in the selection has the unit 'cats'"):
            hled.accomplishments.total(unit="cats")
        with pytest.raises(TypeError, match="unit must be a str"):
            hled.accomplishments.total(unit=3)

    def test_a_count_that_does_not_add_up(self):
        """A share, a span or a target is left out of a total of its own unit, with the reason."""
        shares = hled.accomplishments.total(unit="percent wait-time reduction")

        assert shares.value == 0
        assert "not a quantity that adds up (a share, a span or a target)" in [x.reason for x in shares.left_out]

    def test_results_counted_once_per_year(self):
        """year= counts a result in every year its span touches; reported_year= counts it once."""
        pillar = "2021 Pillar I"
        by_span = sum(len(hled.accomplishments.filter(pillar=pillar, year=y)) for y in range(2021, 2025))
        by_report = sum(len(hled.accomplishments.filter(pillar=pillar, reported_year=y)) for y in range(2021, 2025))

        assert by_report == len(hled.accomplishments.filter(pillar=pillar)) < by_span


class TestOrganizations:
    def test_pillar_ties_have_reasons(self):
        """An organization is under a pillar only through a record placed under that pillar alone, which links shows."""
        found = hled.organizations.filter(pillar="2021 Pillar II", country="US")

        assert not {"cbp", "ita", "ustr", "us-department-of-state"} & set(found.ids)
        for org in found:
            links = org.links("2021 Pillar II")
            assert links
            assert all(org in r.organizations for r in links)
        assert hled.pillars.filter(organization="usaid") == hled.pillars.filter(agency="USAID")
        detached = attrs.evolve(hled.organizations.get("usaid"))
        with pytest.raises(ValueError, match="not part of a dataset"):
            detached.links("2021 Pillar II")

    def test_values_read_as_text_in_the_tables(self):
        """A dissolution and dated names are readable text in the tables, never a Python repr."""
        from hled._export import tables_of

        organizations = next(t for t in tables_of(hled.dataset()) if t.name == "organizations")
        inadem = next(row for row in organizations.rows if row["id"] == "inadem")

        assert inadem["dissolved"] == "2019-08, into Secretariat of Economy"
        assert "Name(" not in inadem["names"]
        assert repr(hled.organizations.get("inadem").dissolved) == (
            "Dissolution(date='2019-08', into=Organization(id='se', name='Secretariat of Economy'))"
        )
        pritzker = str(hled.people.get("penny-pritzker").positions[0])
        assert pritzker.endswith("(2013-06-26 to end not stated; seen 2013-09-20/2016-12-07)")

    def test_names_over_time(self):
        """A renamed body shows the name of the day, and is found by any of its names."""
        sader = hled.organizations.get("sader")

        assert sader.name_on("2013-09-20").startswith("Secretariat of Agriculture, Livestock")
        assert sader.name_on("2019") == "Secretariat of Agriculture and Rural Development"
        assert hled.organizations.lookup("SCT").id == "sict"
        assert hled.organizations.get("sict").name_on("2015") == "Secretariat of Communications and Transportation"
        assert hled.organizations.get("epa").name_on("2015") == "Environmental Protection Agency"
        promexico = hled.organizations.get("promexico").dissolved
        assert (str(promexico.date), promexico.into.id) == ("2019-05-03", "se")
        assert "2019-05-03" in promexico._text()
        assert repr(hled.organizations.get("sader").names[0]).startswith("Name(name='Secretariat of Agriculture,")


class TestTheLoaderChecksTheNewFields:
    def test_several_defects_at_once(self, bundled_dir):
        """A part_of pointing nowhere, an end before a start, a status outside the vocabulary, a bad cut-off: all named.

        (One problem per record: each defect is in a record of its own.)
        """
        _edit(
            bundled_dir,
            "accomplishments.json",
            "2022-02-tnc-southeast-funding",
            lambda r: r["amounts"][0].update(part_of="nowhere"),
        )
        _edit(bundled_dir, "people.json", "penny-pritzker", lambda r: r["positions"][0].update(end="2010"))
        _edit(bundled_dir, "events.json", "2013-launch", lambda r: r.update(status="rumoured"))
        _edit(bundled_dir, "events.json", "2022-07-usmca-free-trade-commission", lambda r: r.update(level="cabinet"))
        _edit(bundled_dir, "accomplishments.json", "2022-tijuana-wastewater", lambda r: r.update(reported="2020"))
        (bundled_dir / "meta.json").write_text('{"version": "x", "cutoff": "soon"}')

        with pytest.raises(hled.DataError) as caught:
            hled.load(bundled_dir)

        text = "\n".join(caught.value.problems)
        assert "record '2022-02-tnc-southeast-funding': part_of 'nowhere' names no amount id" in text
        assert "record 'penny-pritzker'" in text
        assert "end 2010 is before start 2013-06-26" in text
        assert "record '2013-launch'" in text
        assert "rumoured" in text
        assert "level 'cabinet' is the level of a meeting of the dialogue, and dialogue is false" in text
        assert "reported 2020 is not the publication date of a source it cites" in text
        assert "meta.json: cutoff must be a date like '2024-12-31'" in text

    def test_amount_ids(self, bundled_dir):
        """Amount ids are unique; part_of keeps to one currency and never loops."""

        def change(r):
            r["amounts"][0]["id"] = "itsi-fund-total"
            r["amounts"][1]["currency"] = "MXN"

        _edit(bundled_dir, "accomplishments.json", "2022-02-tnc-southeast-funding", change)
        _edit(
            bundled_dir,
            "accomplishments.json",
            "2024-03-itsi-semiconductor-partnership",
            lambda r: r["amounts"][0].update(part_of="itsi-fund-total"),
        )

        with pytest.raises(hled.DataError) as caught:
            hled.load(bundled_dir)

        text = "\n".join(caught.value.problems)
        assert "id 'itsi-fund-total' is already" in text
        assert "is in USD, this amount in MXN" in text
        assert "leads back to itself" in text

    def test_position_rules(self, bundled_dir):
        """still_held with an end, tenure without its citation, sightings without a span: each named."""

        _edit(bundled_dir, "people.json", "joe-biden", lambda r: r["positions"][0].update(still_held="2024-12-31"))
        _edit(bundled_dir, "people.json", "kamala-harris", lambda r: r["positions"][0].pop("tenure_sources"))
        _edit(bundled_dir, "people.json", "penny-pritzker", lambda r: r["positions"][0].pop("attested"))

        with pytest.raises(hled.DataError) as caught:
            hled.load(bundled_dir)

        text = "\n".join(caught.value.problems)
        assert "still_held says the office was held at 2024-12-31, but it ended 2017-01-20" in text
        assert "needs the citation that states it in tenure_sources" in text
        assert "attested_by cites the sightings of an attested span, and none is given" in text

    def test_a_name_ends_after_it_starts(self, bundled_dir):
        _edit(bundled_dir, "organizations.json", "sict", lambda r: r["names"][1].update(end="2000"))

        with pytest.raises(hled.DataError, match="end 2000 is before start 2021-10-21"):
            hled.load(bundled_dir)


class TestOfficialOnlyKeepsTheNewFieldsHonest:
    def test_unsupported_dates_and_names_go(self):
        """In the official-only view a tenure or name cited only to other sources is dropped with its citations."""
        official = hled.dataset(official_only=True)
        allowed = {"official", "mirror"}

        for record in (*official.people, *official.organizations, *official.events, *official.accomplishments):
            assert {c.source.quality for c in citations_in(record)} <= allowed
        for person in official.people:
            for p in person.positions:
                assert bool(p.tenure_sources) == bool(p.start or p.end or p.still_held)
        assert all(
            a.reported is None or a.reported in {c.source.published for c in a.sources}
            for a in official.accomplishments
        )

    def test_a_successor_outside_the_view_is_dropped(self):
        """A dissolution keeps its date in a view that lacks the body it went into, and loses only the reference."""
        files = hled.dataset().to_files()
        usaid = next(o for o in files["organizations.json"] if o["id"] == "usaid")
        usaid["dissolved"]["into"] = "mesa-community-college"
        file_of = {kind.record: kind.file for kind in BUILD_ORDER}

        view = hled.Dataset._from_files(restrict(files, {"version": "v"}, frozenset({"low"}), file_of))

        assert "mesa-community-college" not in view.organizations
        assert view.organizations.get("usaid").dissolved.into is None
        assert str(view.organizations.get("usaid").dissolved.date) == "2025-07-01"

    def test_a_provider_outside_the_view_is_dropped(self):
        """In a press-only view USAID is gone, and the grant it gave keeps its value without a provider."""
        press = hled.dataset().supported_by("press")
        grant = press.accomplishments.get("2022-02-tnc-southeast-funding").amounts[0]

        assert "usaid" not in press.organizations
        assert (grant.value, grant.provider, grant.recipient.id) == (Decimal(30000000), None, "the-nature-conservancy")


class TestSmallParts:
    def test_a_title_must_name_an_office(self):
        with pytest.raises(ValueError, match="title must name an office"):
            hled.people.filter(title="of the")
        with pytest.raises(TypeError, match="title must be a str"):
            hled.people.filter(title=3)

    def test_a_position_without_dates_is_never_held(self):
        bare = hled.Position(title="Adviser")

        assert bare.held is None
        assert not bare.held_on("2022")
        assert str(bare) == "Adviser"

    def test_names_show_in_html(self):
        html = hled.organizations.get("sict")._repr_html_()

        assert "Secretariat of Communications and Transportation (SCT): …–2021-10-21" in html


class TestCommandLine:
    def test_dates_pairs_and_yes_no(self, capsys):
        """--on and --title ask about one position; --between takes START END ("-" open); --dialogue yes/no."""
        from hled._cli import main

        assert main(["people", "--title", "Secretary of Economy", "--on", "2022-09-12", "--format", "csv"]) == 0
        assert "tatiana-clouthier" in capsys.readouterr().out
        assert main(["events", "--level", "cabinet", "--between", "2021", "-", "--format", "csv"]) == 0
        rows = capsys.readouterr().out.splitlines()[1:]
        assert [row.split(",")[0] for row in rows] == [
            "2021-relaunch",
            "2022-09-12-second-annual-meeting",
            "2023-09-29-third-meeting",
        ]
        assert main(["events", "--dialogue", "no", "--kind", "meeting", "--format", "csv"]) == 0
        assert "2022-07-usmca-free-trade-commission" in capsys.readouterr().out
        assert main(["accomplishments", "--reported-year", "2022", "--pillar", "2021 I", "--format", "csv"]) == 0
        assert len(capsys.readouterr().out.splitlines()) == 14

    def test_past_the_cutoff_exits_2_with_the_reason(self, capsys):
        from hled._cli import main

        assert main(["people", "--on", "2026"]) == 2
        assert "the data's record runs to 2024-12-31" in capsys.readouterr().err


class TestNamesWhereARecordOfThatTimeIsShown:
    def test_show_and_html(self, capsys):
        """A 2014 review shows SAGARPA and SCT by their names of 2014, and says what they are called now."""
        from hled._cli import main

        assert main(["show", "2014-mid-year-review"]) == 0
        out = capsys.readouterr().out
        assert (
            "sader (Secretariat of Agriculture, Livestock, Rural Development, Fisheries and Food, as it was then;"
            in out
        )
        assert "now Secretariat of Agriculture and Rural Development)" in out
        html = hled.events.get("2014-mid-year-review")._repr_html_()
        assert "Secretariat of Communications and Transportation <code>sict</code>" in html
        assert "Secretariat of Economy <code>se</code>" in html
