"""Writing a dataset out: the loader's own JSON format, or CSV tables with a Frictionless descriptor.

The CSV export is relational, so R, JavaScript, SQL and spreadsheet users get
the same data as Python users: one table per record type (``pillars.csv``), a
join table per many-valued reference (``accomplishments_organizations.csv``),
a child table per list of values (``accomplishments_amounts.csv``,
``accomplishments_sources.csv``), and ``crosswalk.csv``. ``datapackage.json``
describes every table as a Frictionless tabular data resource: field types,
descriptions, primary keys and foreign keys.

Only paths the caller passes are written to.
"""

from __future__ import annotations

import csv
import io
import json
import os
import secrets
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import attrs

from hled._agenda import CrosswalkLink
from hled._dataset import BUILD_ORDER, Dataset
from hled._dates import DateRange, PartialDate, is_date_type
from hled._money import Money
from hled._organizations import Role
from hled._record import Record, human, in_language, reference_target
from hled._schema import DATE, field_descriptions, summary_line
from hled._sources import Citation, Source, Variant
from hled._structure import is_value_type

__all__ = ["canonical_json", "export", "export_file", "tables_of", "write_csv", "write_json"]


def canonical_json(data: Any) -> str:
    """The one text form of a data file: 2-space indent, UTF-8 characters kept, trailing newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def export(ds: Dataset, fmt: Literal["json", "csv"], out: Path, *, force: bool = False) -> list[Path]:
    """Write *ds* as a whole directory *out*, or leave *out* as it was.

    The files go into a new folder beside *out* (``.NAME.*.partial``), which takes its
    place with one rename once every file is written (``datapackage.json`` last): an
    interrupted export leaves *out* as it was, never half old and half new. An *out* that
    holds files is replaced whole, only with *force*, and only if it is an earlier export
    (it holds a ``meta.json`` or a ``datapackage.json``); its old folder is moved aside
    first and removed last. Where *out* cannot be swapped (the working folder, a mount
    point, a folder whose parent is not writable), an empty *out* is filled in place and
    emptied again if the export is interrupted.

    Raises:
        ValueError: *out* is a file or a symbolic link, or holds files and *force* is not
            set, or holds files that are not an export.
        OSError: the folder cannot be written.
    """
    out = Path(os.path.abspath(out))
    _check_target(out, force=force)
    if out.is_dir() and out.samefile(os.getcwd()):
        return _fill(ds, fmt, out)  # swapping the working folder would leave the user's shell in the old one
    if not out.parent.is_dir():
        out.parent.mkdir(parents=True)
    try:
        work = _new_folder(out.parent, f".{out.name}.", ".partial")
    except PermissionError:
        work = None  # the parent is not writable: fill *out* in place
    old = out.with_name(f"{work.name.removesuffix('.partial')}.old") if work else out
    try:
        if work is None:
            return _fill(ds, fmt, out)
        written = write_json(ds, work) if fmt == "json" else write_csv(ds, work)
        if out.exists():
            try:
                out.rename(old)
            except OSError:  # a mount point, for one: fill it in place if it is empty
                shutil.rmtree(work)
                return _fill(ds, fmt, out)
        work.rename(out)
    except BaseException:
        if old.exists() and not out.exists():
            old.rename(out)  # interrupted between the two renames: the old export goes back
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)
    return [out / path.name for path in written]


def export_file(ds: Dataset, fmt: str, out: Path, *, force: bool = False) -> list[Path]:
    """Write *ds* as one file *out* (``sqlite``, ``xlsx``, ``csl-json``, ``datasette-metadata``), whole or not at all.

    The file is written beside *out* under a temporary name and renamed over it once
    complete: an interrupted export leaves *out* as it was.

    Raises:
        ValueError: *out* is a directory or a symbolic link, or exists and *force* is not set.
        OSError: the file cannot be written.
    """
    from hled._tables import write_csl, write_metadata, write_sqlite, write_xlsx

    writer = {"sqlite": write_sqlite, "xlsx": write_xlsx, "csl-json": write_csl, "datasette-metadata": write_metadata}[
        fmt
    ]

    out = Path(os.path.abspath(out))
    if out.is_symlink() or out.is_dir():
        msg = f"{str(out)!r} is a {'symbolic link' if out.is_symlink() else 'directory'}; give a file name for --out"
        raise ValueError(msg)
    if out.exists() and not force:
        msg = f"{str(out)!r} exists; pass --force to replace it"
        raise ValueError(msg)
    out.parent.mkdir(parents=True, exist_ok=True)
    work = out.with_name(f".{out.name}.{secrets.token_hex(4)}.partial")
    try:
        writer(ds, work)
        os.replace(work, out)
    except BaseException:
        work.unlink(missing_ok=True)
        raise
    return [out]


def _check_target(out: Path, *, force: bool) -> None:
    """Refuse an *out* that `export` must not replace."""
    if out.is_symlink():
        msg = f"{str(out)!r} is a symbolic link; give the folder it points to"
        raise ValueError(msg)
    if not out.exists():
        return
    if not out.is_dir():
        msg = f"{str(out)!r} exists and is not a directory"
        raise ValueError(msg)
    if any(out.iterdir()):
        if not force:
            msg = f"{str(out)!r} exists and holds files; pass --force to replace it whole"
            raise ValueError(msg)
        if not ((out / "meta.json").is_file() or (out / "datapackage.json").is_file()):
            msg = f"{str(out)!r} holds files but no earlier export (no meta.json, no datapackage.json)"
            msg += "; --force replaces only an export"
            raise ValueError(msg)


def _new_folder(parent: Path, prefix: str, suffix: str) -> Path:
    """A new, empty folder in *parent*, with the mode the user's umask gives (not mkdtemp's 0700)."""
    while True:
        path = parent / f"{prefix}{secrets.token_hex(4)}{suffix}"
        try:
            path.mkdir()
        except FileExistsError:  # 32 random bits taken: draw again
            continue
        return path


def _fill(ds: Dataset, fmt: Literal["json", "csv"], out: Path) -> list[Path]:
    """Write into the empty folder *out* (made if missing); on any failure, leave it empty again."""
    if out.exists() and any(out.iterdir()):
        msg = f"{str(out)!r} cannot be replaced whole where it is; empty it or choose another --out"
        raise ValueError(msg)
    out.mkdir(exist_ok=True)
    try:
        return write_json(ds, out) if fmt == "json" else write_csv(ds, out)
    except BaseException:
        for path in out.iterdir():
            path.unlink()
        raise


def write_json(ds: Dataset, out: Path) -> list[Path]:
    """Write *ds* as a data directory that `hled.load` reads back to an equal dataset."""
    written = []
    files = {"meta.json": ds._meta_json(), **ds.to_files(omit_defaults=True)}
    for name, data in files.items():
        path = out / name
        path.write_bytes(canonical_json(data).encode())
        written.append(path)
    return written


_REGISTRY_OF: dict[type, str] = {kind.record: kind.name for kind in BUILD_ORDER}
_RECORDS: dict[str, type[Record]] = {name: cls for cls, name in _REGISTRY_OF.items()}
_EDITION_KEY = {"reference": {"resource": "editions", "fields": "year"}}
_PACKAGE_DESCRIPTION = (
    "Records of the U.S.-Mexico High-Level Economic Dialogue (2013 original and 2021 relaunch): "
    "pillars, work-plan actions, organizations, people, programs, events and accomplishments, "
    "each cited to the public document it comes from. Exported by hled (https://github.com/hled/hled). "
    "Dates keep the precision of their source (2014, 2013-05, 2021-09-09, or a START/END span); "
    "the *_start and *_end columns give the first and last day they cover."
)


def _members(t: Any) -> list[Any]:
    return [a for a in (get_args(t) if get_origin(t) is not Literal else ()) or (t,) if a is not type(None)]


def _target(t: Any) -> str | None:
    """The registry a field type refers to, if it is a record reference (or a tuple of them)."""
    target, _ = reference_target(t)
    return None if target is None else _REGISTRY_OF[target]


def _value_type(t: Any) -> type | None:
    """The value type a tuple field holds (``tuple[Money, ...]`` -> Money), if any."""
    if get_origin(t) is tuple and is_value_type(get_args(t)[0]):
        found: type = get_args(t)[0]
        return found
    return None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Record):
        return value.id
    if isinstance(value, Citation):
        return value.source.id + (f" ({value.locator})" if value.locator else "")
    if isinstance(value, Money):
        return f"{value.value} {value.currency}"
    if isinstance(value, Role):
        return f"{value.edition} {value.role}"
    if isinstance(value, Variant):
        return f"{value.field}: {value.value}"
    if isinstance(value, tuple):
        return "; ".join(_text(v) for v in value)
    return human(value)


def _days(value: Any) -> tuple[str, str]:
    """The first and last day a date covers, or two empty cells."""
    if not isinstance(value, (PartialDate, DateRange)):
        return "", ""
    return value.earliest.isoformat(), value.latest.isoformat()


def _field_schema(name: str, t: Any, description: str | None) -> dict[str, Any]:
    members = _members(t)
    spec: dict[str, Any] = {"name": name, "type": "string"}
    if description:
        spec["description"] = description
    if members == [bool]:
        spec["type"] = "boolean"
    elif members == [int]:
        spec["type"] = "integer"
    elif members == [Decimal]:
        spec["type"] = "number"
    elif is_date_type(t):
        spec["constraints"] = {"pattern": DATE[1:-1]}
    elif members and get_origin(members[0]) is Literal:  # a Literal, or a Literal | None
        spec["constraints"] = {"enum": list(get_args(members[0]))}
    return spec


class _Table:
    """One CSV table being built: its header, Frictionless field schemas, keys and rows."""

    def __init__(self, name: str, description: str, primary_key: list[str]):
        self.name = name
        self.description = description
        self.primary_key = primary_key
        self.fields: list[dict[str, Any]] = []
        self.foreign: list[dict[str, Any]] = []
        self.rows: list[dict[str, str]] = []

    def column(self, name: str, t: Any, description: str | None = None) -> None:
        self.fields.append(_field_schema(name, t, description))
        target = _target(t)
        if target is not None and get_origin(t) is not tuple:
            self.foreign.append({"fields": name, "reference": {"resource": target, "fields": "id"}})
        elif name == "edition" and _members(t) == [int]:
            self.foreign.append({"fields": name, **_EDITION_KEY})

    def write(self, out: Path) -> tuple[Path, dict[str, Any]]:
        path = out / f"{self.name}.csv"
        text = io.StringIO()  # then written as UTF-8 bytes: the same file whatever the platform and locale
        writer = csv.DictWriter(text, fieldnames=[f["name"] for f in self.fields], lineterminator="\n")
        writer.writeheader()
        writer.writerows(self.rows)
        path.write_bytes(text.getvalue().encode())
        schema: dict[str, Any] = {"fields": self.fields, "primaryKey": self.primary_key}
        if self.foreign:
            schema["foreignKeys"] = self.foreign
        resource = {
            "name": self.name,
            "path": path.name,
            "profile": "tabular-data-resource",
            "description": self.description,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": schema,
        }
        return path, resource


def _record_tables(ds: Dataset, registry: str, lang: str) -> list[_Table]:
    """The main table of one registry, then its join and child tables (names and titles in *lang*)."""
    cls = _RECORDS[registry]  # its field types resolved when the dataset was built
    singular = cls.__name__.lower()
    owner = f"{singular}_id"
    docs = field_descriptions(cls)
    fields = list(attrs.fields(cls))
    main = _Table(registry, summary_line(cls), ["id"])
    extra: list[_Table] = []
    dates: list[str] = []
    for field in fields:
        main.column(field.name, field.type, docs.get(field.name))
        target = _target(field.type)
        value_type = _value_type(field.type)
        if target is not None and get_origin(field.type) is tuple:
            other = _RECORDS[target].__name__.lower()
            column = f"{other}_id" if other != singular else f"{field.name}_id"
            join = _Table(
                f"{registry}_{field.name}",
                f"{docs.get(field.name, field.name)} One row per {singular} and {other}.",
                [owner, column],
            )
            join.column(owner, cls, f"The {singular}.")
            join.column(column, _RECORDS[target], f"The {other}.")
            if other == "person":  # a person's side: chairs by country, participants by country
                join.column("country", str, "The country the person served.")
            for rec in getattr(ds, registry):
                join.rows.extend(
                    {owner: rec.id, column: ref.id, **({"country": ref.country or ""} if other == "person" else {})}
                    for ref in getattr(rec, field.name)
                )
            extra.append(join)
        elif target is not None:
            main.fields.append(
                {"name": f"{field.name}_name", "type": "string", "description": f"The name of the {field.name}."}
            )
        elif value_type is not None:
            extra.append(_child_table(ds, registry, cls, field.name, value_type, docs.get(field.name)))
        elif is_date_type(field.type):
            dates.append(field.name)
    for name in dates:
        main.fields.append({"name": f"{name}_start", "type": "date", "description": f"The first day {name} covers."})
        main.fields.append({"name": f"{name}_end", "type": "date", "description": f"The last day {name} covers."})
    for rec in getattr(ds, registry):
        row: dict[str, str] = {}
        for field in fields:
            value = getattr(rec, field.name)
            row[field.name] = _text(in_language(rec, field.name, lang))  # a name or title in *lang*; others as they are
            if isinstance(value, Record) and _target(field.type) is not None:
                row[f"{field.name}_name"] = value._label()
            elif field.name in dates:
                row[f"{field.name}_start"], row[f"{field.name}_end"] = _days(value)
        main.rows.append(row)
    return [main, *extra]


def _child_table(
    ds: Dataset, registry: str, cls: type[Record], name: str, value_type: type, description: str | None
) -> _Table:
    """A table of the values one tuple field holds, one row per value, in order."""
    singular = cls.__name__.lower()
    owner = f"{singular}_id"
    table = _Table(f"{registry}_{name}", description or name, [owner, "seq"])
    table.column(owner, cls, f"The {singular}.")
    table.fields.append({"name": "seq", "type": "integer", "description": "1-based position in the list."})
    docs = field_descriptions(value_type)
    value_fields = list(attrs.fields(value_type))  # its types resolved when the dataset was built
    for field in value_fields:
        column = "source_id" if value_type is Citation and field.name == "source" else field.name
        if column in ("start", "end"):
            table.fields.append({"name": column, "type": "string", "description": docs.get(field.name, column)})
        else:
            table.column(column, field.type, docs.get(field.name))
    if value_type is Citation:  # what supports it, at a glance: the quality of the source
        table.column("quality", attrs.fields(Source).quality.type, "The quality of the cited source.")
    for rec in getattr(ds, registry):
        for seq, value in enumerate(getattr(rec, name), start=1):
            row = {owner: rec.id, "seq": str(seq)}
            for field in value_fields:
                column = "source_id" if value_type is Citation and field.name == "source" else field.name
                row[column] = _text(getattr(value, field.name))
            if value_type is Citation:
                row["quality"] = value.source.quality
            table.rows.append(row)
    return table


def _crosswalk_table(ds: Dataset) -> _Table:
    docs = field_descriptions(CrosswalkLink)
    table = _Table(
        "crosswalk",
        "The 2013 to 2021 crosswalk of pillars and workstreams: hled's own editorial analysis, citing no source.",
        ["earlier", "later"],
    )
    for name in ("earlier", "later"):
        table.fields.append({"name": name, "type": "string", "description": f"{docs.get(name, name)} (its id)"})
        table.fields.append(
            {"name": f"{name}_kind", "type": "string", "constraints": {"enum": ["pillar", "workstream"]}}
        )
        table.fields.append({"name": f"{name}_title", "type": "string"})
    table.fields.append({"name": "rationale", "type": "string", "description": docs.get("rationale", "rationale")})
    for link in ds.compare_editions().links:
        row = {"rationale": link.rationale}
        for name in ("earlier", "later"):
            item = getattr(link, name)
            row.update({name: item.id, f"{name}_kind": type(item).__name__.lower(), f"{name}_title": item.title})
        table.rows.append(row)
    return table


def tables_of(ds: Dataset, lang: str = "en") -> list[_Table]:
    """Every table of *ds*: each registry's main, join and child tables, then the crosswalk."""
    tables = [table for registry in _RECORDS for table in _record_tables(ds, registry, lang)]
    tables.append(_crosswalk_table(ds))
    return tables


def write_csv(ds: Dataset, out: Path) -> list[Path]:
    """Write the tables of *ds* as CSV files and ``datapackage.json`` into *out*; return the paths written.

    Main tables hold scalar fields, single references as an id column (with a
    foreign key) plus a ``_name`` column, dates in their source precision plus
    ``_start`` and ``_end`` day columns, and many-valued fields as readable text
    joined with ``"; "``. The join and child tables hold the same lists in
    relational form.
    """
    tables = tables_of(ds)
    written: list[Path] = []
    resources: list[dict[str, Any]] = []
    for table in tables:
        path, resource = table.write(out)
        written.append(path)
        resources.append(resource)
    package = {
        "profile": "tabular-data-package",
        "name": "hled",
        "title": "U.S.-Mexico High-Level Economic Dialogue",
        "description": _PACKAGE_DESCRIPTION,
        "version": ds.version,
        "homepage": "https://github.com/hled/hled",
        "licenses": [{"name": "MIT", "path": "https://opensource.org/licenses/MIT", "title": "MIT License"}],
        "keywords": ["mexico", "united-states", "trade", "economic-dialogue", "hled"],
        "hled": {"digest": ds.digest, **{k: v for k, v in ds._meta_json().items() if k != "version"}},
        "resources": resources,
    }
    path = out / "datapackage.json"
    path.write_bytes(canonical_json(package).encode())
    written.append(path)
    return written
