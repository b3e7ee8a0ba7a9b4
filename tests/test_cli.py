from __future__ import annotations

import json
import subprocess
import sys

import pytest

import hled
from hled._cli import main

from .conftest import MINI, edit_file


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class TestListing:
    def test_table(self, capsys):
        """A registry lists as an aligned table."""
        code, out, err = run(capsys, "pillars", "--edition", "2021", "--data", str(MINI))

        assert code == 0
        assert out.splitlines()[0].split() == ["id", "edition", "number", "title", "summary"]
        assert "2021-pillar-4" in out
        assert err == "(4 pillar records)\n"

    def test_json(self, capsys):
        """--json prints the records as to_dicts gives them."""
        code, out, _ = run(
            capsys, "accomplishments", "--agency", "USAID", "--year", "2022", "--json", "--data", str(MINI)
        )

        assert code == 0
        assert [r["id"] for r in json.loads(out)] == ["2022-surges-launch"]

    def test_repeated_option_is_or(self, capsys):
        """Repeating an option means any of its values."""
        code, out, _ = run(capsys, "pillars", "--edition", "2013", "--edition", "2021", "--json", "--data", str(MINI))

        assert code == 0
        assert len(json.loads(out)) == 7

    def test_agencies_alias(self, capsys):
        """`hled agencies` lists organizations."""
        code, out, _ = run(capsys, "agencies", "--country", "mx", "--json", "--data", str(MINI))

        assert code == 0
        assert [r["id"] for r in json.loads(out)] == ["conagua", "se"]

    def test_bad_edition_is_usage(self, capsys):
        """An edition that does not exist exits 2 with a sentence."""
        code, _, err = run(capsys, "pillars", "--edition", "2017", "--data", str(MINI))

        assert code == 2
        assert err == "hled: error: edition must be one of 2013 or 2021, got 2017\n"

    def test_non_int_year_is_usage(self, capsys):
        """A year that is not a number exits 2 through argparse."""
        with pytest.raises(SystemExit) as exc_info:
            main(["events", "--year", "twenty"])

        assert exc_info.value.code == 2
        assert "argument --year: invalid int value: 'twenty'" in capsys.readouterr().err

    def test_unresolvable_criterion_is_a_miss(self, capsys):
        """A criterion value that resolves to nothing exits 1 with the lookup's message."""
        code, out, err = run(capsys, "accomplishments", "--agency", "Ministry of Magic", "--data", str(MINI))

        assert (code, out) == (1, "")
        assert err == "hled: no organization with name 'Ministry of Magic'\n"


class TestShow:
    def test_show_by_acronym(self, capsys):
        """show finds a record through lookup and prints its citations."""
        code, out, _ = run(capsys, "show", "USAID", "--data", str(MINI))

        assert code == 0
        assert out.splitlines()[0] == "Organization usaid"
        assert "  sources:\n    [1] " in out
        assert "Organizational structure. <https://en.wikipedia.org/wiki/" in out
        assert "Role(" not in out

    def test_show_json(self, capsys):
        """show --json prints one object."""
        code, out, _ = run(capsys, "show", "2021-pillar-2", "--json", "--data", str(MINI))

        assert code == 0
        assert json.loads(out)["title"].startswith("Promoting Sustainable")

    def test_show_miss(self, capsys):
        """A miss exits 1 with suggestions."""
        code, _, err = run(capsys, "show", "usiad", "--data", str(MINI))

        assert code == 1
        assert err == "hled: no record with id or name 'usiad'; did you mean 'usaid'?\n"

    def test_show_ambiguous_across_registries(self, capsys, data_dir):
        """Text naming records of two types exits 1 listing both."""
        path = data_dir / "programs.json"
        path.write_text(path.read_text(encoding="utf-8").replace('"SURGES"', '"USAID"'), encoding="utf-8")

        code, _, err = run(capsys, "show", "USAID", "--data", str(data_dir))

        assert code == 1
        assert err == (
            "hled: 'USAID' matches 2 records: 'organizations/usaid', 'programs/surges'; pass one of these ids instead\n"
        )
        assert run(capsys, "show", "usaid", "--data", str(data_dir))[0] == 0
        assert run(capsys, "show", "programs/surges", "--data", str(data_dir))[1].startswith("Program surges")
        assert run(capsys, "show", "USAID", "--in", "agencies", "--data", str(data_dir))[1].startswith(
            "Organization usaid"
        )

    def test_show_lists_referrers(self, capsys):
        """show lists the records that refer to the one shown."""
        code, out, _ = run(capsys, "show", "surges", "--data", str(MINI))

        assert code == 0
        assert out.splitlines()[-2:] == [
            "  referenced by:",
            "    - accomplishment 2022-surges-launch (USAID started SURGES to bring investment and jobs to "
            "southern Mexico through public-private partnerships.)",
        ]


class TestOtherCommands:
    def test_search(self, capsys):
        """search ranks across registries, or within one."""
        code, out, _ = run(capsys, "search", "supply chain", "--json", "--data", str(MINI))

        assert code == 0
        assert json.loads(out)[0]["id"] == "2021-supply-chains"
        code, out, _ = run(capsys, "search", "supply chain", "--in", "actions", "--data", str(MINI))
        assert code == 0
        assert out.splitlines()[2].split()[:2] == ["action", "2021-p1-critical-industries"]

    def test_search_nothing(self, capsys):
        """A search with no results exits 1."""
        code, _, err = run(capsys, "search", "qzxv", "--data", str(MINI))

        assert code == 1
        assert err == "nothing matches 'qzxv'\n"

    def test_compare(self, capsys):
        """compare prints the editorial crosswalk, as a table or JSON."""
        code, out, _ = run(capsys, "compare", "--data", str(MINI))

        assert code == 0
        assert out.startswith("2013 -> 2021 crosswalk (hled's own editorial analysis")
        code, out, _ = run(capsys, "compare", "--json", "--data", str(MINI))
        payload = json.loads(out)
        assert payload["editorial"] is True
        assert payload["dropped"] == ["2013-transportation", "2013-pillar-2", "2013-pillar-3"]

    def test_export_json_validates(self, capsys, tmp_path):
        """A JSON export is a data directory that validate accepts, with the same digest."""
        out_dir = tmp_path / "export"

        assert run(capsys, "export", "--format", "json", "--out", str(out_dir), "--data", str(MINI))[0] == 0
        code, out, _ = run(capsys, "validate", str(out_dir))

        assert code == 0
        assert out.startswith(f"ok: {out_dir} holds 30 valid records")
        assert hled.load(out_dir).digest == hled.load(MINI).digest

    def test_export_into_a_file_is_usage(self, capsys, tmp_path):
        """--out naming an existing file exits 2."""
        file = tmp_path / "f"
        file.write_text("")

        code, _, err = run(capsys, "export", "--format", "csv", "--out", str(file), "--data", str(MINI))

        assert code == 2
        assert err == f"hled: error: --out {str(file)!r} exists and is not a directory\n"

    def test_export_csv(self, capsys, tmp_path):
        """A CSV export writes one table per registry and a datapackage.json."""
        code, _, _ = run(capsys, "export", "--format", "csv", "--out", str(tmp_path), "--data", str(MINI))

        package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
        assert code == 0
        assert {r["name"] for r in package["resources"]} >= {"pillars", "accomplishments_organizations"}
        header = (tmp_path / "accomplishments.csv").read_text(encoding="utf-8").splitlines()[0]
        assert header.startswith("id,date,edition,pillar,pillar_name,summary,organizations")

    def test_validate_reports_every_problem(self, capsys, tmp_path):
        """validate prints one problem per line and exits 1."""
        (tmp_path / "empty").mkdir()

        code, out, err = run(capsys, "validate", str(tmp_path / "empty"))

        assert code == 1
        assert len(out.splitlines()) == 12
        assert err == f"12 problem(s) in {tmp_path / 'empty'}\n"

    def test_help_and_version(self, capsys):
        """No command prints help; --version prints both versions."""
        assert (
            run(
                capsys,
            )[0]
            == 0
        )
        code, out, _ = run(capsys, "--version")
        assert code == 0
        assert out == f"hled {hled.__version__} (data {hled.dataset().version})\n"

    def test_bad_data_dir(self, capsys, tmp_path):
        """--data naming a missing directory exits 1 with the DataError."""
        code, _, err = run(capsys, "pillars", "--data", str(tmp_path / "missing"))

        assert code == 1
        assert err.startswith("hled: 1 problem in the data:")

    def test_module_entry_point(self):
        """python -m hled runs the same command line."""
        result = subprocess.run(
            [sys.executable, "-m", "hled", "pillars", "--edition", "2013", "--json"],
            capture_output=True,
            text=True,
            check=False,
        )

        assert result.returncode == 0
        assert len(json.loads(result.stdout)) == 3


class TestEdges:
    def test_show_an_id_of_two_registries(self, capsys, data_dir):
        """An id used by records of two registries exits 1 naming both."""
        path = data_dir / "programs.json"
        path.write_text(path.read_text(encoding="utf-8").replace('"id": "surges"', '"id": "usaid"'), encoding="utf-8")
        for name in ("accomplishments.json",):
            file = data_dir / name
            file.write_text(file.read_text(encoding="utf-8").replace('"surges"', '"usaid"'), encoding="utf-8")

        code, _, err = run(capsys, "show", "usaid", "--data", str(data_dir))

        assert code == 1
        assert err == (
            "hled: 'usaid' matches 2 records: 'organizations/usaid', 'programs/usaid'; pass one of these ids instead\n"
        )

    def test_show_ambiguous_within_a_registry(self, capsys, data_dir):
        """Text matching two records of one registry exits 1 listing them."""
        edit_file(
            data_dir, "pillars.json", lambda records: [rec.update(aliases=["Competitiveness"]) for rec in records[:2]]
        )

        code, _, err = run(capsys, "show", "competitiveness", "--data", str(data_dir))

        assert code == 1
        assert err == (
            "hled: 'competitiveness' matches 2 records: 'pillars/2013-pillar-1', 'pillars/2013-pillar-2'; "
            "pass one of these ids instead\n"
        )

    def test_show_without_referrers(self, capsys):
        """A record nothing refers to shows no 'referenced by' section."""
        code, out, _ = run(capsys, "show", "2022-surges-launch", "--data", str(MINI))

        assert code == 0
        assert "referenced by" not in out

    def test_export_where_no_directory_can_be(self, capsys, tmp_path):
        """An --out below a file exits 1 with the system's reason, not a traceback."""
        blocker = tmp_path / "file.txt"
        blocker.write_text("x")

        code, _, err = run(capsys, "export", "--format", "json", "--out", str(blocker / "sub"), "--data", str(MINI))

        assert code == 1
        assert err.startswith("hled: error: ")
        assert str(blocker) in err
        assert err.count("\n") == 1

    def test_empty_and_sparse_tables(self, capsys):
        """An empty listing prints an id-only table; a missing value prints as an empty cell."""
        code, out, err = run(capsys, "pillars", "--edition", "2013", "--number", "9", "--data", str(MINI))

        assert code == 0
        assert out == "id\n--\n"
        assert err == "(0 pillar records)\n"
        _, table, _ = run(capsys, "accomplishments", "--year", "2016", "--data", str(MINI))
        assert table.splitlines()[0].split()[:5] == ["id", "date", "edition", "pillar", "summary"]
        assert table.splitlines()[2].split()[:4] == ["2016-cluster-map", "2016", "2013", "Mexico"]

    def test_main_module_runs_the_same_main(self):
        """`python -m hled` runs the console script's main (run for real by test_module_entry_point)."""
        import importlib

        module = importlib.import_module("hled.__main__")

        assert module.main is main


class TestFormats:
    def test_every_format_of_a_listing(self, capsys):
        """table, csv, json and jsonl say the same records; --json is --format json."""
        import csv
        import io

        _, table, _ = run(capsys, "pillars", "--edition", "2021")
        _, as_csv, _ = run(capsys, "pillars", "--edition", "2021", "--format", "csv")
        _, as_json, _ = run(capsys, "pillars", "--edition", "2021", "--format", "json")
        _, old_json, _ = run(capsys, "pillars", "--edition", "2021", "--json")
        _, as_jsonl, _ = run(capsys, "pillars", "--edition", "2021", "--format", "jsonl")

        ids = [p.id for p in hled.pillars.filter(edition=2021)]
        assert [row["id"] for row in csv.DictReader(io.StringIO(as_csv))] == ids
        assert [r["id"] for r in json.loads(as_json)] == ids
        assert as_json == old_json
        assert [json.loads(line)["id"] for line in as_jsonl.splitlines()] == ids
        assert all(i in table for i in ids)

    def test_nothing_is_cut_off_the_terminal(self, capsys):
        """Written to a file or a pipe, a table keeps every cell whole."""
        _, out, _ = run(capsys, "pillars", "--edition", "2021")

        assert "..." not in out
        assert hled.pillars.get("2021-pillar-2").summary in out

    def test_search_formats(self, capsys):
        """search takes the same formats."""
        code, out, _ = run(capsys, "search", "supply chains", "--limit", "3", "--format", "jsonl")

        assert code == 0
        assert len(out.splitlines()) == 3
