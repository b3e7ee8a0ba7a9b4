from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest

import hled
from hled._export import write_csv, write_json


@pytest.fixture(name="csv_dir", scope="module")
def _csv_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled dataset exported as CSV tables."""
    out = tmp_path_factory.mktemp("csv")
    write_csv(hled.dataset(), out)
    return out


@pytest.fixture(name="package", scope="module")
def _package(csv_dir: Path) -> dict:
    """The exported datapackage.json."""
    return json.loads((csv_dir / "datapackage.json").read_text(encoding="utf-8"))


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


class TestCsv:
    def test_one_table_per_registry_and_crosswalk(self, package):
        """Every registry has a main table, and the crosswalk has one too."""
        names = [r["name"] for r in package["resources"]]

        assert set(names) >= {*hled.dataset().registries, "crosswalk"}
        assert len(names) == len(set(names))

    def test_row_counts(self, csv_dir):
        """Each main table has one row per record."""
        for name, registry in hled.dataset().registries.items():
            assert len(_rows(csv_dir / f"{name}.csv")) == len(registry), name

    def test_headers_match_the_descriptor(self, csv_dir, package):
        """Each CSV header lists exactly the descriptor's fields, in order."""
        for resource in package["resources"]:
            with (csv_dir / resource["path"]).open(encoding="utf-8", newline="") as handle:
                header = next(csv.reader(handle))

            assert header == [f["name"] for f in resource["schema"]["fields"]], resource["name"]

    def test_keys_hold(self, csv_dir, package):
        """Primary keys are unique and every foreign key value exists in the table it names."""
        tables = {r["name"]: _rows(csv_dir / r["path"]) for r in package["resources"]}
        for resource in package["resources"]:
            rows = tables[resource["name"]]
            key = resource["schema"]["primaryKey"]
            assert len({tuple(row[k] for k in key) for row in rows}) == len(rows), resource["name"]
            for fk in resource["schema"].get("foreignKeys", []):
                ref = fk["reference"]
                known = {row[ref["fields"]] for row in tables[ref["resource"]]}
                missing = {row[fk["fields"]] for row in rows} - known - {""}
                assert not missing, (resource["name"], fk["fields"], missing)

    def test_types_parse(self, csv_dir, package):
        """Integer, number, boolean and date fields hold values of their declared type."""
        checks = {"integer": int, "number": float, "date": pd.Timestamp, "boolean": {"true", "false"}.__contains__}
        for resource in package["resources"]:
            rows = _rows(csv_dir / resource["path"])
            for field in resource["schema"]["fields"]:
                check = checks.get(field["type"])
                for row in rows:
                    if check is not None and row[field["name"]] != "":
                        assert check(row[field["name"]]) is not False, (resource["name"], field["name"])

    def test_pandas_reads_the_tables(self, csv_dir):
        """pandas reads a main table with integer editions, parsed dates and id-and-name columns."""
        frame = pd.read_csv(csv_dir / "accomplishments.csv", parse_dates=["date_start", "date_end"])

        usaid = frame[frame["id"] == "2022-surges"].iloc[0]
        assert frame["edition"].dtype == "int64"
        assert str(frame["date_start"].dtype).startswith("datetime64")
        assert usaid["pillar"] == "2021-pillar-2"
        assert usaid["pillar_name"] == hled.pillars.get("2021-pillar-2").title

    def test_child_and_join_tables(self, csv_dir):
        """Lists of values and references come out as relational tables."""
        amounts = pd.read_csv(csv_dir / "accomplishments_amounts.csv")
        orgs = pd.read_csv(csv_dir / "accomplishments_organizations.csv")
        sources = pd.read_csv(csv_dir / "accomplishments_sources.csv")

        assert list(amounts.columns[:4]) == ["accomplishment_id", "seq", "value", "currency"]
        assert amounts["value"].dtype.kind in "if"
        assert list(orgs.columns) == ["accomplishment_id", "organization_id"]
        assert list(sources.columns) == ["accomplishment_id", "seq", "source_id", "locator"]
        expected = {(a.id, o.id) for a in hled.accomplishments for o in a.organizations}
        assert set(orgs.itertuples(index=False, name=None)) == expected

    def test_crosswalk_table(self, csv_dir):
        """The crosswalk table holds every editorial link."""
        rows = _rows(csv_dir / "crosswalk.csv")

        links = hled.compare_editions().links
        assert [(r["earlier"], r["later"]) for r in rows] == [(link.earlier.id, link.later.id) for link in links]

    def test_descriptor_metadata(self, package):
        """The package names its version and digest, and tables carry descriptions."""
        ds = hled.dataset()

        assert package["profile"] == "tabular-data-package"
        assert package["version"] == ds.version
        assert package["hled"] == {"digest": ds.digest}
        assert all(r["description"] for r in package["resources"])

    def test_self_references_get_distinct_columns(self, csv_dir):
        """A reference to the same record type (actions continuing actions) gets its own column name."""
        header = (csv_dir / "actions_continues.csv").read_text(encoding="utf-8").splitlines()[0]

        assert header == "action_id,continues_id"


class TestJson:
    def test_round_trip(self, tmp_path):
        """A JSON export loads back to an equal dataset, with the same digest."""
        ds = hled.dataset()

        write_json(ds, tmp_path)
        again = hled.load(tmp_path)

        assert again.digest == ds.digest
        assert again.version == ds.version
        for name, registry in ds.registries.items():
            assert [r.id for r in getattr(again, name)] == [r.id for r in registry]
        assert again.to_files() == ds.to_files()

    def test_writes_only_data_files(self, tmp_path):
        """A JSON export holds the data files and nothing else."""
        written = write_json(hled.dataset(), tmp_path)

        assert sorted(p.name for p in written) == sorted(p.name for p in tmp_path.iterdir())
        assert {p.name for p in written} == {
            "meta.json",
            *(f"{n}.json" for n in hled.dataset().registries),
            "crosswalk.json",
        }
