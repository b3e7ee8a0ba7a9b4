"""The dataset's tables three ways: pandas DataFrames, and a SQLite database (with Datasette metadata).

The tables are the CSV export's (`hled._export.tables_of`): the same names, the same
columns, the same descriptions. Here they gain their types: integers and money as
numbers, the ``*_start`` and ``*_end`` days as dates (the EDTF text stays in the column
named after the field), and every vocabulary (``kind``, ``status``, ``level``,
``quality``...) as a categorical or a checked SQL column.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hled._export import _Table, tables_of
from hled._record import check_language

if TYPE_CHECKING:
    import pandas

    from hled._dataset import Dataset

__all__ = ["csl_items", "datasette_metadata", "frames", "write_csl", "write_metadata", "write_sqlite", "write_xlsx"]

_SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "date": "TEXT", "string": "TEXT", "boolean": "INTEGER"}
# full-text search: what each registry is found by (every column that exists is indexed)
_SEARCHED = ("name", "title", "acronym", "name_es", "title_es", "aliases", "summary", "notes")
_VIEWS = {
    "meeting_chairs": (
        "Meetings of the dialogue with their chairs, one row per chair, by side.",
        """SELECT e.id AS event_id, e.date, e.title, e.kind, e.level, e.status, c.country, p.id AS person_id, p.name
           FROM events e JOIN events_chairs c ON c.event_id = e.id JOIN people p ON p.id = c.person_id
           WHERE e.dialogue = 1 ORDER BY e.date_start, c.country, p.name""",
    ),
    "results": (
        "Results with their pillar, reported date, organizations and money (one row per amount, or one without).",
        """SELECT a.id AS accomplishment_id, a.date, a.reported, a.edition, a.pillar, a.pillar_name, a.summary,
                  (SELECT group_concat(o.organization_id, '; ') FROM accomplishments_organizations o
                    WHERE o.accomplishment_id = a.id) AS organizations,
                  m.value, m.currency, m.kind AS money_kind, m.provider, m.recipient, m.part_of
           FROM accomplishments a LEFT JOIN accomplishments_amounts m ON m.accomplishment_id = a.id
           ORDER BY a.date_start, a.id, m.seq""",
    ),
    "office_holders": (
        "Who held which office when: each position with its stated tenure and the span the sources show.",
        """SELECT p.id AS person_id, p.name, p.country, q.title, q.organization, q.start, q.end, q.still_held,
                  q.attested, q.inferred
           FROM people p JOIN people_positions q ON q.person_id = p.id ORDER BY q.title, q.start""",
    ),
}


def frames(ds: Dataset, lang: str = "en") -> dict[str, pandas.DataFrame]:
    """Every table of *ds* as a typed DataFrame, by table name (see `Dataset.tables`)."""
    check_language(lang)
    from hled._frame import _import_pandas

    pd = _import_pandas()
    return {table.name: _frame(pd, table) for table in tables_of(ds, lang)}


def _frame(pd: Any, table: _Table) -> pandas.DataFrame:
    names = [f["name"] for f in table.fields]
    frame = pd.DataFrame([[row.get(n, "") for n in names] for row in table.rows], columns=names, dtype=object)
    for spec in table.fields:
        column = frame[spec["name"]].where(frame[spec["name"]] != "", None)
        enum = spec.get("constraints", {}).get("enum")
        if spec["type"] == "integer":
            column = pd.to_numeric(column).astype("Int64")
        elif spec["type"] == "number":
            column = pd.to_numeric(column).astype("Float64")
        elif spec["type"] == "date":
            column = pd.to_datetime(column)
        elif spec["type"] == "boolean":
            column = column.map({"true": True, "false": False, None: None}).astype("boolean")
        elif enum:
            column = pd.Categorical(column, categories=[v for v in enum if v is not None])
        else:
            column = column.astype("string")
        frame[spec["name"]] = column
    typed: pandas.DataFrame = frame
    return typed


def write_sqlite(ds: Dataset, path: Path) -> list[Path]:
    """Write *ds* as one SQLite database at *path* (a new file): the tables, keys, indexes, full text and views."""
    tables = tables_of(ds)
    names = {table.name for table in tables}
    connection = sqlite3.connect(path)
    try:
        with connection:
            for table in tables:
                _create(connection, table, names)
            referenced = {(fk["reference"]["resource"], fk["reference"]["fields"]) for t in tables for fk in t.foreign}
            for target, column in sorted(referenced):
                if column != "id" and target in names:  # a key other tables point to must be unique
                    connection.execute(f'CREATE UNIQUE INDEX "{target}_{column}_key" ON "{target}" ("{column}")')
            _full_text(connection, tables)
            for name, (_, sql) in _VIEWS.items():
                connection.execute(f"CREATE VIEW {name} AS {sql}")
            meta = ds._meta_json()
            connection.execute("CREATE TABLE hled_release (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            connection.executemany(
                "INSERT INTO hled_release VALUES (?, ?)",
                [
                    ("digest", ds.digest),
                    *((k, json.dumps(v) if isinstance(v, dict) else str(v)) for k, v in meta.items()),
                ],
            )
    finally:
        connection.close()
    return [path]


def _create(connection: sqlite3.Connection, table: _Table, names: set[str]) -> None:
    columns = []
    for spec in table.fields:
        column = f'"{spec["name"]}" {_SQL_TYPES[spec["type"]]}'
        enum = spec.get("constraints", {}).get("enum")
        if enum:
            allowed = ", ".join("'" + str(v).replace("'", "''") + "'" for v in enum if v is not None)
            column += f' CHECK ("{spec["name"]}" IS NULL OR "{spec["name"]}" IN ({allowed}))'
        columns.append(column)
    keys = ", ".join(f'"{k}"' for k in table.primary_key)
    foreign = [
        f'FOREIGN KEY ("{fk["fields"]}") REFERENCES "{fk["reference"]["resource"]}" ("{fk["reference"]["fields"]}")'
        for fk in table.foreign
        if fk["reference"]["resource"] in names
    ]
    body = ",\n  ".join([*columns, f"PRIMARY KEY ({keys})", *foreign])
    connection.execute(f'CREATE TABLE "{table.name}" (\n  {body}\n)')
    names_ = [spec["name"] for spec in table.fields]
    marks = ", ".join("?" for _ in names_)
    types = {spec["name"]: spec["type"] for spec in table.fields}
    connection.executemany(
        f'INSERT INTO "{table.name}" VALUES ({marks})',
        [[_sql_value(row.get(n, ""), types[n]) for n in names_] for row in table.rows],
    )
    for fk in table.foreign:
        connection.execute(f'CREATE INDEX "{table.name}_{fk["fields"]}" ON "{table.name}" ("{fk["fields"]}")')


def _sql_value(text: str, kind: str) -> Any:
    if text == "":
        return None
    if kind == "integer":
        return int(text)
    if kind == "number":
        return float(text)
    if kind == "boolean":
        return int(text == "true")
    return text


def _full_text(connection: sqlite3.Connection, tables: list[_Table]) -> None:
    """One FTS5 index over every record's names, titles, aliases, Spanish names, summaries and notes."""
    connection.execute(
        "CREATE VIRTUAL TABLE search USING fts5(registry UNINDEXED, id UNINDEXED, label, "
        "name, title, acronym, name_es, title_es, aliases, summary, notes, tokenize='unicode61 remove_diacritics 2')"
    )
    for table in tables:
        fields = {spec["name"] for spec in table.fields}
        if "id" not in fields or table.primary_key != ["id"]:
            continue
        for row in table.rows:
            label = row.get("title") or row.get("name") or row.get("summary", "")
            connection.execute(
                "INSERT INTO search VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [table.name, row["id"], label, *(row.get(f) or None for f in _SEARCHED)],
            )


def write_xlsx(ds: Dataset, path: Path) -> list[Path]:
    """Write *ds* as one workbook at *path*: a first sheet on the tables and the release, then a sheet per table."""
    try:
        from openpyxl import Workbook
    except ImportError:
        msg = "export --format xlsx needs openpyxl, which is not installed; install the extra: pip install 'hled[xlsx]'"
        raise ImportError(msg, name="openpyxl") from None
    tables = tables_of(ds)
    book = Workbook(write_only=True)
    about = book.create_sheet("about")
    about.append(["U.S.-Mexico High-Level Economic Dialogue: hled's cited record, one sheet per table."])
    about.append(["data release", ds.version])
    for key in ("released", "cutoff"):
        about.append([key, str(getattr(ds, key) or "not stated")])
    about.append(["digest", ds.digest])
    about.append(["cite as", f"hled data release {ds.version}, https://github.com/hled/hled"])
    about.append([])
    about.append(["sheet", "rows", "what it holds"])
    for table in tables:
        about.append([table.name, len(table.rows), table.description])
    for table in tables:
        sheet = book.create_sheet(table.name)  # every table name fits Excel's 31 characters
        names = [spec["name"] for spec in table.fields]
        types = [spec["type"] for spec in table.fields]
        sheet.append(names)
        for row in table.rows:
            sheet.append([_sql_value(row.get(n, ""), t) for n, t in zip(names, types, strict=True)])
    book.save(path)
    return [path]


def csl_items(ds: Dataset) -> list[dict[str, Any]]:
    """Every source as a CSL-JSON item, for Zotero, pandoc and any CSL processor."""
    items = []
    for source in ds.sources:
        item: dict[str, Any] = {
            "id": source.id,
            "type": "article-newspaper" if source.quality == "press" else "webpage",
            "title": source.title,
            "URL": source.url,
            "language": source.language,
        }
        item["container-title" if source.quality == "press" else "publisher"] = source.publisher
        if source.published is not None:
            ends = (source.published.start, source.published.end)
            parts = [[p for p in (d.year, d.month, d.day) if p is not None] for d in ends]
            item["issued"] = {"date-parts": parts[:1] if parts[0] == parts[1] else parts}
        notes = [f"Source quality in hled: {source.quality}", f"hled data release {ds.version}"]
        if source.archive_url:
            notes.append(f"Archived at {source.archive_url}")
        item["note"] = "; ".join(notes)
        items.append(item)
    return items


def write_csl(ds: Dataset, path: Path) -> list[Path]:
    """Write the sources of *ds* as one CSL-JSON file at *path*."""
    path.write_text(json.dumps(csl_items(ds), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return [path]


def datasette_metadata(ds: Dataset, database: str = "hled") -> dict[str, Any]:
    """Datasette metadata for the database: title, license, source, and every table's and column's description."""
    tables: dict[str, Any] = {}
    for table in tables_of(ds):
        tables[table.name] = {
            "description": table.description,
            "columns": {spec["name"]: spec.get("description", "") for spec in table.fields if spec.get("description")},
        }
        if table.primary_key == ["id"] and ("name" in {f["name"] for f in table.fields}):
            tables[table.name]["label_column"] = "name"
        elif table.primary_key == ["id"] and ("title" in {f["name"] for f in table.fields}):
            tables[table.name]["label_column"] = "title"
    tables["search"] = {
        "description": "Full-text search over names, titles, aliases, Spanish names, summaries and notes."
    }
    tables.update({name: {"description": doc} for name, (doc, _) in _VIEWS.items()})
    return {
        "title": "U.S.-Mexico High-Level Economic Dialogue",
        "description": f"hled data release {ds.version}: every record cited to its source.",
        "license": "MIT",
        "license_url": "https://opensource.org/licenses/MIT",
        "source": "hled",
        "source_url": "https://github.com/hled/hled",
        "databases": {database: {"tables": tables}},
    }


def write_metadata(ds: Dataset, path: Path) -> list[Path]:
    """Write Datasette's metadata for a database exported by `write_sqlite`.

    Datasette names a database after its file: ``X.metadata.json`` describes ``X.sqlite``
    (or ``X.db``); any other name describes ``hled.sqlite``.
    """
    database = path.name.removesuffix(".metadata.json") if path.name.endswith(".metadata.json") else "hled"
    path.write_text(json.dumps(datasette_metadata(ds, database), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return [path]
