"""The U.S.–Mexico High-Level Economic Dialogue (HLED) as typed, cited, queryable records.

``import hled`` reads no data: the registries (``hled.pillars``, ``hled.organizations``,
...) load the bundled dataset on first use, once, and hold it immutably.

Examples:
    >>> import hled
    >>> [p.title for p in hled.pillars.filter(edition=2013)][0]
    'Promoting Competitiveness and Connectivity'
    >>> hled.organizations.lookup("USAID").country
    'US'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hled.errors import AmbiguousLookup, DataError, HledError, RecordNotFound

if TYPE_CHECKING:  # the names `__getattr__` gives, as type checkers see them
    from typing import Any

    from hled._api import (
        Accomplishment,
        Action,
        Change,
        Citation,
        Count,
        Crosswalk,
        CrosswalkLink,
        DataDiff,
        Dataset,
        DateRange,
        Dissolution,
        Edition,
        Event,
        LeftOut,
        Money,
        Name,
        Organization,
        PartialDate,
        Person,
        Pillar,
        Position,
        Program,
        Record,
        Registry,
        Role,
        Selection,
        Source,
        Total,
        Variant,
        Workstream,
        compare_editions,
        dataset,
        diff,
        load,
        search,
        tables,
        to_dict,
    )
    from hled._registries import (
        AccomplishmentRegistry,
        ActionRegistry,
        EditionRegistry,
        EventRegistry,
        OrganizationRegistry,
        PersonRegistry,
        PillarRegistry,
        ProgramRegistry,
        SourceRegistry,
        WorkstreamRegistry,
    )

    __version__: str
    # the default dataset's registries (`hled.Dataset` declares them)
    accomplishments: AccomplishmentRegistry
    actions: ActionRegistry
    agencies: OrganizationRegistry
    editions: EditionRegistry
    events: EventRegistry
    organizations: OrganizationRegistry
    people: PersonRegistry
    pillars: PillarRegistry
    programs: ProgramRegistry
    sources: SourceRegistry
    workstreams: WorkstreamRegistry

__all__ = [
    "Accomplishment",
    "Action",
    "AmbiguousLookup",
    "Change",
    "Citation",
    "Count",
    "Crosswalk",
    "CrosswalkLink",
    "DataDiff",
    "DataError",
    "Dataset",
    "DateRange",
    "Dissolution",
    "Edition",
    "Event",
    "HledError",
    "LeftOut",
    "Money",
    "Name",
    "Organization",
    "PartialDate",
    "Person",
    "Pillar",
    "Position",
    "Program",
    "Record",
    "RecordNotFound",
    "Registry",
    "Role",
    "Selection",
    "Source",
    "Total",
    "Variant",
    "Workstream",
    "__version__",
    "accomplishments",
    "actions",
    "agencies",
    "compare_editions",
    "dataset",
    "diff",
    "editions",
    "events",
    "load",
    "organizations",
    "people",
    "pillars",
    "programs",
    "search",
    "sources",
    "tables",
    "to_dict",
    "workstreams",
]


def __getattr__(name: str) -> Any:
    """Import public names on first use, so that ``import hled`` stays cheap (PEP 562)."""
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value: Any = version("hled")
        except PackageNotFoundError:  # pragma: no cover - only when run from an unpacked tree
            value = "0+unknown"
    elif name in __all__:
        from hled import _api

        # a public class or function, else a registry of the default dataset
        value = getattr(_api, name) if name in _api.__all__ else getattr(_api.default(), name)
    else:
        msg = f"module 'hled' has no attribute {name!r}"
        raise AttributeError(msg)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
