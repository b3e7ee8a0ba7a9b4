"""`Registry[R]` and `Selection[R]`: get, lookup, filter and search over the records of one kind.

A registry's filter criteria are declared once each, on the parameters of its
``filter`` method (``typing.Annotated`` with a `Criterion`: the parameter's type,
its docstring line and how it maps to an index). `Registry.CRITERIA` collects
them; ``filter``'s docstring, its checks and the command line's options are made
from them. The ten registries are in `hled._registries`.

Indexes (the lookup table, a table per criterion, the search index) are built on
first use and kept. Building one is idempotent: two threads that race build equal
tables, and either may be kept.
"""

from __future__ import annotations

import contextlib
import difflib
import inspect
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Generic, TypeVar, get_args, get_origin, overload

import attrs

from hled._agenda import Edition, Pillar
from hled._frame import selection_html, to_dataframe
from hled._money import Count, Money
from hled._people import Position
from hled._record import Record, check_language, in_language, kind_of
from hled._structure import unstructure
from hled._text import SearchIndex, fold
from hled._total import Total, total
from hled.errors import AmbiguousLookup, RecordNotFound

if TYPE_CHECKING:
    import pandas

    from hled._dataset import Dataset

__all__ = ["Criterion", "Immutable", "Registry", "Selection", "can_search", "search_fields"]

R = TypeVar("R", bound=Record)
_MISSING: Any = object()
_EMPTY: tuple[int, ...] = ()


class Criterion:
    """One filter criterion, declared on a ``filter`` parameter as ``Annotated[type, Criterion(...)]``.

    Attributes:
        doc: the parameter's line in ``filter``'s docstring and in the command line's help.
        keys: the index keys of one record, given the record and its dataset (for example its years);
            None for a criterion that tests each record instead (a date range has no index key).
        value: turns a user's value into an index key, given the dataset and the criterion's name;
            raises TypeError, ValueError or RecordNotFound with a readable message.
        number: whether the command line reads the value as an integer.
        test: for a criterion without keys (and only then), whether a record meets a key:
            ``test(record, key)``.
        several: whether a list or tuple of values means any of them (False where the value is a
            pair itself, as ``between=(START, END)``).
    """

    __slots__ = ("doc", "keys", "number", "several", "test", "value")

    def __init__(
        self,
        doc: str,
        keys: Callable[[Any, Dataset], Iterable[Hashable]] | None,
        value: Callable[[Dataset, str, object], Hashable],
        *,
        number: bool = False,
        test: Callable[[Any, Any], bool] | None = None,
        several: bool = True,
    ):
        self.doc = doc
        self.keys = keys
        self.value = value
        self.number = number
        self.test = test
        self.several = several

    def __repr__(self) -> str:
        return f"Criterion({self.doc!r})"


_I = TypeVar("_I", bound="Immutable")


class Immutable:
    """Something that never changes once made: a copy of it, shallow or deep, is itself."""

    __slots__ = ()

    def __copy__(self: _I) -> _I:
        return self

    def __deepcopy__(self: _I, memo: dict[int, Any]) -> _I:
        return self


class Registry(Immutable, Generic[R]):
    """Every record of one kind, with indexes for get, lookup, filter and search.

    Registries are built by the loader and never change. Iteration order is the
    registry's documented stable order.

    Attributes:
        CRITERIA: the criteria ``filter`` accepts, by name, as each subclass declares them
            (the command line builds its options from these).
    """

    __slots__ = ("_by_id", "_dataset", "_kind", "_lookup", "_name", "_records", "_search", "_tables")

    CRITERIA: ClassVar[dict[str, Criterion]] = {}
    RECORD: ClassVar[type[Record]]  # the record type, from the subclass's base: `Registry[Pillar]`

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.RECORD = get_args(cls.__orig_bases__[0])[0]  # type: ignore[attr-defined]
        found: dict[str, Criterion] = {}
        filter_ = cls.__dict__["filter"]  # every subclass declares its own
        for name, param in inspect.signature(filter_).parameters.items():
            if get_origin(param.annotation) is Annotated:
                found[name] = next(m for m in get_args(param.annotation)[1:] if isinstance(m, Criterion))
        cls.CRITERIA = found
        filter_.__doc__ = (
            (filter_.__doc__ or "")
            + "\n\n        Args:\n"
            + "".join(f"            {name}: {criterion.doc}\n" for name, criterion in found.items())
        )

    def __init__(self, name: str, records: Sequence[R], dataset: Dataset):
        self._name = name  # its attribute of the dataset, for pickling
        self._kind = kind_of(self.RECORD)
        self._records: tuple[R, ...] = tuple(records)
        self._by_id: dict[str, R] = {r.id: r for r in self._records}
        self._dataset = dataset
        self._lookup: dict[str, tuple[int, ...]] | None = None
        self._tables: dict[Callable[..., Any], dict[Hashable, tuple[int, ...]]] = {}
        self._search: SearchIndex | None = None

    @staticmethod
    def _order(record: Any) -> Any:
        """The sort key of the registry's stable order (the sort is stable: the file's order breaks ties)."""
        raise NotImplementedError

    @property
    def kind(self) -> str:
        """The singular name of the records, for example ``"organization"``."""
        return self._kind

    @property
    def criteria(self) -> tuple[str, ...]:
        """The names `filter` accepts."""
        return tuple(self.CRITERIA)

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[R]:
        return iter(self._records)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._by_id
        if isinstance(item, Record):
            found = self._by_id.get(item.id)
            return found is not None and (found is item or found == item)
        return False

    def __repr__(self) -> str:
        return f"<Registry of {len(self)} {self._kind} records>"

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its dataset and its name: for multiprocessing and joblib."""
        return (getattr, (self._dataset, self._name))

    def _repr_html_(self) -> str:
        return Selection(self, tuple(range(len(self))))._repr_html_()

    @overload
    def get(self, id: str) -> R: ...

    @overload
    def get(self, id: str, default: R) -> R: ...

    @overload
    def get(self, id: str, default: Any) -> R | Any: ...

    def get(self, id: str, default: Any = _MISSING) -> Any:
        """Return the record with this *id*, or *default* if given and there is none.

        An id a release renamed or merged away returns the record it now belongs to
        (`Dataset.redirects`): ids are never withdrawn.

        Raises:
            RecordNotFound: no such id and no *default*; the message names close ids.
            TypeError: *id* is not a string.
        """
        if not isinstance(id, str):
            msg = f"{self._kind} id must be a str, got {type(id).__name__} {id!r}"
            raise TypeError(msg)
        found = self._by_id.get(id)
        if found is not None:
            return found
        moved = self._dataset.redirects.get(self._name, {}).get(id)
        if moved is not None:  # renamed or merged: its id lives on
            return self._by_id[moved]
        if default is not _MISSING:
            return default
        near = tuple(difflib.get_close_matches(id, self._by_id, cutoff=0.7))  # three at most
        raise RecordNotFound(id, self._kind, near)

    def lookup(self, text: str) -> R:
        """Return the one record whose id, name, title, acronym, alias or Spanish name is *text*.

        Case, accents, punctuation and spacing are ignored.

        Raises:
            RecordNotFound: nothing matches; the message suggests close names.
            AmbiguousLookup: several records match; the message lists their ids.
            TypeError: *text* is not a string.
        """
        if not isinstance(text, str):
            msg = f"lookup text must be a str, got {type(text).__name__} {text!r}"
            raise TypeError(msg)
        exact = self._by_id.get(text)
        if exact is not None:
            return exact
        key = fold(text)
        table = self._lookup
        if table is None:
            found: dict[str, dict[int, None]] = {}  # dicts as ordered sets
            for pos, rec in enumerate(self._records):
                for name in _names(rec):
                    found.setdefault(fold(name), {})[pos] = None
            found.pop("", None)
            table = self._lookup = {k: tuple(v) for k, v in found.items()}
        hits = table.get(key, _EMPTY)
        if len(hits) == 1:
            return self._records[hits[0]]
        if hits:
            raise AmbiguousLookup(text, self._kind, tuple(self._records[p].id for p in hits))
        near = difflib.get_close_matches(key, table, n=6, cutoff=0.75)
        ids = dict.fromkeys(self._records[p].id for k in near for p in table[k])
        raise RecordNotFound(text, self._kind, tuple(ids)[:3], how="name")

    def resolve(self, value: object, criterion: str) -> R:
        """Return the record *value* stands for: a record of this kind, an id, or lookup text."""
        if isinstance(value, str):
            return self.get(value, None) or self.lookup(value)
        if isinstance(value, Record) and kind_of(type(value)) == self._kind:
            return self.get(value.id)
        msg = (
            f"{criterion} must be a {self._kind.title()} record, an id or a name, got {type(value).__name__} {value!r}"
        )
        raise TypeError(msg)

    def _wanted(self, given: dict[str, object]) -> list[tuple[str, Criterion, Hashable, bool]]:
        """The criteria given a value (None is no value): name, declaration, index key(s), and whether several."""
        edition, pillar = given.get("edition"), given.get("pillar")
        if isinstance(edition, int) and isinstance(pillar, str):
            # a pillar's number means the one of the edition asked for: filter(edition=2021, pillar="IV")
            with contextlib.suppress(LookupError):
                given = {**given, "pillar": self._dataset.pillars.lookup(f"{edition} {pillar}")}
        wanted: list[tuple[str, Criterion, Hashable, bool]] = []
        for name, value in given.items():
            if value is None or name == "self":
                continue
            criterion = self.CRITERIA.get(name)
            if criterion is None:
                msg = (
                    f"{self._kind} filter got an unexpected criterion {name!r}; "
                    f"valid criteria: {', '.join(self.CRITERIA)}"
                )
                raise TypeError(msg)
            if criterion.several and isinstance(value, Iterable) and not isinstance(value, (str, bytes, Mapping)):
                wanted.append((name, criterion, tuple([criterion.value(self._dataset, name, v) for v in value]), True))
            else:
                wanted.append((name, criterion, criterion.value(self._dataset, name, value), False))
        return wanted

    def _select(self, given: dict[str, object], within: tuple[int, ...] | None = None) -> Selection[R]:
        """The records, or those at *within*, that meet every criterion *given* (any of a list's values)."""
        hits: set[int] | tuple[int, ...] | None = within
        for _name, criterion, key, many in self._wanted(given):
            keys_of = criterion.keys
            if keys_of is None:  # no index: test each record still in the running
                test, keys = criterion.test, key if many else (key,)
                records = self._records
                scope = range(len(records)) if hits is None else hits
                hits = {p for p in scope if any(test(records[p], k) for k in keys)}  # type: ignore[misc, attr-defined]
                continue
            table = self._tables.get(keys_of)  # shared by criteria with the same keys (agency, organization)
            if table is None:
                found: dict[Hashable, list[int]] = {}
                for pos, rec in enumerate(self._records):
                    for k in dict.fromkeys(keys_of(rec, self._dataset)):
                        found.setdefault(k, []).append(pos)
                table = self._tables[keys_of] = {k: tuple(v) for k, v in found.items()}
            if many:
                matched: set[int] | tuple[int, ...] = set().union(*(table.get(k, _EMPTY) for k in key))  # type: ignore[attr-defined]
            else:
                matched = table.get(key, _EMPTY)
            hits = matched if hits is None else set(hits).intersection(matched)
        if hits is None:
            return Selection(self, tuple(range(len(self._records))))
        return Selection(self, tuple(sorted(hits)))

    def total(self, *, currency: str | None = None, kind: str | None = None, unit: str | None = None) -> Total:
        """The total of every record's amounts that add up: `Selection.total` over the whole registry."""
        return Selection(self, tuple(range(len(self)))).total(currency=currency, kind=kind, unit=unit)

    def search(self, text: str, limit: int = 10) -> list[R]:
        """Return up to *limit* records ranked by relevance to free *text*, best first.

        Names, titles, acronyms, aliases, summaries and the names of referenced
        records are searched; words are matched after folding case and accents
        and trimming common endings, so rewording a sentence still finds it.

        Raises:
            TypeError: *text* is not a string or *limit* not an int.
            ValueError: *limit* is negative.
        """
        if not can_search(text, limit):
            return []
        index = self._search
        if index is None:
            index = self._search = SearchIndex([list(search_fields(r)) for r in self._records])
        return [self._records[doc] for _, doc in index.query(text, limit)]


class Selection(Immutable, Sequence[R]):
    """An immutable, filterable sequence of records in registry order."""

    __slots__ = ("_positions", "_records", "_registry")

    def __init__(self, registry: Registry[R], positions: tuple[int, ...]):
        self._registry = registry
        self._positions = positions
        self._records: tuple[R, ...] = tuple(map(registry._records.__getitem__, positions))

    @overload
    def __getitem__(self, index: int) -> R: ...

    @overload
    def __getitem__(self, index: slice) -> Selection[R]: ...

    def __getitem__(self, index: int | slice) -> R | Selection[R]:
        if isinstance(index, slice):
            return Selection(self._registry, self._positions[index])
        return self._records[index]

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[R]:
        return iter(self._records)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Selection):
            return self._records == other._records
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._records)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its registry and the ids it selects (ids are stable across data releases)."""
        return (_reselected, (self._registry, self.ids))

    def __repr__(self) -> str:
        inner = ", ".join(repr(r.id) for r in self._records[:8])
        more = f", ... {len(self) - 8} more" if len(self) > 8 else ""
        return f"<Selection of {len(self)} {self._registry.kind} records: [{inner}{more}]>"

    def _combined(self, other: object, keep: Callable[[bool, bool], bool]) -> Selection[R]:
        if not isinstance(other, Selection):
            return NotImplemented  # type: ignore[no-any-return]
        if other._registry is not self._registry:
            kinds = f"{self._registry.kind} and {other._registry.kind}"
            msg = f"selections combine within one registry (of one dataset), got {kinds} records"
            raise TypeError(msg)
        mine, theirs = set(self._positions), set(other._positions)
        return Selection(self._registry, tuple(sorted(p for p in mine | theirs if keep(p in mine, p in theirs))))

    def __or__(self, other: object) -> Selection[R]:
        """The records in either selection, in registry order."""
        return self._combined(other, lambda a, b: a or b)

    def __and__(self, other: object) -> Selection[R]:
        """The records in both selections, in registry order."""
        return self._combined(other, lambda a, b: a and b)

    def __sub__(self, other: object) -> Selection[R]:
        """The records of this selection that are not in the other, in registry order."""
        return self._combined(other, lambda a, b: a and not b)

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of the selected records, in order."""
        return tuple(r.id for r in self._records)

    def total(self, *, currency: str | None = None, kind: str | None = None, unit: str | None = None) -> Total:
        """Add the money amounts of the records that add up: one currency, one kind, none counted twice.

        ``hled.accomplishments.filter(pillar="2021 Pillar II").total(currency="USD", kind="grant")``.
        An amount included in another that is added (`Money.part_of`) is left out, and so is
        every amount of another currency or kind: `Total.left_out` lists each with its reason.
        With *unit*, the counts of that unit are added instead (``total(unit="beneficiaries")``),
        except those that do not add up (`Count.additive`).

        Args:
            currency: an ISO 4217 code; may be omitted where the amounts have one currency.
            kind: a `MoneyKind` (``"grant"``, ``"funding"``, ``"loan"``, ``"commitment"``, ``"goal"``,
                ``"estimate"``, ``"budget"``); may be omitted where the amounts have one kind.
            unit: the unit of the counts to add, instead of money.

        Raises:
            ValueError: the amounts have several currencies or kinds and none is named (the message
                lists them); the kind is ``"statistic"``, which does not add up; no count has *unit*;
                the records hold no amounts (pillars, people...).
            TypeError: a value is not a str, or *unit* is given with *currency* or *kind*.
        """
        return total(self._records, self._registry.kind, currency=currency, kind=kind, unit=unit)

    def filter(self, **criteria: Any) -> Selection[R]:
        """Narrow the selection with the same criteria its registry's ``filter`` takes.

        Raises:
            TypeError: a criterion the registry's ``filter`` does not take.
        """
        return self._registry._select(criteria, within=self._positions)

    def to_dicts(self, lang: str = "en") -> list[dict[str, Any]]:
        """Return the records as JSON-ready dicts (references as ids), as the data files hold them.

        Args:
            lang: ``"es"`` shows each name and title in Spanish where the record has one, and
                the English one marked `` [en]`` where it has none: for reading, not for loading.

        Raises:
            ValueError: *lang* is neither ``"en"`` nor ``"es"``.
        """
        check_language(lang)
        found = []
        for record in self._records:
            data = unstructure(record)
            data.update({f: in_language(record, f, lang) for f in ("name", "title") if f in data})
            found.append(data)
        return found

    def to_dataframe(self, lang: str = "en") -> pandas.DataFrame:
        """Return a pandas DataFrame, one row per record, indexed by id (needs the ``hled[pandas]`` extra).

        A reference becomes its id (``pillar``) and its name (``pillar_name``); a
        list of references, ``"; "``-joined ids and names. A date becomes
        ``datetime64`` columns for its first and last day (``date``, ``date_end``)
        plus its text in the source's precision (``date_text``). With ``lang="es"``, names and
        titles (the record's and its references') are Spanish where the data has them, and
        marked `` [en]`` where it does not.

        Raises:
            ImportError: pandas is not installed; the message names the ``hled[pandas]`` extra.
            ValueError: *lang* is neither ``"en"`` nor ``"es"``.
        """
        return to_dataframe(self._records, self._registry.kind, self._registry.RECORD, check_language(lang))

    def to_html(self, lang: str = "en") -> str:
        """Return the selection as the HTML table notebooks show, names in *lang* (``"en"`` or ``"es"``).

        Raises:
            ValueError: *lang* is neither ``"en"`` nor ``"es"``.
        """
        return selection_html(self._records, self._registry.kind, check_language(lang))

    def _repr_html_(self) -> str:
        return self.to_html()


def _reselected(registry: Registry[R], ids: tuple[str, ...]) -> Selection[R]:
    """The selection of *registry* holding the records with these *ids* (an unpickled `Selection`)."""
    position = {record.id: pos for pos, record in enumerate(registry)}
    missing = [rid for rid in ids if rid not in position]
    if missing:
        raise RecordNotFound(missing[0], registry.kind)
    return Selection(registry, tuple(sorted(position[rid] for rid in ids)))


def can_search(text: object, limit: object) -> bool:
    """Check the arguments of a search; return whether the query can find anything."""
    if not isinstance(text, str):
        msg = f"search text must be a str, got {type(text).__name__} {text!r}"
        raise TypeError(msg)
    if not isinstance(limit, int) or isinstance(limit, bool):
        msg = f"limit must be an int, got {type(limit).__name__} {limit!r}"
        raise TypeError(msg)
    if limit < 0:
        msg = f"limit must be 0 or more, got {limit!r}"
        raise ValueError(msg)
    return bool(text.strip()) and limit > 0


_NAME_FIELDS = ("name", "title", "acronym", "name_es", "title_es")
_ROMAN = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def _names(rec: Record) -> Iterator[str]:
    """Every text `lookup` finds *rec* by."""
    yield rec.id
    for field in _NAME_FIELDS:
        value = getattr(rec, field, None)
        if isinstance(value, str):
            yield value
    yield from getattr(rec, "aliases", ())
    if isinstance(rec, Edition):
        yield str(rec.year)
    elif isinstance(rec, Pillar):
        # Users number pillars both ways; "Pillar 1" alone is ambiguous across editions, and says so.
        number, edition = rec.number, rec.edition
        yield f"Pillar {number}"
        yield f"{edition} Pillar {number}"
        yield f"{edition} {number}"
        if number < len(_ROMAN):
            yield f"{edition} Pillar {_ROMAN[number]}"
            yield f"{edition} {_ROMAN[number]}"
            yield _ROMAN[number]  # "IV": one pillar; "II": one of each edition, and says so


def _ref_names(value: object) -> Iterator[str]:
    if isinstance(value, Record):
        for field in ("name", "title", "acronym"):
            text = getattr(value, field, None)
            if isinstance(text, str):
                yield text
    elif isinstance(value, tuple):
        for item in value:
            yield from _ref_names(item)
    elif isinstance(value, Position):
        yield value.title
        if value.organization is not None:
            yield from _ref_names(value.organization)
    elif isinstance(value, Money):
        yield from _money_words(value.value)
    elif isinstance(value, Count):
        yield f"{value.value} {value.unit}"


def _money_words(value: Decimal) -> Iterator[str]:
    yield str(value)
    for size, word in ((Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million")):
        if abs(value) >= size:
            yield f"{(value / size).normalize():f} {word}"
            return


_WEIGHTS = {"name": 3.0, "title": 3.0, "acronym": 3.0, "name_es": 2.0, "title_es": 2.0, "summary": 1.0}


def search_fields(rec: Record) -> Iterator[tuple[str, float]]:
    """The weighted texts `search` ranks *rec* by."""
    for field in attrs.fields(type(rec)):  # an id, a citation, None or () gives no text
        value = getattr(rec, field.name)
        if field.name in _WEIGHTS and isinstance(value, str):
            yield value, _WEIGHTS[field.name]
        elif field.name == "aliases":
            yield from ((alias, 2.0) for alias in value)
        elif field.name in ("places", "notes"):
            yield from ((text, 0.5) for text in value)
        elif field.name == "place" and isinstance(value, str):
            yield value, 0.5
        else:
            yield from ((text, 0.5) for text in _ref_names(value))
