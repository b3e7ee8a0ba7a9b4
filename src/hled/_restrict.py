"""Views of a dataset restricted to records supported by sources of given qualities.

A restricted dataset keeps a record only if at least one of its citations is of
an allowed quality; citations of other qualities are dropped from every record
(and from roles, positions and variants), and references to records that did
not survive are removed (a required reference, such as an action's pillar,
drops the referring record too), until nothing changes. The result is built and
validated like any other dataset.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, get_args

import attrs

from hled._build import META
from hled._record import reference_target
from hled._sources import Quality

__all__ = ["restrict"]

_QUALITIES: tuple[str, ...] = get_args(Quality)
_CITED_VALUES = ("roles", "positions", "variants", "names")


def _reference_fields(cls: type, file_of: dict[type, str]) -> dict[str, tuple[str, bool, bool]]:
    """Map each reference field of *cls* to (file name, many, required)."""
    found = {}
    for field in attrs.fields(cls):
        target, many = reference_target(field.type)
        if target is not None and field.name != "sources":
            optional = many or type(None) in get_args(field.type) or field.default is not attrs.NOTHING
            found[field.name] = (file_of[target], many, not optional)
    return found


def _keep_citations(citations: Iterable[dict[str, Any]], allowed: set[str]) -> list[dict[str, Any]]:
    return [c for c in citations if c.get("source") in allowed]


def _filter_cited_values(record: dict[str, Any], allowed: set[str]) -> None:
    for name in _CITED_VALUES:
        values = record.get(name)
        if not values:
            continue
        kept = []
        for value in values:
            had = bool(value.get("sources"))
            value["sources"] = _keep_citations(value.get("sources", ()), allowed)
            if had and not value["sources"]:
                continue
            if not value["sources"]:
                del value["sources"]
            if name == "positions":
                _filter_position(value, allowed)
            kept.append(value)
        record[name] = kept
    dissolved = record.get("dissolved")
    if dissolved:
        dissolved["sources"] = _keep_citations(dissolved["sources"], allowed)
        if not dissolved["sources"]:
            record["dissolved"] = None


def _filter_position(position: dict[str, Any], allowed: set[str]) -> None:
    """Keep a position's tenure and sightings only as far as citations of allowed quality support them."""
    for field, supported in (("tenure_sources", ("start", "end", "still_held")), ("attested_by", ("attested",))):
        if not position.get(field):
            continue
        position[field] = _keep_citations(position[field], allowed)
        if not position[field]:
            for name in supported:
                position[name] = None
            position["inferred"] = [x for x in position.get("inferred", ()) if x not in supported]


def restrict(
    files: dict[str, Any], meta: dict[str, Any], qualities: frozenset[str], file_of: dict[type, str]
) -> dict[str, bytes]:
    """The data files of *files* (as `Dataset.to_files` gives them) kept to *qualities*, ready to build.

    *file_of* names the data file of each record type, in build order.
    """
    unknown = sorted(qualities - set(_QUALITIES))
    if unknown or not qualities:
        msg = f"qualities must be some of {', '.join(map(repr, _QUALITIES))}; got {sorted(qualities)!r}"
        raise ValueError(msg)
    data = json.loads(json.dumps(files))
    allowed = {s["id"] for s in data["sources.json"] if s["quality"] in qualities}
    data["sources.json"] = [s for s in data["sources.json"] if s["id"] in allowed]
    for name in file_of.values():
        if name == "sources.json":
            continue
        kept = []
        for record in data[name]:
            record["sources"] = _keep_citations(record["sources"], allowed)
            if record["sources"]:
                _filter_cited_values(record, allowed)
                kept.append(record)
        data[name] = kept
    refs = {name: _reference_fields(cls, file_of) for cls, name in file_of.items()}
    while True:
        present = {name: {r["id"] for r in data[name]} for name in refs}
        years = {e["year"] for e in data["editions.json"]}
        changed = False
        for name, fields in refs.items():
            kept = [r for r in data[name] if _prune(r, fields, present) and _in_editions(r, name, years)]
            changed = changed or len(kept) != len(data[name])
            data[name] = kept
        stages = present["pillars.json"] | present["workstreams.json"]
        links = [link for link in data["crosswalk.json"] if link["earlier"] in stages and link["later"] in stages]
        changed = changed or len(links) != len(data["crosswalk.json"])
        data["crosswalk.json"] = links
        if not changed:
            break
    orgs = present["organizations.json"]
    for person in data["people.json"]:
        for position in person.get("positions", ()):
            if position.get("organization") not in orgs:
                position.pop("organization", None)
    published = {src["id"]: src.get("published") for src in data["sources.json"]}
    for acc in data["accomplishments.json"]:  # reported by the first document of the view that reports it
        dates = sorted(d for c in acc["sources"] if (d := published.get(c["source"])) is not None)
        if acc.get("reported") is not None and acc["reported"] not in dates:
            acc["reported"] = dates[0] if dates else None
    for org in data["organizations.json"]:
        if org.get("dissolved") and org["dissolved"].get("into") not in (None, *orgs):
            org["dissolved"]["into"] = None
    for name in ("events.json", "accomplishments.json"):
        for record in data[name]:
            for amount in record.get("amounts", ()):
                for field in ("provider", "recipient"):
                    if amount.get(field) not in (None, *orgs):
                        amount[field] = None
    for org in data["organizations.json"]:
        org["roles"] = [role for role in org.get("roles", ()) if role["edition"] in years]
    payload = {META: meta, **data}
    return {name: json.dumps(value, ensure_ascii=False).encode("utf-8") for name, value in payload.items()}


def _prune(record: dict[str, Any], fields: dict[str, tuple[str, bool, bool]], present: dict[str, set[str]]) -> bool:
    """Drop references to missing records; return False if a required one is missing."""
    for field, (target, many, required) in fields.items():
        value = record[field]
        if many:
            kept = [v for v in value if v in present[target]]
            if len(kept) != len(value):
                record[field] = kept
        elif value is not None and value not in present[target]:
            if required:
                return False
            record[field] = None
    return True


def _in_editions(record: dict[str, Any], name: str, years: set[int]) -> bool:
    """Whether *record*'s edition survived; an optional edition is cleared instead."""
    edition = record.get("edition")
    if edition is None or edition in years:
        return True
    if name in ("programs.json", "events.json"):
        record["edition"] = None
        return True
    return False
