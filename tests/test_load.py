from __future__ import annotations

import json
import signal
from pathlib import Path

import attrs
import pytest

import hled

from .conftest import MINI
from .conftest import edit_file as _edit


def _set(folder: Path, name: str, rid: str, key: str, value) -> None:
    def change(records):
        next(r for r in records if r["id"] == rid)[key] = value

    _edit(folder, name, change)


def _problems(folder: Path) -> tuple[str, ...]:
    with pytest.raises(hled.DataError) as exc_info:
        hled.load(folder)
    return exc_info.value.problems


class TestLoad:
    def test_loads_a_copy(self, data_dir, mini):
        """A copy of a data directory loads to an equal dataset with the same digest."""
        ds = hled.load(data_dir)

        assert ds.digest == mini.digest
        assert ds.version == "test.1"
        assert [p.id for p in ds.pillars] == [p.id for p in mini.pillars]

    def test_missing_directory(self, tmp_path):
        """A path that does not exist raises DataError naming it."""
        missing = tmp_path / "nope"

        with pytest.raises(hled.DataError) as exc_info:
            hled.load(missing)

        assert exc_info.value.problems == (
            f"{str(missing)!r} does not exist; expected a data directory holding meta.json, sources.json, "
            "organizations.json, people.json, editions.json, pillars.json, workstreams.json, programs.json, "
            "actions.json, events.json, accomplishments.json, crosswalk.json",
        )

    def test_file_instead_of_directory(self, tmp_path):
        """A file where the directory should be raises DataError."""
        file = tmp_path / "x.json"
        file.write_text("[]")

        with pytest.raises(hled.DataError, match="is not a directory"):
            hled.load(file)

    def test_missing_file(self, data_dir):
        """A missing record file is named."""
        (data_dir / "events.json").unlink()

        assert _problems(data_dir) == (f"events.json: missing from {str(data_dir)!r}",)

    def test_directory_where_file_should_be(self, data_dir):
        """A directory in place of a record file is reported."""
        (data_dir / "events.json").unlink()
        (data_dir / "events.json").mkdir()

        assert _problems(data_dir) == ("events.json: is a directory, expected a JSON file",)

    def test_wrong_path_type(self):
        """A path of the wrong type raises TypeError."""
        with pytest.raises(TypeError, match=r"path must be a str or os\.PathLike, got int 5"):
            hled.load(5)  # type: ignore[arg-type]

    def test_dangling_reference(self, data_dir):
        """A reference to an unknown id names file, record, field path and value."""
        _set(data_dir, "accomplishments.json", "2022-epa-conagua-tijuana", "pillar", "no-such-pillar")

        assert _problems(data_dir) == (
            "accomplishments.json: record '2022-epa-conagua-tijuana' (#1): "
            "no pillar with id 'no-such-pillar' @ $.pillar",
        )

    def test_every_problem_is_collected(self, data_dir):
        """Several problems in several files are all reported at once."""
        _set(data_dir, "people.json", "barack-obama", "country", "XX")
        _set(data_dir, "events.json", "2021-relaunch", "date", "2021-02-30")
        _set(data_dir, "programs.json", "surges", "colour", "red")

        problems = _problems(data_dir)

        assert problems == (
            "people.json: record 'barack-obama' (#0): country must be an ISO 3166-1 alpha-2 code "
            "like 'US' or 'MX', got 'XX' @ $.country",
            "editions.json: record '2013' (#0): person 'barack-obama' is itself invalid "
            "(see its own problems) @ $.leaders[0]",
            "programs.json: record 'surges' (#0): unknown field(s) 'colour'; Program fields are: id, name, "
            "acronym, name_es, aliases, kind, summary, organizations, pillar, edition, started, sources, inferred, "
            "notes, variants @ $",
            "events.json: record '2013-announcement' (#0): person 'barack-obama' is itself invalid "
            "(see its own problems) @ $.people[0]",
            "events.json: record '2021-relaunch' (#2): '2021-02-30' is not a calendar date @ $.date",
            "accomplishments.json: record '2022-surges-launch' (#2): program 'surges' is itself invalid "
            "(see its own problems) @ $.programs[0]",
        )

    def test_bool_is_not_an_int(self, data_dir):
        """JSON true where an int belongs is rejected."""
        _set(data_dir, "pillars.json", "2021-pillar-4", "number", True)

        assert _problems(data_dir) == (
            "pillars.json: record '2021-pillar-4' (#6): expected int, got bool True @ $.number",
        )

    def test_float_money_is_rejected(self, data_dir):
        """Money must be a decimal string, never a float."""
        _edit(data_dir, "accomplishments.json", lambda rs: rs[1]["amounts"][0].__setitem__("value", 4.74e8))

        assert _problems(data_dir) == (
            "accomplishments.json: record '2022-epa-conagua-tijuana' (#1): expected a decimal string like "
            "'474000000', got float 474000000.0 @ $.amounts[0].value",
        )

    def test_duplicate_id(self, data_dir):
        """A repeated id is reported with both positions, and only so: the copy is left out of later checks."""
        for name in ("organizations.json", "editions.json", "pillars.json"):
            _edit(data_dir, name, lambda rs: rs.append(dict(rs[0])))

        assert _problems(data_dir) == (  # not also "year 2013 is already edition ..." or "already has pillar number"
            "organizations.json: record 'epa' (#4): duplicate id, already used by record #0 @ $.id",
            "editions.json: record '2013' (#2): duplicate id, already used by record #0 @ $.id",
            "pillars.json: record '2013-pillar-1' (#7): duplicate id, already used by record #0 @ $.id",
        )

    def test_an_id_of_the_wrong_type(self, data_dir):
        """An id that is not text is named as such, whatever its JSON type."""
        _edit(data_dir, "organizations.json", lambda rs: rs[0].__setitem__("id", ["epa"]))
        _edit(data_dir, "people.json", lambda rs: rs[0].__setitem__("id", {"id": "x"}))

        assert _problems(data_dir) == (  # and the records naming them find no such id
            "organizations.json: record #0: expected str, got list ['epa'] @ $.id",
            "people.json: record #0: expected str, got dict {'id': 'x'} @ $.id",
            "editions.json: record '2013' (#0): no person with id 'barack-obama' @ $.leaders[0]",
            "events.json: record '2013-announcement' (#0): no person with id 'barack-obama' @ $.people[0]",
            "accomplishments.json: record '2022-epa-conagua-tijuana' (#1): no organization with id 'epa' "
            "@ $.organizations[0]",
        )

    def test_a_duplicate_is_checked_too(self, data_dir):
        """The defects of a record that repeats an id are named with the repeat; the first stays valid."""
        _edit(data_dir, "organizations.json", lambda rs: rs.append({**rs[0], "country": "XX"}))
        _edit(data_dir, "events.json", lambda rs: rs[0].__setitem__("organizations", ["epa"]))

        problems = _problems(data_dir)

        assert problems[0] == "organizations.json: record 'epa' (#4): duplicate id, already used by record #0 @ $.id"
        assert problems[1].startswith("organizations.json: record 'epa' (#4): ")
        assert "'XX'" in problems[1]
        assert len(problems) == 2

    def test_missing_citation(self, data_dir):
        """A record without sources is rejected."""
        _edit(data_dir, "programs.json", lambda rs: rs[0].__setitem__("sources", []))

        problems = _problems(data_dir)

        assert problems[0] == (
            "programs.json: record 'surges' (#0): every record needs at least one citation in sources @ $.sources"
        )

    def test_unknown_source(self, data_dir):
        """A citation of an unknown source is rejected."""
        _edit(data_dir, "events.json", lambda rs: rs[0]["sources"][0].__setitem__("source", "nowhere"))

        assert _problems(data_dir) == (
            "events.json: record '2013-announcement' (#0): no source with id 'nowhere' @ $.sources[0].source",
        )

    def test_self_reference_cycle(self, data_dir):
        """An action that continues itself is a reference cycle."""
        _edit(data_dir, "actions.json", lambda rs: rs[0].__setitem__("continues", [rs[0]["id"]]))

        assert _problems(data_dir) == (
            "actions.json: record '2021-p1-critical-industries' (#0): reference cycle "
            "'2021-p1-critical-industries' -> '2021-p1-critical-industries' @ $.continues",
        )

    def test_every_record_of_a_cycle_and_around_it_is_reported_once(self, data_dir):
        """A cycle is reported once, at the record it closes on; those continuing it are told it is invalid."""

        def chained(records):
            base = {k: v for k, v in records[0].items() if k != "organizations"}
            for rid, continues in [("a-one", "a-two"), ("a-two", "a-one"), ("a-three", "a-one"), ("a-four", "none")]:
                records.append({**base, "id": rid, "continues": [continues]})

        _edit(data_dir, "actions.json", chained)

        assert _problems(data_dir) == (
            "actions.json: record 'a-one' (#2): reference cycle 'a-one' -> 'a-two' -> 'a-one' @ $.continues",
            "actions.json: record 'a-two' (#3): action 'a-one' is itself invalid (see its own problems) "
            "@ $.continues[0]",
            "actions.json: record 'a-three' (#4): action 'a-one' is itself invalid (see its own problems) "
            "@ $.continues[0]",
            "actions.json: record 'a-four' (#5): no action with id 'none' @ $.continues[0]",
        )

    def test_forward_reference_within_a_file(self, data_dir):
        """An action may continue one that comes later in the file."""
        _edit(data_dir, "actions.json", lambda rs: rs[0].__setitem__("continues", [rs[1]["id"]]))

        ds = hled.load(data_dir)

        assert ds.actions.get("2021-p1-critical-industries").continues[0].id == "2021-p2-technical-cooperation"

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            (b"\xef\xbb\xbf[]", "events.json: starts with a byte-order mark; save it as UTF-8 without BOM"),
            (b"[\xff]", "events.json: not valid UTF-8 (byte 1: b'\\xff')"),
            (
                b"{ not json",
                "events.json: invalid JSON at line 1, column 3: Expecting property name enclosed in double quotes",
            ),
            (b"[NaN]", "events.json: invalid JSON: NaN is not a JSON number"),
            (b"[" * 100000 + b"]" * 100000, "events.json: invalid JSON: nested too deeply"),
            (b"{}", "events.json: expected a JSON array of records, got dict @ $"),
            (b"[5]", "events.json: record #0: expected a JSON object, got int 5 @ $"),
        ],
    )
    def test_broken_files(self, data_dir, content, message):
        """Undecodable or malformed files are reported, never half-loaded."""
        (data_dir / "events.json").write_bytes(content)

        problems = _problems(data_dir)

        assert message in problems

    def test_meta(self, data_dir):
        """meta.json must hold a version string and nothing else."""
        (data_dir / "meta.json").write_text('{"version": 3, "y": 1, "x": 1}')

        assert _problems(data_dir) == (
            "meta.json: unknown field(s) 'x', 'y'; meta fields are: version, released, cutoff, redirects @ $",
            "meta.json: expected a non-empty version string, got 3 @ $.version",
        )
        (data_dir / "meta.json").write_text("[]")
        assert _problems(data_dir) == ('meta.json: expected a JSON object like {"version": "2026.11.0"} @ $',)

    def test_a_crosswalk_that_is_no_list(self, data_dir):
        (data_dir / "crosswalk.json").write_text('{"earlier": "2013-pillar-1"}')

        assert _problems(data_dir) == ("crosswalk.json: expected a JSON array of records, got dict @ $",)

    def test_semantic_checks(self, data_dir):
        """Editions, pillar numbers and workstream placement are checked across files."""
        _set(data_dir, "pillars.json", "2013-pillar-2", "number", 1)
        _set(data_dir, "programs.json", "surges", "edition", 2013)
        _set(data_dir, "events.json", "2013-announcement", "edition", 2017)
        _edit(data_dir, "organizations.json", lambda rs: rs[2]["roles"].append({**rs[2]["roles"][0], "edition": 2015}))

        assert _problems(data_dir) == (
            "events.json: record '2013-announcement': no edition 2017 in editions.json (editions: 2013, 2021) "
            "@ $.edition",
            "organizations.json: record 'se': no edition 2015 in editions.json (editions: 2013, 2021) "
            "@ $.roles[1].edition",
            "pillars.json: record '2013-pillar-2': edition 2013 already has pillar number 1 ('2013-pillar-1') "
            "@ $.number",
            "programs.json: record 'surges': edition 2013 differs from its pillar's ('2021-pillar-2', 2021) "
            "@ $.edition",
        )

    def test_reported_must_be_a_cited_publication_date(self, data_dir):
        """A result's reported day is one its sources were published on; the message lists those days."""
        wh_2021 = {"source": "wh-2021-09-09-fact-sheet", "locator": "The HLED Vision"}
        wiki = {"source": "wikipedia-hled", "locator": "History"}

        def reported(records):
            records[0]["reported"] = "2016-01-01"  # it cites an undated page only
            records[2]["reported"] = "2022-01-01"
            records[2]["sources"] += [wh_2021, wiki]

        _edit(data_dir, "accomplishments.json", reported)

        assert _problems(data_dir) == (
            "accomplishments.json: record '2016-cluster-map': reported 2016-01-01 is not the publication date of a "
            "source it cites (none dated) @ $.reported",
            "accomplishments.json: record '2022-surges-launch': reported 2022-01-01 is not the publication date of "
            "a source it cites (2021-09-09, 2022-09-12) @ $.reported",
        )

    def test_an_edition_with_no_pillars_yet(self, data_dir):
        """An edition nothing is placed under loads, with no pillars."""
        _edit(data_dir, "editions.json", lambda rs: rs.append({**rs[1], "id": "2030", "year": 2030, "aliases": []}))

        assert hled.load(data_dir).editions.get("2030").pillars == ()

    def test_crosswalk_direction(self, data_dir):
        """Crosswalk links run from a 2013 item to a 2021 item."""
        _edit(data_dir, "crosswalk.json", lambda rs: rs[0].update(earlier="2021-pillar-1", later="2013-pillar-1"))

        assert _problems(data_dir) == (
            "crosswalk.json: link #0: earlier must be a 2013 pillar or workstream, got '2021-pillar-1' of 2021 "
            "@ $.earlier",
            "crosswalk.json: link #0: later must be a 2021 pillar or workstream, got '2013-pillar-1' of 2013 @ $.later",
        )

    def test_failed_load_leaves_default_alone(self, data_dir):
        """A failed user load never touches the default dataset."""
        before = hled.dataset()
        _edit(data_dir, "pillars.json", lambda rs: rs.clear())

        with pytest.raises(hled.DataError):
            hled.load(data_dir)

        assert hled.dataset() is before


class TestLoadEdges:
    def test_semantic_checks_across_records(self, data_dir):
        """Two editions of one year, a workstream under another edition's pillar, an action under another pillar."""
        _edit(data_dir, "editions.json", lambda rs: rs.append({**rs[0], "id": "2013-again", "aliases": []}))
        _set(data_dir, "workstreams.json", "2021-supply-chains", "pillar", "2013-pillar-1")
        _set(data_dir, "actions.json", "2021-p1-critical-industries", "pillar", "2021-pillar-2")

        problems = _problems(data_dir)

        assert problems == (
            "editions.json: record '2013-again': year 2013 is already edition '2013' @ $.year",
            "workstreams.json: record '2021-supply-chains': edition 2021 differs from its pillar's "
            "('2013-pillar-1', 2013) @ $.edition",
            "actions.json: record '2021-p1-critical-industries': workstream '2021-supply-chains' is not under "
            "pillar '2021-pillar-2' @ $.workstream",
        )

    @pytest.mark.parametrize("value", ["lots", "Infinity", " 5", "NaN"])
    def test_bad_decimal_strings(self, data_dir, value):
        """A money value must be a finite decimal string without spaces."""
        _edit(data_dir, "accomplishments.json", lambda rs: rs[1]["amounts"][0].__setitem__("value", value))

        assert _problems(data_dir) == (
            "accomplishments.json: record '2022-epa-conagua-tijuana' (#1): expected a decimal string like "
            f"'474000000', got {value!r} @ $.amounts[0].value",
        )

    def test_non_object_among_self_referring_records(self, data_dir):
        """A non-object in a file whose records refer to each other is reported, the others still ordered."""
        _edit(data_dir, "organizations.json", lambda rs: rs.insert(0, 5))

        assert _problems(data_dir) == ("organizations.json: record #0: expected a JSON object, got int 5 @ $",)

    def test_null_file(self, data_dir):
        """A file holding JSON null is an error, not an empty registry."""
        (data_dir / "events.json").write_text("null")
        (data_dir / "meta.json").write_text("null")

        assert _problems(data_dir) == (
            'meta.json: expected a JSON object like {"version": "2026.11.0"} @ $',
            "events.json: expected a JSON array of records, got NoneType @ $",
        )

    def test_unreadable_file(self, data_dir):
        """A file that cannot be read (here a symlink to itself) is reported with the system's reason."""
        (data_dir / "events.json").unlink()
        (data_dir / "events.json").symlink_to(data_dir / "events.json")

        assert _problems(data_dir) == ("events.json: cannot be read (Too many levels of symbolic links)",)

    def test_path_that_cannot_be_a_directory(self):
        """A path too long for the file system raises DataError, not OSError."""
        path = "x" * 5000

        with pytest.raises(hled.DataError) as exc_info:
            hled.load(path)

        assert exc_info.value.problems == (
            f"{path!r} cannot be opened (File name too long); expected a data directory holding meta.json, "
            "sources.json, organizations.json, people.json, editions.json, pillars.json, workstreams.json, "
            "programs.json, actions.json, events.json, accomplishments.json, crosswalk.json",
        )

    def test_crosswalk_to_an_invalid_pillar(self, data_dir):
        """A link to a pillar that is itself invalid says so, rather than that the pillar does not exist."""
        _set(data_dir, "pillars.json", "2021-pillar-3", "number", "3")

        problems = _problems(data_dir)

        assert problems[0] == "pillars.json: record '2021-pillar-3' (#5): expected int, got str '3' @ $.number"
        assert problems[-1] == (
            "crosswalk.json: link #1: pillar '2021-pillar-3' is itself invalid (see its own problems) @ $.later"
        )

    def test_unexpected_exception_still_gets_a_line(self):
        """An exception with no message of hled's own is described in cattrs' words, never lost."""
        from hled._convert import describe

        assert describe(RuntimeError("boom"), int) == "unknown error (boom)"
        assert describe(ValueError(3), None) == "invalid value"


class TestValueRules:
    def test_money_is_plain_decimal_notation(self, data_dir):
        """Money in exponent form is refused: the data keeps plain decimal strings."""
        _set(
            data_dir,
            "accomplishments.json",
            "2022-epa-conagua-tijuana",
            "amounts",
            [{"value": "4.74e8", "currency": "USD"}],
        )

        assert _problems(data_dir) == (
            "accomplishments.json: record '2022-epa-conagua-tijuana' (#1): expected a decimal string like "
            "'474000000', got '4.74e8' @ $.amounts[0].value",
        )

    def test_counts_are_not_negative(self, data_dir):
        """A negative count is refused."""
        _set(data_dir, "accomplishments.json", "2022-surges-launch", "counts", [{"value": -30, "unit": "partnerships"}])

        assert _problems(data_dir) == (
            "accomplishments.json: record '2022-surges-launch' (#2): value must be 0 or more, got -30 "
            "@ $.counts[0].value",
        )


class TestOddPaths:
    def test_empty_path_is_the_current_directory(self, monkeypatch):
        """As for pathlib, "" is the current directory."""
        monkeypatch.chdir(MINI)

        assert hled.load("").digest == hled.load(MINI).digest

    def test_nul_in_a_path_is_a_data_error(self):
        """A path no file system can hold is reported like a missing directory, not with a bare ValueError."""
        with pytest.raises(hled.DataError, match=r"'a\\x00b' cannot be opened .*expected a data directory"):
            hled.load("a\0b")


class TestRepeatsAndSigns:
    """What would be counted twice, or below zero, does not load; every such problem is reported at once."""

    def test_repeated_reference_link_and_negative_money(self, data_dir):
        """A reference named twice, a crosswalk link given twice and a negative amount, all in one DataError."""
        _set(data_dir, "accomplishments.json", "2022-epa-conagua-tijuana", "organizations", ["epa", "conagua", "epa"])
        _set(
            data_dir,
            "accomplishments.json",
            "2022-surges-launch",
            "amounts",
            [{"value": "-5", "currency": "USD"}],
        )
        _edit(data_dir, "crosswalk.json", lambda links: links.append(dict(links[0])))

        problems = _problems(data_dir)

        assert problems == (
            "accomplishments.json: record '2022-epa-conagua-tijuana' (#1): organizations names 'epa' more than once "
            "@ $.organizations",
            "accomplishments.json: record '2022-surges-launch' (#2): value must be 0 or more, got Decimal('-5') "
            "@ $.amounts[0].value",
            "crosswalk.json: link #2: repeats link #0 ('2013-pillar-1' -> '2021-pillar-1') @ $",
        )

    def test_every_bad_link_is_named(self, data_dir):
        """A link that does not build, and one repeated, do not stop the check of the links after them."""

        def links(found):
            first, second = found
            found[:] = [
                {**first, "earlier": "nowhere"},
                first,
                first,
                second,
                second,
                {**second, "later": "2013-pillar-2"},
            ]

        _edit(data_dir, "crosswalk.json", links)

        problems = _problems(data_dir)

        assert problems[0].startswith("crosswalk.json: link #0: no pillar or workstream with id 'nowhere'")
        assert problems[1:] == (
            "crosswalk.json: link #2: repeats link #1 ('2013-pillar-1' -> '2021-pillar-1') @ $",
            "crosswalk.json: link #4: repeats link #3 ('2013-telecommunications' -> '2021-pillar-3') @ $",
            "crosswalk.json: link #5: later must be a 2021 pillar or workstream, got '2013-pillar-2' of 2013 @ $.later",
        )

    def test_records_built_in_code_refuse_repeats(self, mini):
        """The same check holds for a record made in code."""
        epa = mini.organizations.get("epa")
        result = next(a for a in mini.accomplishments if a.organizations)

        with pytest.raises(ValueError, match="organizations names 'epa' more than once"):
            attrs.evolve(result, organizations=(epa, epa))


class TestWhereAProblemIs:
    def test_a_long_id_is_clipped_in_the_message(self, data_dir):
        rid = "X" * 100  # not a slug
        _edit(data_dir, "events.json", lambda rs: rs[0].__setitem__("id", rid))

        problems = _problems(data_dir)

        assert any(p.startswith(f"events.json: record '{'X' * 79}... (102 characters) (#0): ") for p in problems)

    def test_only_the_keys_given_twice_are_named(self, data_dir):
        (data_dir / "meta.json").write_text(
            '{"version": "1", "version": "2", "x": 1, "x": 2, "y": 3}', encoding="utf-8"
        )

        assert "meta.json: invalid JSON: duplicate key(s) 'version', 'x' in one object" in _problems(data_dir)


class TestOnlyDataFiles:
    """The loader reads regular files only, of a bounded size, and never hangs."""

    def test_devices_fifos_directories_and_loops(self, data_dir):
        """A symlink to /dev/zero, a FIFO, a directory and a symlink loop: each named, none read, no hang."""
        import os

        for name in ("pillars.json", "events.json", "people.json", "programs.json"):
            (data_dir / name).unlink()
        (data_dir / "pillars.json").symlink_to("/dev/zero")
        os.mkfifo(data_dir / "events.json")
        (data_dir / "people.json").mkdir()
        (data_dir / "programs.json").symlink_to(data_dir / "loop")
        (data_dir / "loop").symlink_to(data_dir / "programs.json")

        def hung(signum, frame):
            msg = "the load hung on a file that is not a regular file"
            raise AssertionError(msg)

        # A load that opened the FIFO would wait for a writer forever: fail instead, in seconds.
        previous = signal.signal(signal.SIGALRM, hung)
        signal.alarm(10)
        try:
            problems = _problems(data_dir)
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)

        assert "pillars.json: is a device, expected a JSON file" in problems
        assert "events.json: is a FIFO, expected a JSON file" in problems
        assert "people.json: is a directory, expected a JSON file" in problems
        assert any(p.startswith("programs.json: cannot be read (Too many levels of symbolic links") for p in problems)

    def test_size_cap(self, data_dir):
        """A file over the documented cap (16 MiB) is refused before a byte of it is read."""
        with (data_dir / "events.json").open("wb") as file:
            file.truncate(50_000_000)  # 50 MB, sparse: its size is all the loader may look at

        problems = _problems(data_dir)

        assert problems == ("events.json: holds 50,000,000 bytes, over the 16,777,216 a data file may hold",)

    def test_a_file_growing_while_read_stops_at_the_cap(self, data_dir, monkeypatch):
        """A file that grows past the cap after its size was taken is read no further than the cap."""
        import os

        from hled import _load

        monkeypatch.setattr(_load, "MAX_FILE_SIZE", 1000)
        real_fstat = os.fstat

        def fstat(fd: int) -> os.stat_result:  # the size as it was before the file grew
            info = real_fstat(fd)
            return os.stat_result((*info[:6], min(info.st_size, 1000), *info[7:]))

        monkeypatch.setattr(_load.os, "fstat", fstat)
        read: list[int] = []

        class Counted:  # a file that counts the bytes it gives
            def __init__(self, *args: object, **kwargs: object) -> None:
                self.file = open(*args, **kwargs)  # noqa: SIM115

            def __enter__(self) -> Counted:
                return self

            def __exit__(self, *exc: object) -> None:
                self.file.close()

            def read(self, size: int = -1) -> bytes:
                data = self.file.read(size)
                read.append(len(data))
                return data

        monkeypatch.setattr(_load, "open", Counted, raising=False)

        problems = _problems(data_dir)

        assert "events.json: grew past the 1,000 bytes a data file may hold while it was read" in problems
        assert max(read) == 1001  # one byte past the cap tells it grew; no more is read

    def test_problems_listed_are_capped(self, data_dir):
        """Two thousand bad records: checking stops at a thousand problems; the message lists a hundred."""
        _edit(data_dir, "sources.json", lambda rs: rs.extend({"id": f"bad-{i}"} for i in range(2000)))

        with pytest.raises(hled.DataError) as info:
            hled.load(data_dir)

        assert len(info.value.problems) == hled.DataError.STOP == 1000
        assert info.value.stopped
        assert info.value.problems[0] == "sources.json: record 'bad-0' (#3): required field missing @ $.title"
        lines = str(info.value).splitlines()
        assert lines[0] == "1,000 problems in the data:"
        assert lines[1 : 1 + hled.DataError.LISTED] == [f"  {p}" for p in info.value.problems[: hled.DataError.LISTED]]
        assert lines[-2:] == [
            "  ... and 900 more problems",
            "  ... checking stopped at 1,000: fix these and validate again for the rest",
        ]

    def test_a_few_problems_are_all_listed(self, data_dir):
        """Under the caps, every problem is in the message, and nothing says checking stopped."""
        _edit(data_dir, "sources.json", lambda rs: rs.extend({"id": f"bad-{i}"} for i in range(3)))

        with pytest.raises(hled.DataError) as info:
            hled.load(data_dir)

        assert not info.value.stopped
        assert str(info.value).splitlines()[1:] == [f"  {p}" for p in info.value.problems]

    def test_a_flood_of_empty_records_is_refused_quickly_and_in_little_memory(self, data_dir):
        """200,000 empty records: refused in seconds, not minutes, without listing 200,000 lines."""
        import time
        import tracemalloc

        (data_dir / "sources.json").write_text("[" + ",".join(["{}"] * 200_000) + "]", encoding="utf-8")
        size = sum(f.stat().st_size for f in data_dir.iterdir())

        tracemalloc.start()
        began = time.perf_counter()
        try:
            with pytest.raises(hled.DataError) as info:
                hled.load(data_dir)
            took = time.perf_counter() - began
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

        assert info.value.stopped
        assert took < 20  # about a second; checking every one would take about half a minute
        assert peak < 40 * size  # the parsed JSON: an empty object takes 64 bytes for its 3 characters

    def test_memory_during_a_load_is_a_small_multiple_of_the_files(self, tmp_path):
        """Realistic records, 30 times the bundled sources (4 MB): the load peaks under 8 times the files' size."""
        import tracemalloc

        from hled._export import export

        folder = tmp_path / "data"
        export(hled.dataset(), "json", folder)
        sources = json.loads((folder / "sources.json").read_text(encoding="utf-8"))
        copies = [dict(s, id=f"{s['id']}-copy-{i}") for i in range(30) for s in sources]
        (folder / "sources.json").write_text(json.dumps(sources + copies, indent=2), encoding="utf-8")
        size = sum(f.stat().st_size for f in folder.iterdir())

        tracemalloc.start()
        try:
            data = hled.load(folder)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

        assert len(data.sources) == 31 * len(sources)
        assert size > 4_000_000
        assert peak < 8 * size


class TestMessagesToActOn:
    def test_a_span_is_quoted_whole(self, data_dir):
        """A date like 05/2013 is quoted whole, with the forms that work."""
        _set(data_dir, "events.json", "2013-announcement", "date", "05/2013")

        (problem,) = _problems(data_dir)

        assert "expected a span START/END of dates YYYY, YYYY-MM or YYYY-MM-DD, got '05/2013'" in problem

    def test_a_date_of_the_wrong_type_is_named_with_the_forms(self, data_dir):
        """A number where a date belongs: the message gives its type and the forms a date takes."""
        _set(data_dir, "events.json", "2013-announcement", "date", 5)

        assert _problems(data_dir) == (
            "events.json: record '2013-announcement' (#0): expected a date string "
            "(YYYY, YYYY-MM, YYYY-MM-DD or START/END), got int 5 @ $.date",
        )

    def test_an_unknown_reference_suggests_close_ids(self, data_dir):
        """A misspelt id in a data file gets the closest ids, as get() gives them."""
        _set(data_dir, "actions.json", "2021-p1-critical-industries", "pillar", "2021-pilar-1")

        (problem,) = _problems(data_dir)

        assert "no pillar with id '2021-pilar-1'; did you mean '2021-pillar-1'" in problem


class TestReviewedEdges:
    def test_minus_zero_is_no_amount(self, data_dir):
        """-0 is refused as a negative amount is (the schema's pattern says so too)."""
        _set(data_dir, "accomplishments.json", "2022-surges-launch", "amounts", [{"value": "-0", "currency": "USD"}])

        (problem,) = _problems(data_dir)

        assert "value must be 0 or more, got Decimal('-0')" in problem

    def test_validate_prints_every_problem_and_suggests_for_the_first_hundred(self, data_dir, capsys):
        """validate lists all problems; only the first hundred unknown references look for close ids."""
        from hled._cli import main

        _edit(
            data_dir,
            "accomplishments.json",
            lambda rs: rs.extend({**rs[1], "id": f"copy-{i}", "organizations": [f"epa-{i}"]} for i in range(150)),
        )

        assert main(["validate", str(data_dir)]) == 1
        lines = capsys.readouterr().out.splitlines()
        unknown = [line for line in lines if "no organization with id 'epa-" in line]
        assert len(unknown) == 150
        assert sum("did you mean" in line for line in unknown) == 100

    def test_repeats_of_ids_given_as_text(self, mini):
        """Records built in code with ids for references are checked for repeats too, without a crash."""
        result = next(a for a in mini.accomplishments if a.organizations)

        with pytest.raises(ValueError, match="names 'epa' more than once"):
            attrs.evolve(result, organizations=("epa", "epa"))


class TestAmountsPartOf:
    def test_every_broken_part_of_is_named_with_the_close_ids(self, data_dir):
        """Every amount's part_of is checked, after a first bad one as after a loop, each named once."""

        def amounts(records):
            money = {"currency": "USD", "kind": "budget"}
            records[1]["amounts"] = [
                {**money, "id": "fund-a", "value": "10"},
                {**money, "id": "fund-b", "value": "20"},
                {**money, "id": "fund-c", "value": "30"},
                {**money, "id": "fund-d", "value": "40"},
                {**money, "value": "1", "part_of": "fund-x"},
                {**money, "value": "2", "part_of": "nothing-like-it"},
                {**money, "id": "loop-1", "value": "3", "part_of": "loop-2"},
                {**money, "id": "loop-2", "value": "4", "part_of": "loop-1"},
                {**money, "id": "peso", "value": "5", "currency": "MXN", "part_of": "fund-a"},
                {**money, "value": "6", "part_of": "loop-1"},  # into the loop, which never comes back to it
            ]

        _edit(data_dir, "accomplishments.json", amounts)
        where = "accomplishments.json: record '2022-epa-conagua-tijuana'"

        assert _problems(data_dir) == (
            f"{where}: part_of 'fund-x' names no amount id; did you mean 'fund-d', 'fund-c', 'fund-b'? "
            "@ $.amounts[4].part_of",
            f"{where}: part_of 'nothing-like-it' names no amount id @ $.amounts[5].part_of",
            f"{where}: part_of 'loop-2' leads back to itself @ $.amounts[6].part_of",
            f"{where}: part_of 'loop-1' leads back to itself @ $.amounts[7].part_of",
            f"{where}: part_of 'fund-a' is in USD, this amount in MXN @ $.amounts[8].part_of",
            f"{where}: part_of 'loop-1' leads into a loop at 'loop-1' @ $.amounts[9].part_of",
        )
