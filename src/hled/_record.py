"""The base of the model: `Record`, the field checks every record type uses, and the values every record holds.

Every record is a frozen, slotted attrs class whose equality and hash are attrs'
own. References between records hold the referenced records themselves (the data
files store ids; the loader resolves them). Fields marked *derived* are filled by
the loader from other records' references and are not stored in the data files.

The record types live by domain: `hled._sources` (sources and citations),
`hled._organizations`, `hled._people`, `hled._agenda` (editions, pillars, workstreams, actions, programs,
the crosswalk) and `hled._activities` (events, accomplishments); the values they
hold in `hled._dates` and `hled._money`.
"""

from __future__ import annotations

import collections
import html
import re
from collections.abc import Callable
from typing import Any, ClassVar, Literal, TypeAlias, get_args, get_origin

import attrs

from hled._codes import COUNTRIES

__all__ = [
    "ENGLISH_MARK",
    "LANGUAGES",
    "FieldProblem",
    "Linked",
    "Record",
    "check_language",
    "cited",
    "clip",
    "country_code",
    "distinct",
    "edition_year",
    "human",
    "in_language",
    "kind_of",
    "non_negative",
    "own_fields",
    "positive",
    "reference_target",
    "slug",
    "text",
    "texts",
    "value_html",
]

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
Check: TypeAlias = Callable[[Any, "attrs.Attribute[Any]", Any], None]


class FieldProblem(ValueError):
    """A validator's complaint about one field; the loader adds the field to the problem's path."""

    def __init__(self, field: str, message: str):
        self.field = field
        super().__init__(message)


def on_field(check: Check) -> Check:
    """Make *check* (an attrs validator raising ValueError) raise `FieldProblem` naming the field."""

    def run(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        try:
            check(inst, attribute, value)
        except ValueError as exc:
            raise FieldProblem(attribute.name, str(exc.args[0])) from None

    return run


def slug(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A record id: a lowercase ASCII slug."""
    if not _SLUG.fullmatch(value):
        msg = f"{attribute.name} must be a lowercase ASCII slug like 'usaid' or '2021-pillar-1', got {value!r}"
        raise FieldProblem(attribute.name, msg)


def text(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Non-empty text without outer spaces (or None)."""
    if value is not None and (not value or value.strip() != value):
        msg = f"{attribute.name} must be non-empty text without outer spaces, got {value!r}"
        raise FieldProblem(attribute.name, msg)


def texts(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Distinct non-empty texts without outer spaces."""
    for item in value:
        if not item or item.strip() != item:
            msg = f"{attribute.name} must hold non-empty texts without outer spaces, got {item!r}"
            raise FieldProblem(attribute.name, msg)
    if len(set(value)) != len(value):
        msg = f"{attribute.name} repeats an entry: {value!r}"
        raise FieldProblem(attribute.name, msg)


def distinct(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """References to distinct records: a record named twice would be counted twice."""
    counts = collections.Counter(getattr(record, "id", record) for record in value)
    twice = sorted(rid for rid, count in counts.items() if count > 1)
    if twice:
        msg = f"{attribute.name} names {', '.join(map(repr, twice))} more than once"
        raise FieldProblem(attribute.name, msg)


def country_code(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An ISO 3166-1 alpha-2 code (or None)."""
    if value is not None and value not in COUNTRIES:
        msg = f"{attribute.name} must be an ISO 3166-1 alpha-2 code like 'US' or 'MX', got {value!r}"
        raise FieldProblem(attribute.name, msg)


def non_negative(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """0 or more."""
    if value < 0:
        msg = f"{attribute.name} must be 0 or more, got {value!r}"
        raise FieldProblem(attribute.name, msg)


def positive(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """1 or more."""
    if value < 1:
        msg = f"{attribute.name} must be 1 or more, got {value!r}"
        raise FieldProblem(attribute.name, msg)


def edition_year(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A plausible edition year (or None)."""
    if value is not None and not 1900 <= value <= 2100:
        msg = f"{attribute.name} must be the year of an edition, got {value!r}"
        raise FieldProblem(attribute.name, msg)


def own_fields(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Distinct names of the record's own fields (the values a source implies rather than states)."""
    texts(inst, attribute, value)
    names = attrs.fields_dict(type(inst))
    unknown = [name for name in value if name.split(".")[0].split("[")[0] not in names or name == attribute.name]
    if unknown:
        msg = f"{attribute.name} names no field of {type(inst).__name__}: {', '.join(map(repr, unknown))}"
        raise FieldProblem(attribute.name, msg)


def cited(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """At least one citation."""
    if not value:
        msg = "every record needs at least one citation in sources"
        raise FieldProblem(attribute.name, msg)


class Record:
    """Behaviour shared by every record: a short repr and an HTML table for notebooks."""

    __slots__ = ()
    __attrs_attrs__: ClassVar[Any]

    id: str

    def _label(self, lang: str = "en") -> str:
        """The record's main name: its title or name (or summary); in Spanish where it has one."""
        if lang == "es":
            named = next((n for n in ("title", "name") if isinstance(getattr(self, n, None), str)), None)
            return in_language(self, named, lang) if named else f"{self._label()}{ENGLISH_MARK}"
        for name in ("title", "name", "summary"):
            value = getattr(self, name, None)
            if isinstance(value, str):
                return value
        return self.id  # pragma: no cover - every record type has one of the above

    def __repr__(self) -> str:
        label = self._label()
        if len(label) > 70:
            label = label[:67] + "..."
        field = next((n for n in ("title", "name", "summary") if getattr(self, n, None) is not None), "summary")
        return f"{type(self).__name__}(id={self.id!r}, {field}={label!r})"

    def _repr_html_(self) -> str:
        when = getattr(self, "date", None)  # a dated record shows organizations by their names of that date
        rows = "".join(
            f"<tr><th style='{_LEFT}'>{_escape(field.name)}</th><td style='{_LEFT}'>{value_html(value, when)}</td></tr>"
            for field in attrs.fields(type(self))
            if (value := getattr(self, field.name)) is not None and value != ()
        )
        return f"<table><caption>{type(self).__name__} <code>{_escape(self.id)}</code></caption>{rows}</table>"


_LEFT = "text-align:left"


def _escape(value: object) -> str:
    return html.escape(str(value), quote=True)


def human(value: object) -> str:
    """A value as people read it: a value type's ``_text()`` (``2013 co-chair``), else ``str``."""
    as_text = getattr(value, "_text", None)
    return as_text() if callable(as_text) else str(value)


def value_html(value: object, when: Any = None) -> str:
    """One field's value as HTML: references by name and id, citations and addresses linked.

    An organization referred to by a record of a date *when* shows the name it went by then.
    """
    if isinstance(value, Record):
        name_on = getattr(value, "name_on", None)
        then = name_on(when.start) if when is not None and name_on is not None else value._label()
        return f"{_escape(then)} <code>{_escape(value.id)}</code>"
    if isinstance(value, tuple):
        return "<br>".join(value_html(v, when) for v in value)
    as_html = getattr(value, "_html", None)
    if callable(as_html):
        return str(as_html())
    if isinstance(value, str) and value.startswith(("https://", "http://")):
        return f"<a href='{_escape(value)}'>{_escape(value)}</a>"
    return _escape(human(value))


LANGUAGES = ("en", "es")
ENGLISH_MARK = " [en]"  # after an English name shown where a Spanish one was asked for and there is none


def check_language(lang: object) -> str:
    """*lang* if it is a language hled shows names in ("en", "es")."""
    if not isinstance(lang, str):
        msg = f"lang must be 'en' or 'es', got {type(lang).__name__} {lang!r}"
        raise TypeError(msg)
    if lang not in LANGUAGES:
        msg = f"lang must be 'en' or 'es', got {lang!r}"
        raise ValueError(msg)
    return lang


def in_language(record: object, field: str, lang: str) -> Any:
    """A record's *field* as shown in *lang*: a name or title in Spanish where it has one, else marked English."""
    value = getattr(record, field, None)
    if lang != "es" or field not in ("name", "title") or value is None:
        return value
    spanish = getattr(record, f"{field}_es", None)
    return spanish if spanish is not None else f"{value}{ENGLISH_MARK}"


def kind_of(cls: type) -> str:
    """The singular, lowercase name users know a record type by."""
    return cls.__name__.lower()


def clip(text: str, limit: int = 300) -> str:
    """Shorten a message quoting a huge value, so one bad field cannot make a megabyte of error."""
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text):,} characters)"


class Linked(Record):
    """A record that other records point back to (a pillar's actions): the loader fills the links.

    Back-references are not fields: they are what the dataset's other records state, not
    what this record states, so `attrs.asdict`, equality, hashing and `hled.to_dict` leave
    them out and never recurse through them. A record copied, pickled or made with
    `attrs.evolve` is detached from its dataset and has none.
    """

    __slots__ = ("_back",)
    BACK_REFERENCES: ClassVar[tuple[str, ...]] = ()  # the properties that read them, in order

    def _linked(self, name: str) -> tuple[Any, ...]:
        found: tuple[Any, ...] = getattr(self, "_back", {}).get(name, ())
        return found

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled (and copied) as itself in its dataset's registry, links and all; detached, as its fields."""
        registry = getattr(self, "_back", {}).get("registry")
        if registry is not None:
            return (registry.get, (self.id,))
        return (_rebuilt, (type(self), {f.name: getattr(self, f.name) for f in attrs.fields(type(self))}))


def _rebuilt(cls: type[Any], fields: dict[str, Any]) -> Any:
    """A detached record made again from its fields (the validators run again)."""
    return cls(**fields)


def reference_target(t: Any) -> tuple[type[Record] | None, bool]:
    """The record type a field type refers to (None if it is no reference), and whether it holds several.

    ``Organization | None`` -> (Organization, False); ``tuple[Person, ...]`` -> (Person, True).
    """
    many = get_origin(t) is tuple
    if many:
        t = get_args(t)[0]
    members = [a for a in (get_args(t) if get_origin(t) is not Literal else ()) or (t,) if a is not type(None)]
    if len(members) == 1 and isinstance(members[0], type) and issubclass(members[0], Record):
        return members[0], many
    return None, many
