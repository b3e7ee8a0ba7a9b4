"""JSON Schemas (Draft 2020-12) for the data files, generated from the attrs model.

The schemas let editors and tools outside Python validate a data file's shape:
types, required fields, closed vocabularies, id, date and money forms, and no
unknown keys. What a schema cannot say (that ids are unique, that references
resolve) ``hled validate DIR`` checks. The package ships the generated files in
``hled/schema/`` (``python scripts/make_schemas.py`` rewrites them), and a test
keeps them equal to what this module generates.
"""

from __future__ import annotations

import functools
import inspect
import re
import typing
from decimal import Decimal
from typing import Any, Literal, get_args, get_origin

import attrs

from hled._agenda import CrosswalkLink
from hled._codes import COUNTRIES, CURRENCIES
from hled._dataset import BUILD_ORDER
from hled._dates import Date, DateRange, PartialDate
from hled._money import currency_code
from hled._record import Record, cited, country_code, distinct, edition_year, non_negative, positive, slug, text, texts
from hled._structure import is_value_type

__all__ = [
    "FILE_TYPES",
    "SCHEMA_URL",
    "field_descriptions",
    "json_schema",
    "schema_file_name",
    "schemas",
    "summary_line",
]

SCHEMA_URL = "https://github.com/hled/hled/raw/main/src/hled/schema/"
SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
TEXT = r"^\S(?:[\s\S]*\S)?$"
_ONE_DATE = r"[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?"
DATE = rf"^{_ONE_DATE}(?:/{_ONE_DATE})?$"
DECIMAL = r"^[0-9]+(?:\.[0-9]+)?$"  # amounts are never negative

#: The record type each data file holds (meta.json and crosswalk.json are special).
FILE_TYPES: dict[str, type[Any]] = {
    **{kind.file: kind.record for kind in BUILD_ORDER},
    "crosswalk.json": CrosswalkLink,
}
_ATTRIBUTE = re.compile(r"^ {4}(\w+): (.+)$")


def schema_file_name(data_file: str) -> str:
    """The schema file for one data file: ``pillars.json`` -> ``pillars.schema.json``."""
    return data_file.removesuffix(".json") + ".schema.json"


def summary_line(cls: type) -> str:
    """The first line of *cls*'s docstring; its name where there is none (``python -OO`` strips them)."""
    lines = (cls.__doc__ or "").strip().splitlines()
    return lines[0] if lines else f"{cls.__name__} records."


def field_descriptions(cls: type) -> dict[str, str]:
    """The one-line description of each field, read from the class docstring's ``Attributes:`` section."""
    found: dict[str, str] = {}
    current: str | None = None
    inside = False
    for line in inspect.cleandoc(cls.__doc__ or "").splitlines():
        if line.strip() == "Attributes:":
            inside = True
            continue
        if not inside:
            continue
        match = _ATTRIBUTE.match(line)
        if match:
            current = match.group(1)
            found[current] = match.group(2).strip()
        elif line.strip() and current is not None and line.startswith(" " * 8):
            found[current] += " " + line.strip()
        elif line.strip():  # the next section, such as Examples:
            break
    return {**_COMMON, **{name: _plain(text) for name, text in found.items() if text}}


_COMMON = {
    "id": "The record's stable id: a lowercase ASCII slug, never reused or changed once released.",
    "title_es": "The Spanish title, where a source gives one.",
    "aliases": "Other names and wordings the sources use.",
    "summary": "What it is, in a sentence.",
    "sources": "Where the facts are cited from: a source id and a locator inside it.",
    "notes": "Editorial notes on how the sources were read.",
    "variants": "Values other sources give for a field, kept rather than silently resolved.",
}


def _plain(text: str) -> str:
    text = text.replace("``", "").replace("`", "").replace("*derived*, ", "derived: ")
    text = text.replace(" None", " null").replace("True", "true")
    return text[0].upper() + text[1:]


def _a(word: str) -> str:
    return ("an " if word[0] in "aeiou" else "a ") + word


def _is_record(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, Record)


def _type_schema(t: Any) -> dict[str, Any]:
    """The schema of one annotated type, as the data files store it."""
    origin = get_origin(t)
    args = get_args(t)
    if t in (PartialDate, DateRange, Date):
        return {"type": "string", "pattern": DATE}
    if t is Decimal:
        return {"type": "string", "pattern": DECIMAL}
    if t is str:
        return {"type": "string"}
    if t is int:
        return {"type": "integer"}
    if t is bool:
        return {"type": "boolean"}
    if origin is Literal:
        if args == (True,):
            return {"const": True}
        return {"enum": list(args)}
    if _is_record(t):
        return {"type": "string", "pattern": SLUG, "description": f"The id of {_a(t.__name__.lower())}."}
    if attrs.has(t):
        return {"$ref": f"#/$defs/{t.__name__}"}
    if origin is tuple:
        return {"type": "array", "items": _type_schema(args[0])}
    if origin in (typing.Union, _UnionType) or args:
        members = [a for a in args if a is not type(None)]
        if set(members) == {PartialDate, DateRange}:
            inner: dict[str, Any] = {"type": "string", "pattern": DATE}
        elif len(members) > 1 and all(_is_record(m) for m in members):
            names = " or ".join(m.__name__.lower() for m in members)
            inner = {"type": "string", "pattern": SLUG, "description": f"The id of {_a(names)}."}
        elif len(members) == 1:
            inner = _type_schema(members[0])
        else:  # pragma: no cover - the model has no other unions
            inner = {"anyOf": [_type_schema(m) for m in members]}
        if type(None) in args:
            return _nullable(inner)
        return inner
    msg = f"no JSON Schema for {t!r}"  # pragma: no cover - the model has no other types
    raise TypeError(msg)  # pragma: no cover


_UnionType = type(int | None)


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if set(schema) <= {"type", "pattern", "minimum", "maximum", "enum", "description", "minLength"} and (
        "type" in schema or "enum" in schema
    ):
        widened = dict(schema)
        if "type" in schema:
            widened["type"] = [schema["type"], "null"]
        if "enum" in schema:
            widened["enum"] = [*schema["enum"], None]
        return widened
    return {"anyOf": [schema, {"type": "null"}]}  # pragma: no cover - every optional field is a simple type


def _unwrapped(validator: Any) -> Any:
    """The check inside a wrapper such as ``attrs.validators.optional`` or the model's ``_on_field``."""
    inner = getattr(validator, "validator", None)
    if inner is None and inspect.isfunction(validator) and validator.__closure__:
        inner = inspect.getclosurevars(validator).nonlocals.get("check")
    return inner


@functools.cache
def _checks() -> dict[Any, str]:
    """The model's validator functions, wrapped and unwrapped, by what they check."""
    found: dict[Any, str] = {}
    for validator in (
        slug,
        text,
        texts,
        country_code,
        currency_code,
        positive,
        non_negative,
        edition_year,
        cited,
        distinct,
    ):
        check: Any = validator
        while check is not None:
            found[check] = validator.__name__
            check = _unwrapped(check)
    return found


def _constrain(schema: dict[str, Any], validator: Any) -> None:
    """Add what one attrs validator checks to the schema of its field (or of its array's items)."""
    if validator is None:
        return
    name = _checks().get(validator)
    if name is None:
        inner = _unwrapped(validator)
        if inner is not None:
            _constrain(schema, inner)
            return
    pattern = getattr(validator, "pattern", None)
    if pattern is not None:
        schema["pattern"] = "^" + pattern.pattern + "$"
    elif name == "slug":
        schema["pattern"] = SLUG
    elif name == "text":
        schema["pattern"] = TEXT
    elif name == "texts":
        schema["items"] = {"type": "string", "pattern": TEXT}
        schema["uniqueItems"] = True
    elif name == "country_code":
        nullable = "null" in schema.pop("type", ())
        schema["enum"] = [*sorted(COUNTRIES), *([None] if nullable else [])]
    elif name == "currency_code":
        schema.pop("type", None)
        schema["enum"] = sorted(CURRENCIES)
    elif name == "positive":
        schema["minimum"] = 1
    elif name == "non_negative":
        schema["minimum"] = 0
    elif name == "edition_year":
        schema["minimum"] = 1900
        schema["maximum"] = 2100
    elif name == "cited":
        schema["minItems"] = 1
    elif name == "distinct":
        schema["uniqueItems"] = True


def _object_schema(cls: type) -> dict[str, Any]:
    attrs.resolve_types(cls)
    docs = field_descriptions(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        schema = _type_schema(field.type)
        _constrain(schema, field.validator)
        if field.name in docs:
            schema = {"description": docs[field.name], **{k: v for k, v in schema.items() if k != "description"}}
        properties[field.name] = schema
        if field.default is attrs.NOTHING:
            required.append(field.name)
    summary = summary_line(cls)
    return {
        "type": "object",
        "title": cls.__name__,
        "description": summary,
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def json_schema(data_file: str) -> dict[str, Any]:
    """Return the JSON Schema of one data file (for example ``"pillars.json"``).

    Raises:
        ValueError: *data_file* is not one of the data files.
    """
    if data_file == "meta.json":
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": SCHEMA_URL + schema_file_name(data_file),
            "title": "hled meta.json",
            "description": "The release of the data directory.",
            "type": "object",
            "properties": {
                "version": {
                    "type": "string",
                    "pattern": TEXT,
                    "description": "The data release, for example 2026.11.0.",
                },
                "released": {"type": "string", "pattern": DATE, "description": "The date of the data release."},
                "redirects": {
                    "type": "object",
                    "description": "For each registry, ids renamed or merged away and the id each now goes by.",
                    "additionalProperties": {
                        "type": "object",
                        "additionalProperties": {"type": "string", "pattern": SLUG},
                    },
                },
                "cutoff": {
                    "type": "string",
                    "pattern": DATE,
                    "description": (
                        "The last day the data's record runs to: an office shown still held then may have ended since."
                    ),
                },
            },
            "required": ["version"],
            "additionalProperties": False,
        }
    cls = FILE_TYPES.get(data_file)
    if cls is None:
        known = ", ".join(["meta.json", *FILE_TYPES])
        msg = f"no data file named {data_file!r}; data files are: {known}"
        raise ValueError(msg)
    defs = {value.__name__: _object_schema(value) for value in _value_types(cls)}
    defs[cls.__name__] = _object_schema(cls)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_URL + schema_file_name(data_file),
        "title": f"hled {data_file}",
        "description": f"A JSON array of {cls.__name__} records, as hled's data files store them (references are ids).",
        "type": "array",
        "items": {"$ref": f"#/$defs/{cls.__name__}"},
        "$defs": dict(sorted(defs.items())),
    }


def _value_types(cls: type) -> set[type]:
    """The value types (`Citation`, `Money`, ...) records of *cls* hold, directly or inside another value type."""
    found: set[type] = set()
    for field in attrs.fields(attrs.resolve_types(cls)):
        for t in get_args(field.type) or (field.type,):
            if is_value_type(t) and t is not cls and t not in found:
                found |= {t, *_value_types(t)}
    return found


def schemas() -> dict[str, dict[str, Any]]:
    """Every schema, by schema file name (``pillars.schema.json`` ...)."""
    return {schema_file_name(name): json_schema(name) for name in ("meta.json", *FILE_TYPES)}
