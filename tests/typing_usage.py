"""A user's view of hled's types: mypy --strict must accept this file as written.

It is type-checked, not run by pytest (its name does not start with ``test_``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import hled


def pillar_titles(edition: int) -> list[str]:
    return [p.title for p in hled.pillars.filter(edition=edition)]


def usaid_results_2022() -> list[str]:
    selection: hled.Selection[hled.Accomplishment] = hled.accomplishments.filter(agency="USAID", year=2022)
    return [a.summary for a in selection]


def total_usd() -> Decimal:
    return sum(
        (m.value for a in hled.accomplishments for m in a.amounts if m.currency == "USD"),
        start=Decimal(0),
    )


def first_org_acronym(acc: hled.Accomplishment) -> str | None:
    return acc.organizations[0].acronym if acc.organizations else None


def lookup_or_none(text: str) -> hled.Organization | None:
    try:
        return hled.organizations.lookup(text)
    except (hled.RecordNotFound, hled.AmbiguousLookup):
        return None


def edition_of(item: hled.Pillar | hled.Workstream) -> int:
    return item.edition


def crosswalk_pairs() -> list[tuple[str, str]]:
    return [(link.earlier.id, link.later.id) for link in hled.compare_editions().links]


def years(date: hled.PartialDate | hled.DateRange) -> tuple[int, ...]:
    return date.years


def custom(path: str) -> int:
    ds: hled.Dataset = hled.load(path)
    return len(ds.events.filter(edition=2021, kind="meeting"))


def search_all(text: str) -> list[str]:
    return [r.id for r in hled.search(text, limit=5)]


# ---- every other public name, as a user meets it ------------------------------------------


def version_line() -> str:
    ds: hled.Dataset = hled.dataset()
    return f"hled {hled.__version__}, data {ds.version} ({ds.digest[:12]})"


def every_registry() -> dict[str, int]:
    registries: list[hled.Registry[Any]] = [
        hled.editions,
        hled.pillars,
        hled.workstreams,
        hled.actions,
        hled.organizations,
        hled.agencies,
        hled.people,
        hled.programs,
        hled.events,
        hled.accomplishments,
        hled.sources,
    ]
    return {r.kind: len(r) for r in registries}


def typed_records() -> list[str]:
    edition: hled.Edition = hled.editions.get("2021")
    pillar: hled.Pillar = hled.pillars.lookup("Investing in Our People")
    workstream: hled.Workstream | None = hled.workstreams.get("no-such-id", None)
    action: hled.Action = hled.actions.filter(pillar=pillar)[0]
    person: hled.Person = hled.people.search("Biden")[0]
    position: hled.Position | None = person.positions[0] if person.positions else None
    program: hled.Program = hled.programs.lookup("SURGES")
    event: hled.Event = hled.events.filter(edition=edition, kind="meeting")[0]
    source: hled.Source = action.source
    citation: hled.Citation = event.sources[0]
    org: hled.Organization = hled.organizations.lookup("USAID")
    roles: tuple[hled.Role, ...] = org.roles
    variants: tuple[hled.Variant, ...] = org.variants
    return [
        edition.title,
        pillar.title,
        workstream.title if workstream else "",
        person.name,
        position.title if position else "",
        program.name,
        source.title,
        citation.locator or "",
        str(len(roles) + len(variants)),
    ]


def amounts_and_counts(acc: hled.Accomplishment) -> list[str]:
    money: list[hled.Money] = list(acc.amounts)
    counts: list[hled.Count] = list(acc.counts)
    return [f"{m.value} {m.currency}" for m in money] + [f"{c.value} {c.unit}" for c in counts]


def dates() -> list[int]:
    day: hled.PartialDate = hled.PartialDate.parse("2021-09-09")
    span: hled.DateRange = hled.DateRange.parse("2021-08-31/2022-09-12")
    return [day.year, *span.years]


def crosswalk() -> list[str]:
    walk: hled.Crosswalk = hled.compare_editions()
    link: hled.CrosswalkLink = walk.links[0]
    later: tuple[hled.Pillar | hled.Workstream, ...] = walk.later_of(link.earlier)
    return [s.id for s in (*later, *walk.dropped, *walk.new)]


def as_data(record: hled.Record) -> dict[str, object]:
    return hled.to_dict(record)


def errors(text: str) -> str:
    try:
        return hled.organizations.lookup(text).id
    except hled.AmbiguousLookup as exc:
        return ", ".join(exc.candidates)
    except hled.RecordNotFound as exc:
        return ", ".join(exc.suggestions)
    except hled.HledError as exc:  # any other hled error
        return str(exc)


def load_or_report(path: str) -> list[str]:
    try:
        hled.load(path)
    except hled.DataError as exc:
        return list(exc.problems)
    return []


def frame_rows() -> int:
    selection: hled.Selection[hled.Pillar] = hled.pillars.filter(edition=[2013, 2021])
    return len(selection.to_dataframe()) + len(selection.to_dicts())


def official_pillars() -> list[str]:
    official: hled.Dataset = hled.dataset(official_only=True)
    strict: hled.Dataset = hled.dataset().supported_by("official")
    return [p.id for p in official.pillars] + [p.id for p in strict.pillars]
