"""Writing a dataset out: the loader's own JSON format, or CSV tables with a Frictionless descriptor.

Only paths the caller passes are written to.
"""

from __future__ import annotations

import csv
import json
import typing
from pathlib import Path
from typing import Any, get_args, get_origin

import attrs

from hled._dataset import REGISTRY_NAMES, Dataset
from hled._dates import DateRange, PartialDate
from hled._model import Citation, Count, Money, Position, Record, Role

__all__ = ["canonical_json", "write_csv", "write_json"]


def canonical_json(data: Any) -> str:
    """The one text form of a data file: 2-space indent, UTF-8 characters kept, trailing newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_json(ds: Dataset, out: Path) -> list[Path]:
    """Write *ds* as a data directory that `hled.load` reads back to an equal dataset."""
    written = []
    files = {"meta.json": {"version": ds.version}, **ds.to_files(omit_defaults=True)}
    for name, data in files.items():
        path = out / name
        path.write_text(canonical_json(data), encoding="utf-8")
        written.append(path)
    return written


def _record_type(registry: str) -> type[Record]:
    from hled import _model

    return typing.cast(
        "type[Record]",
        {
            "sources": _model.Source,
            "organizations": _model.Organization,
            "people": _model.Person,
            "editions": _model.Edition,
            "pillars": _model.Pillar,
            "workstreams": _model.Workstream,
            "programs": _model.Program,
            "actions": _model.Action,
            "events": _model.Event,
            "accomplishments": _model.Accomplishment,
        }[registry],
    )


_REGISTRY_OF = {
    "Source": "sources",
    "Organization": "organizations",
    "Person": "people",
    "Edition": "editions",
    "Pillar": "pillars",
    "Workstream": "workstreams",
    "Program": "programs",
    "Action": "actions",
    "Event": "events",
    "Accomplishment": "accomplishments",
}


def _target(t: Any) -> str | None:
    """The registry a field type refers to, if it is a record reference."""
    args = [a for a in (get_args(t) or (t,)) if a is not type(None)]
    if get_origin(t) is tuple:
        args = [get_args(t)[0]]
    if len(args) == 1 and isinstance(args[0], type) and args[0].__name__ in _REGISTRY_OF:
        return _REGISTRY_OF[args[0].__name__]
    return None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Record):
        return value.id
    if isinstance(value, Citation):
        return value.source.id + (f" ({value.locator})" if value.locator else "")
    if isinstance(value, Money):
        return f"{value.value} {value.currency}"
    if isinstance(value, Role):
        return f"{value.edition} {value.role}"
    if isinstance(value, (Count, Position, PartialDate, DateRange)):
        return str(value)
    if isinstance(value, tuple):
        return "; ".join(_text(v) for v in value)
    return str(value)


def _field_type(name: str, t: Any) -> str:
    base = [a for a in (get_args(t) or (t,)) if a is not type(None)]
    if name in ("edition", "year", "number") and base == [int]:
        return "integer"
    return "string"


def write_csv(ds: Dataset, out: Path) -> list[Path]:
    """Write one CSV table per registry, a join table per many-valued reference, and ``datapackage.json``.

    Main tables hold scalar fields as text, single references as ids (with a
    foreign key), and many-valued fields joined with ``"; "``. Each many-valued
    reference also gets a two-column join table (``accomplishments_organizations.csv``)
    whose foreign keys tools such as R or SQL can use.
    """
    written: list[Path] = []
    resources: list[dict[str, Any]] = []
    for registry in REGISTRY_NAMES:
        cls = _record_type(registry)
        attrs.resolve_types(cls)
        fields = [f for f in attrs.fields(cls) if f.init]
        header: list[str] = []
        schema_fields: list[dict[str, Any]] = []
        foreign: list[dict[str, Any]] = []
        joins: list[tuple[str, str]] = []
        for field in fields:
            header.append(field.name)
            target = _target(field.type)
            schema_fields.append({"name": field.name, "type": _field_type(field.name, field.type)})
            if target is not None and get_origin(field.type) is tuple:
                joins.append((field.name, target))
            elif target is not None:
                header.append(f"{field.name}_name")
                schema_fields.append({"name": f"{field.name}_name", "type": "string"})
                foreign.append({"fields": field.name, "reference": {"resource": target, "fields": "id"}})
        rows = []
        for rec in getattr(ds, registry):
            row: dict[str, str] = {}
            for field in fields:
                value = getattr(rec, field.name)
                row[field.name] = _text(value)
                if f"{field.name}_name" in header:
                    row[f"{field.name}_name"] = value._label() if isinstance(value, Record) else ""
            rows.append(row)
        path = out / f"{registry}.csv"
        _write_table(path, header, rows)
        written.append(path)
        resources.append(
            {
                "name": registry,
                "path": path.name,
                "profile": "tabular-data-resource",
                "format": "csv",
                "encoding": "utf-8",
                "schema": {"fields": schema_fields, "primaryKey": ["id"], "foreignKeys": foreign},
            }
        )
        for field_name, target in joins:
            singular = cls.__name__.lower()
            column = f"{target}_id"
            join_rows = [
                {f"{singular}_id": rec.id, column: ref.id}
                for rec in getattr(ds, registry)
                for ref in getattr(rec, field_name)
            ]
            name = f"{registry}_{field_name}"
            path = out / f"{name}.csv"
            _write_table(path, [f"{singular}_id", column], join_rows)
            written.append(path)
            resources.append(
                {
                    "name": name,
                    "path": path.name,
                    "profile": "tabular-data-resource",
                    "format": "csv",
                    "encoding": "utf-8",
                    "schema": {
                        "fields": [
                            {"name": f"{singular}_id", "type": "string"},
                            {"name": column, "type": "string"},
                        ],
                        "foreignKeys": [
                            {"fields": f"{singular}_id", "reference": {"resource": registry, "fields": "id"}},
                            {"fields": column, "reference": {"resource": target, "fields": "id"}},
                        ],
                    },
                }
            )
    package = {
        "profile": "tabular-data-package",
        "name": "hled",
        "title": "U.S.-Mexico High-Level Economic Dialogue",
        "version": ds.version,
        "description": "Records of the U.S.-Mexico High-Level Economic Dialogue (2013 and 2021 editions), "
        "each cited to its public source. Exported by hled.",
        "resources": resources,
    }
    path = out / "datapackage.json"
    path.write_text(canonical_json(package), encoding="utf-8")
    written.append(path)
    return written


def _write_table(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
