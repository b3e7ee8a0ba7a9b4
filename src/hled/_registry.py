"""`Registry[R]` and `Selection[R]`: precomputed indexes answering get, lookup, filter and search."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

import attrs

from hled._gc import paused
from hled._model import Record
from hled._text import SearchIndex, fold
from hled.errors import AmbiguousLookup, RecordNotFound

if TYPE_CHECKING:
    from decimal import Decimal

    import pandas

    from hled._dataset import Dataset

__all__ = ["Axis", "Registry", "Selection"]

R = TypeVar("R", bound=Record)
_MISSING: Any = object()
_EMPTY: tuple[int, ...] = ()

Normalizer = Callable[["Dataset", object], Hashable]


class Axis:
    """One filter criterion: how to index a record and how to read a user's value.

    Attributes:
        keys: the index keys of one record (for example its years).
        normalize: turns a user's value into an index key, or raises TypeError,
            ValueError or RecordNotFound with a readable message.
    """

    __slots__ = ("keys", "normalize")

    def __init__(self, keys: Callable[[Any], Iterable[Hashable]], normalize: Normalizer):
        self.keys = keys
        self.normalize = normalize


class Registry(Generic[R]):
    """Every record of one type, with indexes for get, lookup, filter and search.

    Registries are built by the loader and never change. Iteration order is the
    registry's documented stable order.
    """

    __slots__ = (
        "_axes",
        "_by_id",
        "_dataset",
        "_index",
        "_kind",
        "_lock",
        "_lookup",
        "_records",
        "_search",
        "_selections",
    )

    def __class_getitem__(cls, item: object) -> Any:
        # `Registry[Edition]` is `Registry` itself at run time: the parameter is for type checkers,
        # and subscripting a Generic would cost the first query about a millisecond per typed registry.
        return cls

    def __init__(self, kind: str, records: Sequence[R], axes: dict[str, Axis], dataset: Dataset):
        self._kind = kind
        self._records: tuple[R, ...] = tuple(records)
        self._by_id: dict[str, R] = {r.id: r for r in self._records}
        self._dataset = dataset
        self._axes = axes
        self._lock = threading.RLock()  # reentrant: building one table may read another
        self._search: SearchIndex | None = None
        self._selections: dict[Hashable, Selection[R]] = {}
        # the lookup table and each criterion's table are built on first use (under the lock), then kept
        self._lookup: dict[str, tuple[int, ...]] | None = None
        self._index: dict[str, dict[Hashable, tuple[int, ...]]] = {}

    def _lookup_table(self) -> dict[str, tuple[int, ...]]:
        """Build (once, whatever the threads) and return the lookup table; callers first try ``self._lookup``."""
        with self._lock, paused():
            table = self._lookup
            if table is None:
                found: dict[str, dict[int, None]] = {}  # dicts as ordered sets: linear however many share a key
                for pos, rec in enumerate(self._records):
                    for text in _names(rec):
                        found.setdefault(fold(text), {})[pos] = None
                found.pop("", None)
                table = self._lookup = {k: tuple(v) for k, v in found.items()}
        return table

    def _axis_table(self, name: str) -> dict[Hashable, tuple[int, ...]]:
        """Build (once, whatever the threads) and return one criterion's table; callers first try ``self._index``."""
        with self._lock, paused():
            table = self._index.get(name)
            if table is None:
                keys = self._axes[name].keys
                found: dict[Hashable, list[int]] = {}
                for pos, rec in enumerate(self._records):
                    for key in dict.fromkeys(keys(rec)):
                        found.setdefault(key, []).append(pos)
                table = self._index[name] = {k: tuple(v) for k, v in found.items()}
        return table

    @property
    def kind(self) -> str:
        """The singular name of the records, for example ``"organization"``."""
        return self._kind

    @property
    def criteria(self) -> tuple[str, ...]:
        """The names `filter` accepts."""
        return tuple(name for name in self._axes if not name.startswith("_"))

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
        if default is not _MISSING:
            return default
        import difflib  # only on a miss: importing it would cost every first query

        near = tuple(difflib.get_close_matches(id, self._by_id, n=3, cutoff=0.7))
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
        key = _fold(text)
        table = self._lookup
        if table is None:
            table = self._lookup_table()
        hits = table.get(key, _EMPTY)
        if len(hits) == 1:
            return self._records[hits[0]]
        if hits:
            raise AmbiguousLookup(text, self._kind, tuple(self._records[p].id for p in hits))
        import difflib

        near = difflib.get_close_matches(key, table, n=6, cutoff=0.75) if key else []
        ids = dict.fromkeys(self._records[p].id for k in near for p in table[k])
        raise RecordNotFound(text, self._kind, tuple(ids)[:3], how="name")

    def resolve(self, value: object, criterion: str) -> R:
        """Return the record *value* stands for: a record of this type, an id, or lookup text."""
        if isinstance(value, str):
            return self.get(value, None) or self.lookup(value)
        if isinstance(value, Record) and type(value).__name__.lower() == self._kind:
            return self.get(value.id)
        msg = (
            f"{criterion} must be a {self._kind.title()} record, an id or a name, got {type(value).__name__} {value!r}"
        )
        raise TypeError(msg)

    def _select(
        self, criteria: dict[str, object], within: tuple[int, ...] | None = None, *, public: bool = False
    ) -> Selection[R]:
        wanted: list[tuple[str, Hashable, bool]] = []
        for name, value in criteria.items():
            if value is None:
                continue
            axis = None if public and name.startswith("_") else self._axes.get(name)
            if axis is None:
                msg = (
                    f"{self._kind} filter got an unexpected criterion {name!r}; "
                    f"valid criteria: {', '.join(self.criteria)}"
                )
                raise TypeError(msg)
            if isinstance(value, (list, tuple)):
                wanted.append((name, tuple([axis.normalize(self._dataset, v) for v in value]), True))
            else:
                wanted.append((name, axis.normalize(self._dataset, value), False))
        if within is not None:
            return self._selection(wanted, within)
        # selections are immutable: one per distinct query, so a repeated filter is a dict lookup
        key = tuple(wanted)
        found = self._selections.get(key)
        if found is None:
            if len(self._selections) >= _SELECTIONS_KEPT:
                self._selections.clear()
            found = self._selections[key] = self._selection(wanted, None)
        return found

    def _selection(self, wanted: list[tuple[str, Hashable, bool]], within: tuple[int, ...] | None) -> Selection[R]:
        hits: set[int] | tuple[int, ...] | None = within
        for name, key, many in wanted:
            table = self._index.get(name)
            if table is None:
                table = self._axis_table(name)
            if many:
                found: set[int] | tuple[int, ...] = set().union(*(table.get(k, _EMPTY) for k in key))  # type: ignore[attr-defined]
            else:
                found = table.get(key, _EMPTY)
            hits = found if hits is None else set(hits).intersection(found)
        if hits is None:
            return Selection(self, tuple(range(len(self._records))))
        if isinstance(hits, tuple):
            return Selection(self, hits)
        return Selection(self, tuple(sorted(hits)))

    def search(self, text: str, limit: int = 10) -> list[R]:
        """Return up to *limit* records ranked by relevance to free *text*, best first.

        Names, titles, acronyms, aliases, summaries and the names of referenced
        records are searched; words are matched after folding case and accents
        and trimming common endings, so rewording a sentence still finds it.

        Raises:
            TypeError: *text* is not a string or *limit* not an int.
            ValueError: *limit* is negative.
        """
        return [self._records[doc] for _, doc in self._scored(text, limit)]

    def _scored(self, text: str, limit: int) -> list[tuple[float, int]]:
        if not isinstance(text, str):
            msg = f"search text must be a str, got {type(text).__name__} {text!r}"
            raise TypeError(msg)
        if not isinstance(limit, int) or isinstance(limit, bool):
            msg = f"limit must be an int, got {type(limit).__name__} {limit!r}"
            raise TypeError(msg)
        if limit < 0:
            msg = f"limit must be 0 or more, got {limit!r}"
            raise ValueError(msg)
        if not text.strip() or limit == 0:
            return []
        return self._search_index().query(text, limit)

    def _search_index(self) -> SearchIndex:
        index = self._search
        if index is None:
            with self._lock, paused():
                index = self._search
                if index is None:
                    index = SearchIndex([list(_search_fields(r)) for r in self._records])
                    self._search = index
        return index


class Selection(Sequence[R]):
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

    def __repr__(self) -> str:
        inner = ", ".join(repr(r.id) for r in self._records[:8])
        more = f", ... {len(self) - 8} more" if len(self) > 8 else ""
        return f"<Selection of {len(self)} {self._registry.kind} records: [{inner}{more}]>"

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of the selected records, in order."""
        return tuple(r.id for r in self._records)

    def filter(self, **criteria: Any) -> Selection[R]:
        """Narrow the selection with the same criteria its registry's ``filter`` takes.

        Raises:
            TypeError: a criterion the registry's ``filter`` does not take.
        """
        return self._registry._select(criteria, within=self._positions, public=True)

    def to_dicts(self) -> list[dict[str, Any]]:
        """Return the records as JSON-ready dicts (references as ids), as the data files hold them."""
        from hled._convert import unstructure_record

        return [unstructure_record(r) for r in self._records]

    def to_dataframe(self) -> pandas.DataFrame:
        """Return a pandas DataFrame, one row per record, indexed by id (needs the ``hled[pandas]`` extra).

        A reference becomes its id (``pillar``) and its name (``pillar_name``); a
        list of references, ``"; "``-joined ids and names. A date becomes
        ``datetime64`` columns for its first and last day (``date``, ``date_end``)
        plus its text in the source's precision (``date_text``).

        Raises:
            ImportError: pandas is not installed; the message names the ``hled[pandas]`` extra.
        """
        from hled._frame import to_dataframe

        every = self._registry._records
        return to_dataframe(self._records, self._registry.kind, type(every[0]) if every else None)

    def _repr_html_(self) -> str:
        from hled._frame import selection_html

        return selection_html(self._records, self._registry.kind)


_SELECTIONS_KEPT = 4096  # distinct filter queries remembered per registry; all forgotten past this
_fold = functools.lru_cache(maxsize=4096)(fold)  # lookup keys: users ask the same names again and again

_NAME_FIELDS = ("name", "title", "acronym", "name_es", "title_es")


_NAME_FIELDS_OF: dict[type, tuple[str, ...]] = {}


def _name_fields(cls: type) -> tuple[str, ...]:
    found = _NAME_FIELDS_OF.get(cls)
    if found is None:
        fields = attrs.fields_dict(cls)
        found = _NAME_FIELDS_OF[cls] = tuple(name for name in _NAME_FIELDS if name in fields)
    return found


def _names(rec: Record) -> Iterator[str]:
    yield rec.id
    for field in _name_fields(type(rec)):
        value = getattr(rec, field)
        if isinstance(value, str):
            yield value
    yield from getattr(rec, "aliases", ())
    kind = type(rec).__name__
    if kind == "Edition":
        yield str(rec.year)  # type: ignore[attr-defined]
    elif kind == "Pillar":
        # Users number pillars both ways; "Pillar 1" alone is ambiguous across editions, and says so.
        number, edition = rec.number, rec.edition  # type: ignore[attr-defined]
        yield f"Pillar {number}"
        yield f"{edition} Pillar {number}"
        if number < len(_ROMAN):
            yield f"{edition} Pillar {_ROMAN[number]}"


_ROMAN = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def _ref_names(value: object) -> Iterator[str]:
    if isinstance(value, Record):
        for field in ("name", "title", "acronym"):
            text = getattr(value, field, None)
            if isinstance(text, str):
                yield text
    elif isinstance(value, tuple):
        for item in value:
            yield from _ref_names(item)
    # the value types by their fields, not their classes: searching sources need not create `Money`
    elif hasattr(value, "title") and hasattr(value, "organization"):  # a Position
        yield value.title
        if value.organization is not None:
            yield from _ref_names(value.organization)
    elif hasattr(value, "currency") and hasattr(value, "value"):  # Money
        yield from _money_words(value.value)
    elif hasattr(value, "unit") and hasattr(value, "value"):  # a Count
        yield f"{value.value} {value.unit}"


def _money_words(value: Decimal) -> Iterator[str]:
    from decimal import Decimal

    yield str(value)
    for size, word in ((Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million")):
        if abs(value) >= size:
            yield f"{(value / size).normalize():f} {word}"
            return


_WEIGHTS = {"name": 3.0, "title": 3.0, "acronym": 3.0, "name_es": 2.0, "title_es": 2.0, "summary": 1.0}


def _search_fields(rec: Record) -> Iterator[tuple[str, float]]:
    for field in attrs.fields(type(rec)):
        if not field.init or field.name in ("id", "sources"):
            continue
        value = getattr(rec, field.name)
        if value is None or value == ():
            continue
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


def _columns(records: Sequence[Record]) -> list[str]:
    if not records:
        return ["id"]
    columns = ["id"]
    for field in attrs.fields(type(records[0])):
        if field.name in ("id", "sources", "notes") or not field.init:
            continue
        if field.name in (
            "title",
            "name",
            "acronym",
            "date",
            "edition",
            "number",
            "pillar",
            "kind",
            "country",
            "summary",
            "published",
            "publisher",
            "year",
            "place",
        ):
            columns.append(field.name)
    return columns[:7]


def _cell(record: Record, column: str) -> str:
    value = getattr(record, column)
    if value is None:
        return ""
    if isinstance(value, Record):
        return value.id
    text = str(value)
    return text if len(text) <= 120 else text[:117] + "..."
