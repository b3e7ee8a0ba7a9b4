"""How the registries' filter criteria read a user's value and index a record.

`hled._registries` declares each criterion once, on a ``filter`` parameter, with the
helpers here: the readers of a user's value (an edition year, an id or name, a country
code), the index keys of a record (its years, its organizations), the analyses of a
whole dataset some keys need (what an organization is active in), and constructors of
the criteria several registries share.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Hashable, Iterable
from typing import TYPE_CHECKING, Any, get_args

from hled._activities import Accomplishment, Event
from hled._agenda import Action, Edition, Pillar, Program, Workstream
from hled._codes import country_code_of
from hled._dates import Date, as_span, as_window, days_meet
from hled._organizations import Organization, RoleName
from hled._people import Person
from hled._record import Record
from hled._registry import Criterion
from hled._sources import Quality
from hled._text import STOP_WORDS, ascii_fold, fold

if TYPE_CHECKING:
    from hled._dataset import Dataset

Keys = Callable[[Any, "Dataset"], Iterable[Hashable]]

# ---- a user's value -> an index key ------------------------------------------------------------


def edition_years(ds: Dataset) -> frozenset[int]:
    """The years of the dataset's editions."""
    return frozenset(e.year for e in ds.editions)


def listed_editions(ds: Dataset) -> str:
    return " or ".join(str(y) for y in sorted(ds._computed(edition_years)))


def read_edition(ds: Dataset, name: str, value: object) -> Hashable:
    """An edition year (or `Edition`) of the dataset."""
    if isinstance(value, Edition):
        value = value.year
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"edition must be an int year ({listed_editions(ds)}) or an Edition, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    if value not in ds._computed(edition_years):
        msg = f"edition must be one of {listed_editions(ds)}, got {value!r}"
        raise ValueError(msg)
    return value


def read_integer(ds: Dataset, name: str, value: object) -> Hashable:
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"{name} must be an int, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    return value


def read_choice(allowed_type: Any) -> Callable[[Dataset, str, object], Hashable]:
    allowed = get_args(allowed_type)
    listed = ", ".join(map(repr, allowed))

    def value_of(ds: Dataset, name: str, value: object) -> Hashable:
        if not isinstance(value, str):
            msg = f"{name} must be a str, one of {listed}; got {type(value).__name__} {value!r}"
            raise TypeError(msg)
        if value not in allowed:
            msg = f"{name} must be one of {listed}; got {value!r}"
            raise ValueError(msg)
        return value

    return value_of


def read_country(ds: Dataset, name: str, value: object) -> Hashable:
    """A country: an ISO 3166-1 alpha-2 code (any case), or a name people write for one in the data."""
    return country_code_of(value)


def read_language(ds: Dataset, name: str, value: object) -> Hashable:
    if not isinstance(value, str):
        msg = f"language must be an ISO 639-1 code (a str like 'en'), got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    return value.strip().lower()


def read_record(registry: str) -> Callable[[Dataset, str, object], Hashable]:
    def value_of(ds: Dataset, name: str, value: object) -> Hashable:
        found: Record = getattr(ds, registry).resolve(value, name)
        return found.id

    return value_of


# ---- the index keys of a record -----------------------------------------------------------------


def ids(records: Iterable[Record]) -> list[str]:
    return [r.id for r in records]


def opt_id(record: Record | None) -> list[str]:
    return [] if record is None else [record.id]


def date_years(date: Date | None) -> tuple[int, ...]:
    return () if date is None else date.years


def edition_of(rec: Record) -> int | None:
    """The year of the edition a record belongs to, or None."""
    edition = getattr(rec, "edition", None)  # an Action's is its pillar's
    if isinstance(edition, int):
        return edition
    return rec.year if isinstance(rec, Edition) else None


def edition_key(rec: Record, ds: Dataset) -> list[int]:
    edition = edition_of(rec)
    return [] if edition is None else [edition]


def pillar_key(rec: Any, ds: Dataset) -> list[str]:
    return opt_id(rec.pillar)


def organization_keys(rec: Any, ds: Dataset) -> list[str]:
    return ids(rec.organizations)


def program_keys(rec: Any, ds: Dataset) -> list[str]:
    return ids(rec.programs)


def kind_key(rec: Any, ds: Dataset) -> list[str]:
    return [rec.kind]


def date_keys(rec: Any, ds: Dataset) -> tuple[int, ...]:
    date: Date = rec.date
    return date.years


def source_keys(rec: Any, ds: Dataset) -> list[str]:
    return ids(c.source for c in rec.sources)


class Activity:
    """What an organization, person or program is mentioned with: editions, years, pillars."""

    __slots__ = ("editions", "pillars", "years")

    def __init__(self) -> None:
        self.editions: dict[int, None] = {}
        self.years: dict[int, None] = {}
        self.pillars: dict[str, None] = {}


_NO_ACTIVITY = Activity()


def activities(ds: Dataset) -> dict[tuple[type, str], Activity]:
    found: dict[tuple[type, str], Activity] = {}

    def note(refs: Iterable[Record], edition: int | None, years: Iterable[int], pillars: Iterable[str]) -> None:
        editions, years, pillars = () if edition is None else (edition,), tuple(years), tuple(pillars)
        for ref in refs:
            act = found.setdefault((type(ref), ref.id), Activity())
            act.editions.update(dict.fromkeys(editions))
            act.years.update(dict.fromkeys(years))
            act.pillars.update(dict.fromkeys(pillars))

    for ev in ds._of(Event):
        note((*ev.organizations, *ev.people, *ev.chairs, *ev.programs), ev.edition, ev.date.years, ids(ev.pillars))
    for acc in ds._of(Accomplishment):
        note((*acc.organizations, *acc.people, *acc.programs), acc.edition, acc.date.years, opt_id(acc.pillar))
    for act in ds._of(Action):
        note((*act.organizations, *act.programs), act.pillar.edition, (), [act.pillar.id])
    for prog in ds._of(Program):
        edition = prog.edition if prog.edition is not None else (prog.pillar.edition if prog.pillar else None)
        note(prog.organizations, edition, date_years(prog.started), opt_id(prog.pillar))
    for ed in ds._of(Edition):
        note(ed.leaders, ed.year, (), ())
    return found


def activity(rec: Record, ds: Dataset) -> Activity:
    return ds._computed(activities).get((type(rec), rec.id), _NO_ACTIVITY)


def pillar_ties(ds: Dataset) -> dict[str, dict[str, tuple[Record, ...]]]:
    """For each organization id, each pillar id it is tied to and the records that tie it, in registry order.

    A record ties the organizations it names to a pillar when it is placed under that pillar
    alone: a result, action or program of the pillar, or an event about that one pillar. An
    event covering several pillars ties its participants to none of them.
    """
    found: dict[str, dict[str, list[Record]]] = {}
    placed: list[tuple[Record, Pillar | None, tuple[Organization, ...]]] = [
        *((a, a.pillar, a.organizations) for a in ds._of(Accomplishment)),
        *((a, a.pillar, a.organizations) for a in ds._of(Action)),
        *((p, p.pillar, p.organizations) for p in ds._of(Program)),
        *((e, e.pillars[0], e.organizations) for e in ds._of(Event) if len(e.pillars) == 1),
    ]
    for record, pillar, organizations in placed:
        for org in organizations if pillar is not None else ():
            # a record names an organization once (the loader refuses repeats): no record twice
            found.setdefault(org.id, {}).setdefault(pillar.id, []).append(record)  # type: ignore[union-attr]
    return {org: {pid: tuple(recs) for pid, recs in by.items()} for org, by in found.items()}


def pillar_years(ds: Dataset) -> dict[str, set[int]]:
    """For each pillar id, the years of the events naming it and of the results under it."""
    years: dict[str, set[int]] = {}
    dated = [
        *((ev.pillars, ev.date) for ev in ds._of(Event)),
        *(((acc.pillar,) if acc.pillar else (), acc.date) for acc in ds._of(Accomplishment)),
    ]
    for pillars, date in dated:
        for pillar in pillars:
            years.setdefault(pillar.id, set()).update(date.years)
    return years


def cited_editions(ds: Dataset) -> dict[str, set[int]]:
    """For each source id, the editions of the records that cite it."""
    found: dict[str, set[int]] = {}
    for registry in ds.registries.values():
        for rec in registry:
            edition = edition_of(rec)
            if edition is not None:
                for citation in getattr(rec, "sources", ()):
                    found.setdefault(citation.source.id, set()).add(edition)
    return found


PILLAR_DOC = 'a pillar, by its id or anything `hled.pillars.lookup` resolves (a title, "2021 Pillar II").'
AGENCY_DOC = "same as *organization*."


def edition_criterion(doc: str = "an edition, by its year: 2013 or 2021.", keys: Keys = edition_key) -> Criterion:
    return Criterion(doc, keys, read_edition, number=True)


def year_criterion(doc: str, keys: Keys = date_keys) -> Criterion:
    return Criterion(doc, keys, read_integer, number=True)


def reference_criterion(doc: str, keys: Keys, registry: str) -> Criterion:
    return Criterion(doc, keys, read_record(registry))


def kind_criterion(kinds: Any, doc: str) -> Criterion:
    return Criterion(doc, kind_key, read_choice(kinds))


BY_ORGANIZATION = reference_criterion(
    "an organization that did it; *agency* is the same.", organization_keys, "organizations"
)
BY_SOURCE = reference_criterion("a source document citing it.", source_keys, "sources")
BY_QUALITY = Criterion(
    'the quality of a source citing it: ``"official"``, ``"mirror"``, ``"press"`` or ``"low"``.',
    lambda rec, ds: {c.source.quality for c in rec.sources},
    read_choice(Quality),
)


def read_place(ds: Dataset, name: str, value: object) -> Hashable:
    """A place as people type it, folded as `lookup` folds names."""
    if not isinstance(value, str):
        msg = f"place must be a str such as 'Mexico City', got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    key = fold(value)
    if not key:
        msg = f"place must name a place, such as 'Mexico City' or 'Washington'; got {value!r}"
        raise ValueError(msg)
    return key


def place_keys(rec: Any, ds: Dataset) -> set[str]:
    """A record's places, whole and by their comma-separated parts ("..., Mexico City")."""
    places = [rec.place] if isinstance(getattr(rec, "place", None), str) else list(getattr(rec, "places", ()))
    return {fold(part) for place in places for part in (place, *place.split(","))}


BY_PLACE = Criterion('a place it names, whole or a part between commas (``"Mexico City"``).', place_keys, read_place)


def tied_pillars(o: Organization, ds: Dataset) -> Iterable[str]:
    return ds._computed(pillar_ties).get(o.id, {}).keys()


def pillar_orgs(p: Pillar, ds: Dataset) -> Iterable[str]:
    return [org for org, by in ds._computed(pillar_ties).items() if p.id in by]


def workstream_orgs(w: Workstream, ds: Dataset) -> set[str]:
    return {o.id for a in w.actions for o in a.organizations}


def read_role_in_edition(ds: Dataset, name: str, value: object) -> Hashable:
    """A (role, edition) pair, each read as role= and edition= read it."""
    pair: tuple[object, object] = value  # type: ignore[assignment]
    return (read_choice(RoleName)(ds, "role", pair[0]), read_edition(ds, "edition", pair[1]))


# an organization's role in an edition: what role= and edition= given together ask for
ROLE_IN_EDITION = Criterion(
    "a role held in an edition.", lambda o, ds: [(r.role, r.edition) for r in o.roles], read_role_in_edition
)


# titles people put before a name ("President Obama", "Secretaria Clouthier"), folded as lookup folds
TITLES = tuple(
    fold(title)
    for title in (
        "Vice President",
        "President",
        "Presidente",
        "Presidenta",
        "Deputy Secretary",
        "Under Secretary",
        "Undersecretary",
        "Secretary",
        "Secretario",
        "Secretaria",
        "Subsecretario",
        "Subsecretaria",
        "Ambassador",
        "Embajador",
        "Embajadora",
        "Foreign Minister",
        "Minister",
        "Canciller",
        "Governor",
        "Gobernador",
        "Gobernadora",
        "Mr.",
        "Ms.",
        "Mrs.",
        "Dr.",
        "Sr.",
        "Sra.",
    )
)


def name_parts(name: str) -> set[str]:
    """The shorter forms people give a name: surnames, and given name + surname.

    "Andrés Manuel López Obrador": "López Obrador", "Obrador", "López", "Andrés López Obrador",
    "Andrés López"...; "Luz María de la Mora": "de la Mora", "Mora", "Luz Mora". A single word
    counts if it is capitalized and longer than two letters (not "J." nor "de").
    """
    words = name.split()
    parts = set()
    for i in range(1, len(words)):
        rest = " ".join(words[i:])
        parts |= {rest, f"{words[0]} {rest}"}
        if words[i][:1].isupper() and len(words[i]) > 2 and "." not in words[i]:
            parts |= {words[i], f"{words[0]} {words[i]}"}
    return parts


def people_by_part(ds: Dataset) -> dict[str, tuple[int, ...]]:
    """Each folded short form of a person's name, and the positions of the people it names."""
    found: dict[str, dict[int, None]] = {}
    for pos, person in enumerate(ds.people):
        for name in (person.name, *person.aliases):
            for part in name_parts(name):
                found.setdefault(fold(part), {})[pos] = None
    return {key: tuple(positions) for key, positions in found.items()}


def position_orgs(p: Person, ds: Dataset) -> list[str]:
    return [pos.organization.id for pos in p.positions if pos.organization is not None]


# ---- dates: on=, between=, and tenure --------------------------------------------------------------

Days = tuple[datetime.date, datetime.date]


def read_on(ds: Dataset, name: str, value: object) -> Days:
    """A day, partial date or span (any form `as_date` reads): every day it may be."""
    return as_span(value)


def read_between(ds: Dataset, name: str, value: object) -> Days:
    """A ``(START, END)`` pair, inclusive, either end None for open."""
    return as_window(value)


def overlaps(date: Date | None, days: Days) -> bool:
    """Whether *date* (a partial date or span; None never) may fall on a day of *days*."""
    return date is not None and days_meet((date.earliest, date.latest), days)


def date_test(field: str) -> Callable[[Any, Hashable], bool]:
    def test(rec: Any, days: Any) -> bool:
        return overlaps(getattr(rec, field), days)

    return test


def date_criteria(field: str, what: str) -> tuple[Criterion, Criterion]:
    """The on= and between= criteria over one date field of a record."""
    on = Criterion(
        f'a day, month, year or span {what} touches: ``"2022-09-12"``, ``"Sept 2022"``, ``"2022"``, '
        "a `datetime.date`, a `PartialDate` or a `DateRange` (a partial date is every day it may be).",
        None,
        read_on,
        test=date_test(field),
    )
    between = Criterion(
        f"a pair ``(START, END)`` of dates {what} touches between, inclusive; either end None for open.",
        None,
        read_between,
        test=date_test(field),
        several=False,
    )
    return on, between


# a title people type and a position's title are compared word by word, in English or Spanish
_TITLE_WORDS = {
    "secretario": "secretary",
    "secretaria": "secretary",
    "subsecretario": "undersecretary",
    "subsecretaria": "undersecretary",
    "embajador": "ambassador",
    "embajadora": "ambassador",
    "presidente": "president",
    "presidenta": "president",
    "vicepresidente": "vice president",
    "vicepresidenta": "vice president",
    "gobernador": "governor",
    "gobernadora": "governor",
    "director": "director",
    "directora": "director",
    "administrador": "administrator",
    "administradora": "administrator",
    "comisionado": "commissioner",
    "comisionada": "commissioner",
    "commerce": "commerce",
    "comercio": "commerce",
    "economia": "economy",
    "hacienda": "finance",
    "energia": "energy",
    "relaciones": "foreign",
    "exteriores": "foreign",
    "foreign": "foreign",
}
# words that make a title another, lower office: "Deputy Secretary" is not "Secretary"
_RANKS = frozenset(("deputy", "under", "undersecretary", "assistant", "vice", "associate", "adjunto", "adjunta"))


def title_words(text: str, *, translate: bool = True) -> frozenset[str]:
    """The words of a title, folded, in English where a Spanish title word has a usual English one."""
    words = (_TITLE_WORDS.get(w, w) if translate else w for w in re.findall(r"[a-z0-9]+", ascii_fold(text)))
    return frozenset(part for w in words for part in w.split() if part not in STOP_WORDS or part in _RANKS)


def read_title(ds: Dataset, name: str, value: object) -> Hashable:
    """A title as people type it (English or Spanish): the words it must have."""
    if not isinstance(value, str):
        msg = f"title must be a str like 'Secretary of Economy', got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    words = title_words(value)
    if not words:
        msg = f"title must name an office, like 'Secretary of Economy' or 'Secretaria de Economía'; got {value!r}"
        raise ValueError(msg)
    return words


def position_words(position: Any) -> tuple[frozenset[str], frozenset[str]]:
    """The words a title query may use for *position* (its title's and its organization's), and its rank words."""
    title = title_words(position.title)
    org = position.organization
    names = (org.name, org.acronym or "", org.name_es or "", *org.aliases) if org is not None else ()
    # an organization's names as they are: "Secretaría" there is the ministry, not its secretary
    return title.union(*(title_words(name, translate=False) for name in names)), title & _RANKS


def has_title(position: Any, words: frozenset[str]) -> bool:
    """Whether *position* is the office *words* name.

    All of the words are in its title or its organization's names, and no rank word of its
    title ("Deputy", "Under") is missing from them.
    """
    found, ranks = position_words(position)
    return words <= found and ranks <= words


def read_tenure(ds: Dataset, name: str, value: object) -> Hashable:
    """The days of on= or between= for people: refused past the data's cut-off, where tenure is not known."""
    first, last = read_on(ds, name, value) if name == "on" else read_between(ds, name, value)
    cutoff = ds.cutoff
    if cutoff is not None and last > cutoff.latest:
        if name == "between" and isinstance(value, (tuple, list)) and value[1] is None:
            return first, cutoff.latest  # open-ended: up to the cut-off
        msg = (
            f"the data's record runs to {cutoff} (hled.dataset().cutoff): who held an office after that "
            f"is not known; ask about {cutoff} or earlier, got {value!r}"
        )
        raise ValueError(msg)
    return first, last


def held_test(person: Any, groups: Any) -> bool:
    """Whether *person* held one position that meets every group of *groups*, each by any of its values.

    A group is ``("title", title words...)``, ``("organization", organization ids...)`` or
    ``("days", (first, last)...)``.
    """
    return any(
        all(any(_meets(position, part, v) for v in values) for part, values in groups) for position in person.positions
    )


def _meets(position: Any, part: str, value: Any) -> bool:
    if part == "title":
        return has_title(position, value)
    if part == "organization":
        return position.organization is not None and position.organization.id == value
    return days_meet(position.held, value)


def read_bool(ds: Dataset, name: str, value: object) -> Hashable:
    """True or False (the command line's ``yes``/``no``, ``true``/``false``)."""
    if isinstance(value, bool):
        return value
    words = {"true": True, "yes": True, "false": False, "no": False}
    if isinstance(value, str) and value.strip().lower() in words:
        return words[value.strip().lower()]
    msg = f"{name} must be True or False, got {type(value).__name__} {value!r}"
    raise TypeError(msg)
