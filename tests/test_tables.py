"""One set of tables, three ways: DataFrames, CSV files and a SQLite database give the same answers."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path

import pytest

import hled
from hled._cli import main

pd = pytest.importorskip("pandas")

# an amount inside another of the same kind is left out (Selection.total's rule); one inside an estimate is not
GRANTS_SQL = """
    SELECT a.pillar, SUM(m.value) FROM accomplishments_amounts m JOIN accomplishments a ON a.id = m.accomplishment_id
    WHERE m.kind = 'grant' AND m.currency = 'USD'
      AND (m.part_of IS NULL
           OR m.part_of NOT IN (SELECT id FROM accomplishments_amounts WHERE kind = 'grant' AND id IS NOT NULL))
    GROUP BY a.pillar ORDER BY a.pillar
"""


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tables")
    assert main(["export", "--format", "csv", "--out", str(folder / "csv")]) == 0
    assert main(["export", "--format", "sqlite", "--out", str(folder / "hled.sqlite")]) == 0
    assert main(["export", "--format", "datasette-metadata", "--out", str(folder / "hled.metadata.json")]) == 0
    return folder


def _db(path):
    return contextlib.closing(sqlite3.connect(path))


def _grants(amounts, results):
    merged = amounts.merge(results[["id", "pillar"]], left_on="accomplishment_id", right_on="id")
    grant_ids = set(amounts.loc[amounts["kind"] == "grant", "id"].dropna())
    inside = merged["part_of"].isin(grant_ids)
    mask = (merged["kind"] == "grant") & (merged["currency"] == "USD") & ~inside
    return {k: float(v) for k, v in merged[mask].groupby("pillar")["value"].sum().items()}


class TestSameAnswers:
    def test_grants_by_pillar(self, exported):
        """Grants by pillar: from hled.tables(), from the CSV files read with pandas, and from SQL."""
        tables = hled.tables()
        from_frames = _grants(tables["accomplishments_amounts"], tables["accomplishments"])
        csv = exported / "csv"
        from_csv = _grants(pd.read_csv(csv / "accomplishments_amounts.csv"), pd.read_csv(csv / "accomplishments.csv"))
        with _db(exported / "hled.sqlite") as db:
            from_sql = dict(db.execute(GRANTS_SQL).fetchall())

        assert from_frames == from_csv == from_sql == {"2021-pillar-2": 30000000.0, "2021-pillar-4": 38000.0}
        total = hled.accomplishments.total(currency="USD", kind="grant")
        assert sum(from_sql.values()) == float(total.value)

    def test_chairs_per_side(self, exported):
        """Cabinet-level meetings with their chairs per side, the same from frames and from the database's view."""
        tables = hled.tables()
        events, chairs = tables["events"], tables["events_chairs"]
        cabinet = events[(events["level"] == "cabinet") & events["dialogue"]]
        from_frames = chairs[chairs["event_id"].isin(cabinet["id"])].groupby("country").size().to_dict()
        with _db(exported / "hled.sqlite") as db:
            rows = db.execute("SELECT country, COUNT(*) FROM meeting_chairs WHERE level = 'cabinet' GROUP BY country")
            from_sql = dict(rows.fetchall())

        assert from_frames == from_sql
        assert from_sql["MX"] == sum(len(e.chairs_for("MX")) for e in hled.events.filter(level="cabinet"))


class TestTheDocsQuery:
    def test_money_by_pillar_and_kind_in_browse_md(self, exported):
        """The SQL of docs/browse.md gives, for each kind, what Selection.total adds for that kind."""
        text = (Path(__file__).parent.parent / "docs" / "browse.md").read_text(encoding="utf-8")
        sql = text.split("```sql\n")[1].split("```")[0]
        with _db(exported / "hled.sqlite") as db:
            rows = db.execute(sql).fetchall()

        by_kind: dict[str, float] = {}
        for _, kind, usd in rows:
            by_kind[kind] = by_kind.get(kind, 0.0) + usd
        for kind, usd in by_kind.items():
            assert usd == float(hled.accomplishments.total(currency="USD", kind=kind).value)


class TestTables:
    def test_names_and_types(self):
        """The CSV tables' names; numbers as numbers, days as datetimes, vocabularies as categoricals."""
        tables = hled.tables()
        amounts = tables["accomplishments_amounts"]

        assert {"accomplishments", "events_chairs", "people_positions", "organizations_names"} <= set(tables)
        assert str(amounts["value"].dtype) == "Float64"
        assert list(amounts["kind"].cat.categories)[:2] == ["grant", "funding"]
        assert str(tables["events"]["date_start"].dtype).startswith("datetime64")
        assert str(tables["accomplishments"]["edition"].dtype) == "Int64"
        assert set(tables["events_sources"]["quality"].cat.categories) == {"official", "mirror", "press", "low"}

    def test_in_spanish(self):
        pillars = hled.dataset().tables(lang="es")["pillars"].set_index("id")

        assert pillars.loc["2021-pillar-4", "title"] == hled.pillars.get("2021-pillar-4").title_es
        organizations = hled.dataset().tables(lang="es")["organizations"].set_index("id")
        for org in hled.organizations:
            expected = org.name_es if org.name_es else f"{org.name} [en]"
            assert organizations.loc[org.id, "name"] == expected
            assert organizations.loc[org.id, "kind"] == org.kind

    def test_bad_language(self):
        with pytest.raises(ValueError, match="lang"):
            hled.tables(lang="fr")


class TestSqlite:
    def test_keys_indexes_and_release(self, exported):
        with _db(exported / "hled.sqlite") as db:
            assert db.execute("PRAGMA foreign_key_check").fetchall() == []
            indexes = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
            release = dict(db.execute("SELECT key, value FROM hled_release"))
            counts = {name: db.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] for name in ("events", "people")}

        assert "events_chairs_person_id" in indexes
        assert release["version"] == hled.dataset().version
        assert release["digest"] == hled.dataset().digest
        assert counts == {"events": len(hled.events), "people": len(hled.people)}

    def test_full_text(self, exported):
        """Names, aliases, Spanish names and summaries are searchable, accents or not."""
        with _db(exported / "hled.sqlite") as db:
            found = db.execute("SELECT registry, id FROM search WHERE search MATCH 'secretaria economia'").fetchall()

        assert ("organizations", "se") in found

    def test_vocabularies_are_checked(self, exported):
        with _db(exported / "hled.sqlite") as db, pytest.raises(sqlite3.IntegrityError):
            db.execute("UPDATE events SET status = 'rumoured' WHERE id = '2013-launch'")

    def test_datasette_metadata(self, exported):
        meta = json.loads((exported / "hled.metadata.json").read_text(encoding="utf-8"))

        tables = meta["databases"]["hled"]["tables"]
        assert meta["license"] == "MIT"
        assert tables["people_positions"]["columns"]["still_held"]
        assert {"meeting_chairs", "results", "office_holders"} <= set(tables)

    def test_a_file_is_whole_or_absent(self, tmp_path, capsys):
        """An existing file is replaced only with --force; a directory is refused; nothing half-written stays."""
        target = tmp_path / "h.sqlite"
        target.write_text("old")

        assert main(["export", "--format", "sqlite", "--out", str(target)]) == 2
        assert "exists; pass --force" in capsys.readouterr().err
        assert target.read_text() == "old"
        assert main(["export", "--format", "sqlite", "--out", str(tmp_path)]) == 2
        assert main(["export", "--format", "sqlite", "--out", ""]) == 2
        assert main(["export", "--format", "sqlite", "--out", str(target), "--force"]) == 0
        assert [p.name for p in tmp_path.iterdir()] == ["h.sqlite"]
        with _db(target) as db:
            assert db.execute("SELECT COUNT(*) FROM sources").fetchone()[0] == len(hled.sources)

    def test_metadata_names_its_database(self, tmp_path):
        assert main(["export", "--format", "datasette-metadata", "--out", str(tmp_path / "m.json")]) == 0
        assert list(json.loads((tmp_path / "m.json").read_text())["databases"]) == ["hled"]


class TestSpreadsheet:
    def test_a_sheet_per_table_after_an_about_sheet(self, tmp_path):
        openpyxl = pytest.importorskip("openpyxl")
        out = tmp_path / "hled.xlsx"

        assert main(["export", "--format", "xlsx", "--out", str(out)]) == 0

        book = openpyxl.load_workbook(out, read_only=True)
        about = list(book["about"].iter_rows(values_only=True))
        assert book.sheetnames[0] == "about"
        assert set(book.sheetnames[1:]) == set(hled.tables())
        assert ("data release", hled.dataset().version) in about
        amounts = list(book["accomplishments_amounts"].iter_rows(values_only=True))
        assert amounts[0][:4] == ("accomplishment_id", "seq", "id", "value")
        assert isinstance(amounts[1][3], (int, float))

    def test_without_openpyxl_the_extra_is_named(self, tmp_path, monkeypatch, capsys):
        monkeypatch.setitem(__import__("sys").modules, "openpyxl", None)

        with pytest.raises(ImportError, match=r"pip install 'hled\[xlsx\]'"):
            hled._export.export_file(hled.dataset(), "xlsx", tmp_path / "x.xlsx")
        assert list(tmp_path.iterdir()) == []
