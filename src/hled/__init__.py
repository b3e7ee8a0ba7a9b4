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

from hled.errors import AmbiguousLookup, DataError, HledError, RecordNotFound

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing would cost a third of `import hled`
if TYPE_CHECKING:
    from typing import Any

    from hled._activities import Accomplishment, Count, Event, Money
    from hled._agenda import Action, CrosswalkLink, Edition, Pillar, Program, Workstream
    from hled._api import compare_editions, dataset, load, search, to_dict
    from hled._crosswalk import Crosswalk
    from hled._dataset import (
        AccomplishmentRegistry,
        ActionRegistry,
        Dataset,
        EditionRegistry,
        EventRegistry,
        OrganizationRegistry,
        PersonRegistry,
        PillarRegistry,
        ProgramRegistry,
        SourceRegistry,
        WorkstreamRegistry,
    )
    from hled._dates import DateRange, PartialDate
    from hled._model import Citation, Organization, Record, Role, Source, Variant
    from hled._people import Person, Position
    from hled._registry import Registry, Selection

    __version__: str
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
    "Citation",
    "Count",
    "Crosswalk",
    "CrosswalkLink",
    "DataError",
    "Dataset",
    "DateRange",
    "Edition",
    "Event",
    "HledError",
    "Money",
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
    "Variant",
    "Workstream",
    "__version__",
    "accomplishments",
    "actions",
    "agencies",
    "compare_editions",
    "dataset",
    "editions",
    "events",
    "load",
    "organizations",
    "people",
    "pillars",
    "programs",
    "search",
    "sources",
    "to_dict",
    "workstreams",
]

_WHERE = {
    **dict.fromkeys(("Citation", "Organization", "Record", "Role", "Source", "Variant"), "hled._model"),
    **dict.fromkeys(("Person", "Position"), "hled._people"),
    **dict.fromkeys(("Action", "CrosswalkLink", "Edition", "Pillar", "Program", "Workstream"), "hled._agenda"),
    **dict.fromkeys(("Accomplishment", "Count", "Event", "Money"), "hled._activities"),
    **dict.fromkeys(("PartialDate", "DateRange"), "hled._dates"),
    **dict.fromkeys(("Registry", "Selection"), "hled._registry"),
    "Crosswalk": "hled._crosswalk",
    "Dataset": "hled._dataset",
    **dict.fromkeys(("compare_editions", "dataset", "load", "search", "to_dict"), "hled._api"),
}
_REGISTRIES = frozenset(
    (
        "accomplishments",
        "actions",
        "editions",
        "events",
        "organizations",
        "people",
        "pillars",
        "programs",
        "sources",
        "workstreams",
    )
)


def __getattr__(name: str) -> Any:
    """Import public names on first use, so that ``import hled`` stays cheap (PEP 562)."""
    import importlib

    if name in _REGISTRIES or name == "agencies":
        from hled._dataset import default

        value = getattr(default(), "organizations" if name == "agencies" else name)
    elif name in _WHERE:
        value = getattr(importlib.import_module(_WHERE[name]), name)
    elif name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("hled")
        except PackageNotFoundError:  # pragma: no cover - only when run from an unpacked tree
            value = "0+unknown"
    else:
        msg = f"module 'hled' has no attribute {name!r}"
        raise AttributeError(msg)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
