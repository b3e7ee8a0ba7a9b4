"""A user's view of hled's types: mypy --strict must accept this file as written.

It is type-checked, not run by pytest (its name does not start with ``test_``).
"""

from __future__ import annotations

from decimal import Decimal

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
