"""Hostile input to every public call: each one answers or raises a documented exception.

The documented exceptions are `RecordNotFound` and `AmbiguousLookup` (lookups),
`DataError` (data), `ValueError` (an out-of-range value such as an edition that
does not exist) and `TypeError` with a sentence a person can read. Anything else
escaping (AttributeError, KeyError, UnicodeError, RecursionError, ...) is a bug.
"""

from __future__ import annotations

import contextlib
import inspect
import io
import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hled
from hled._cli import main
from hled._dataset import KINDS

from .conftest import FUZZ, MINI

REGISTRIES = tuple(kind.name for kind in KINDS)

DOCUMENTED = (hled.RecordNotFound, hled.AmbiguousLookup, ValueError, TypeError)

# What Python itself says when code, not the user, got a type wrong: never acceptable from hled.
INTERNAL = ("unhashable type", "not supported between", "has no attribute", "object is not", "unexpected keyword")

DS = hled.dataset()
EVERY_RECORD = [r for reg in DS.registries.values() for r in reg]
EVERY_ID = sorted({r.id for r in EVERY_RECORD})

surrogates = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
any_char = st.one_of(st.characters(), surrogates, st.sampled_from("\x00\x1b\x7f\u200b\u202e\ufeff\n\t "))
texts = st.one_of(
    st.text(any_char, max_size=30),
    st.sampled_from(["", " ", "2013", "2021", "usaid", "USAID", "us", "MX", "co-chair", "meeting", "en", "official"]),
    st.sampled_from(EVERY_ID),
    st.just("x" * 100_000),
    st.just("\u0301" * 5_000),
    st.from_regex(r"[0-9٠-٩]{4}(-[0-9]{1,2}){0,2}(/[0-9]{4}(-[0-9]{2}){0,2})?", fullmatch=True),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=2010, max_value=2025),
    st.floats(allow_nan=True, allow_infinity=True),
    st.binary(max_size=10),
    st.decimals(allow_nan=True),
    st.complex_numbers(),
    texts,
    st.sampled_from(EVERY_RECORD),
    st.sampled_from([object(), hled.pillars, hled.dataset(), hled.PartialDate(2021), int, Ellipsis]),
)
hostile = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=4).map(tuple),
        st.dictionaries(st.text(max_size=5), inner, max_size=3),
        st.frozensets(st.integers(), max_size=3),
    ),
    max_leaves=8,
)


def criteria_of(registry: hled.Registry[Any]) -> list[str]:
    """The keyword criteria a registry's filter declares."""
    return [p for p in inspect.signature(type(registry).filter).parameters if p != "self"]


def check_documented(exc: BaseException) -> None:
    """Fail unless *exc* is one of the documented exceptions, with a readable message."""
    assert isinstance(exc, DOCUMENTED), f"{type(exc).__name__} escaped: {exc!r}"
    message = str(exc)
    assert message.strip(), f"{type(exc).__name__} without a message"
    assert not any(part in message for part in INTERNAL), message


def answers(call: Any, *args: Any, **kwargs: Any) -> Any:
    """Call, returning the result, or None after checking that what it raised is documented."""
    try:
        return call(*args, **kwargs)
    except Exception as exc:
        check_documented(exc)
        return None


@pytest.mark.parametrize("name", REGISTRIES)
class TestRegistries:
    @FUZZ
    @given(data=st.data())
    def test_filter_any_criterion_any_value(self, name, data):
        """filter(**{criterion: value}) answers a Selection of the registry or raises a documented error."""
        registry = DS.registries[name]
        criterion = data.draw(st.sampled_from(criteria_of(registry)))
        value = data.draw(hostile)

        found = answers(registry.filter, **{criterion: value})

        if found is not None:
            assert isinstance(found, hled.Selection)
            assert all(r in registry for r in found)

    @FUZZ
    @given(data=st.data())
    def test_filter_several_criteria(self, name, data):
        """Several criteria at once, then a narrowing Selection.filter, still answer or raise documented errors."""
        registry = DS.registries[name]
        names = data.draw(st.lists(st.sampled_from(criteria_of(registry)), min_size=1, max_size=3, unique=True))
        criteria = {n: data.draw(hostile) for n in names}
        again = {data.draw(st.sampled_from(criteria_of(registry))): data.draw(hostile)}

        found = answers(registry.filter, **criteria)
        narrowed = answers(found.filter, **again) if found is not None else None

        if found is not None and narrowed is not None:
            assert set(narrowed.ids) <= set(found.ids)

    @FUZZ
    @given(value=hostile)
    def test_get_lookup_contains(self, name, value):
        """get, get with a default, lookup and `in` answer or raise a documented error on any value."""
        registry = DS.registries[name]

        got = answers(registry.get, value)
        sentinel = object()
        defaulted = answers(registry.get, value, sentinel)
        looked = answers(registry.lookup, value)
        contained = value in registry

        assert got is None or got in registry
        assert defaulted is None or defaulted is sentinel or defaulted in registry
        assert looked is None or looked in registry
        assert isinstance(contained, bool)

    @FUZZ
    @given(text=hostile, limit=st.one_of(st.integers(-3, 30), hostile))
    def test_search(self, name, text, limit):
        """search(text, limit) answers a list of the registry's records or raises a documented error."""
        registry = DS.registries[name]

        found = answers(registry.search, text, limit)

        if found is not None:
            assert isinstance(found, list)
            assert len(found) <= limit
            assert all(r in registry for r in found)


class TestSelections:
    @FUZZ
    @given(name=st.sampled_from(REGISTRIES), criterion=texts, value=hostile)
    def test_unknown_criterion_is_a_readable_type_error(self, name, criterion, value):
        """Selection.filter with a criterion its registry lacks raises TypeError naming the valid ones."""
        registry = DS.registries[name]
        selection = registry.filter()

        if criterion in criteria_of(registry) or value is None:
            return
        with pytest.raises(TypeError) as exc_info:
            selection.filter(**{criterion: value})

        assert "valid criteria" in str(exc_info.value)

    @settings(FUZZ, max_examples=15)
    @given(name=st.sampled_from(REGISTRIES), start=st.integers(-5, 50), stop=st.integers(-5, 50))
    def test_conversions(self, name, start, stop):
        """to_dicts is JSON-ready and to_dataframe has one row per record, for any slice of any registry."""
        selection = DS.registries[name].filter()[start:stop]

        dicts = selection.to_dicts()
        frame = selection.to_dataframe()

        assert json.loads(json.dumps(dicts, allow_nan=False)) == dicts
        assert len(frame) == len(selection)
        assert [d["id"] for d in dicts] == list(selection.ids)

    @FUZZ
    @given(index=hostile)
    def test_indexing(self, index):
        """Indexing a selection answers a record or a selection, or raises IndexError/TypeError."""
        selection = DS.pillars.filter()

        try:
            item = selection[index]
        except (IndexError, TypeError):
            return
        assert item in DS.pillars or isinstance(item, hled.Selection)


class TestFunctions:
    @FUZZ
    @given(text=hostile, limit=st.one_of(st.integers(-2, 15), hostile))
    def test_search(self, text, limit):
        """hled.search answers records of any registry, best first, or raises a documented error."""
        found = answers(hled.search, text, limit)

        assert found is None or all(isinstance(r, hled.Record) for r in found)

    @FUZZ
    @given(value=hostile)
    def test_to_dict(self, value):
        """hled.to_dict answers JSON-ready data for a record and raises TypeError for anything else."""
        found = answers(hled.to_dict, value)

        if isinstance(value, hled.Record):
            assert found is not None
            assert found["id"] == value.id
            json.dumps(found, allow_nan=False)
        else:
            assert found is None

    @FUZZ
    @given(path=hostile)
    def test_load(self, path):
        """hled.load of anything that is not a data directory raises DataError or TypeError."""
        with pytest.raises((hled.DataError, TypeError)) as exc_info:
            hled.load(path)

        check_documented(exc_info.value)

    @settings(FUZZ, max_examples=25)
    @given(
        qualities=st.lists(st.one_of(st.sampled_from(["official", "mirror", "press", "low"]), hostile), max_size=3),
        official_only=hostile,
    )
    def test_views(self, qualities, official_only):
        """Dataset.supported_by and hled.dataset(official_only=...) answer a Dataset or raise a documented error."""
        view = answers(DS.supported_by, *qualities)
        default = answers(hled.dataset, official_only=official_only)

        assert view is None or isinstance(view, hled.Dataset)
        assert default is None or isinstance(default, hled.Dataset)
        assert hled.dataset() is DS

    @FUZZ
    @given(value=hostile)
    def test_crosswalk(self, value):
        """later_of and earlier_of answer a tuple or raise a documented error."""
        crosswalk = hled.compare_editions()

        for call in (crosswalk.later_of, crosswalk.earlier_of):
            found = answers(call, value)
            assert found is None or isinstance(found, tuple)


class TestDates:
    @FUZZ
    @given(text=hostile)
    def test_parse(self, text):
        """PartialDate.parse and DateRange.parse answer a date that prints back as the text, or raise."""
        for parse in (hled.PartialDate.parse, hled.DateRange.parse):
            found = answers(parse, text)

            assert found is None or str(found) == text

    @FUZZ
    @given(year=st.integers(1, 9999), month=st.integers(1, 12), day=st.integers(1, 31))
    def test_every_calendar_day(self, year, month, day):
        """A well-formed day-precision date parses exactly when it is on the calendar."""
        text = f"{year:04d}-{month:02d}-{day:02d}"
        days = [31, 29 if (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 else 28, 31, 30, 31, 30]
        days += [31, 31, 30, 31, 30, 31]

        found = answers(hled.PartialDate.parse, text)

        assert (found is not None) == (day <= days[month - 1])

    @FUZZ
    @given(a=st.sampled_from([hled.PartialDate(2013, 5), hled.DateRange.parse("2021-09-09/2021-09-10")]), b=hostile)
    def test_comparisons(self, a, b):
        """Dates compare with dates; comparing with anything else raises TypeError, as Python's own types do."""
        for compare in (a.__lt__, a.__le__, a.__gt__, a.__ge__):
            result = compare(b)

            assert result is NotImplemented or isinstance(result, bool)
        assert (a == b) in (True, False)


WORDS = [
    *REGISTRIES,
    "agencies",
    "show",
    "search",
    "compare",
    "validate",
    "--json",
    "--data",
    str(MINI),
    "--edition",
    "--year",
    "--agency",
    "--organization",
    "--pillar",
    "--country",
    "--kind",
    "--role",
    "--person",
    "--number",
    "--in",
    "--limit",
    "--version",
    "--help",
    "-h",
    "2013",
    "2021",
    "2017",
    "-1",
    "twenty",
    "USAID",
    "Ministry of Magic",
    "mx",
    "co-chair",
    "/nonexistent",
    "",
]
argv_items = st.one_of(st.sampled_from(WORDS), st.text(any_char, max_size=12), st.just("x" * 20_000))


class TestCommandLine:
    @settings(FUZZ, max_examples=80)
    @given(argv=st.lists(argv_items, max_size=7))
    def test_any_argv(self, argv):
        """Any argv exits 0, 1 or 2 (argparse: SystemExit 0 or 2) and never prints a traceback."""
        out, err = io.StringIO(), io.StringIO()

        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exc:
                code = exc.code

        assert code in (0, 1, 2), (argv, code, err.getvalue()[-500:])
        assert "Traceback" not in err.getvalue()
        assert "Traceback" not in out.getvalue()

    @settings(FUZZ, max_examples=25)
    @given(registry=st.sampled_from(REGISTRIES), data=st.data())
    def test_every_criterion_option(self, registry, data):
        """Each registry's options, with any text value, exit 0, 1 or 2 without a traceback."""
        options = [f"--{c}" for c in criteria_of(DS.registries[registry])]
        argv = [registry, "--json"]
        for option in data.draw(st.lists(st.sampled_from(options), min_size=1, max_size=3)):
            argv += [option, data.draw(st.one_of(st.sampled_from(WORDS), st.text(any_char, max_size=8)))]
        err = io.StringIO()

        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exc:
                code = exc.code

        assert code in (0, 1, 2), (argv, err.getvalue())
        assert "Traceback" not in err.getvalue()


def test_infinite_and_nan_years_are_type_errors():
    """Float years, even integral or infinite ones, are TypeErrors, never silently matched."""
    for value in (2021.0, math.inf, math.nan):
        with pytest.raises(TypeError, match=r"^year must be an int, got float"):
            hled.accomplishments.filter(year=value)
