"""Concurrency and state: one load for many threads, nothing a user can change, datasets kept apart."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import attrs
import pytest

import hled
from hled._dataset import KINDS

from .conftest import MINI, run_python

REGISTRY_NAMES = tuple(kind.name for kind in KINDS)


def in_threads(count: int, work: Callable[[int], Any]) -> list[Any]:
    """Run work(i) in *count* threads released at once; return the results in thread order."""
    barrier = threading.Barrier(count)
    results: list[Any] = [None] * count
    errors: list[BaseException] = []

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = work(i)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return results


class TestFirstAccess:
    def test_32_threads_load_once(self):
        """32 threads touching different public names at once build the default dataset, and each file, once."""
        out = run_python(
            "import sys, threading, hled, hled._dataset as d, hled._build as b\n"
            "sys.setswitchinterval(1e-6)\n"
            "builds, files = [], []\n"
            "real, real_all = d.build, b._structure_all\n"
            "def counting(found, kinds):\n"
            "    builds.append(1)\n"
            "    return real(found, kinds)\n"
            "def structuring(cls, name, *rest):\n"
            "    files.append(name)\n"
            "    return real_all(cls, name, *rest)\n"
            "d.build, b._structure_all = counting, structuring\n"
            "barrier = threading.Barrier(32)\n"
            "seen = [None] * 32\n"
            "names = ['pillars', 'organizations', 'agencies', 'events', 'sources', 'people', 'programs', 'actions']\n"
            "def go(i):\n"
            "    barrier.wait()\n"
            "    getattr(hled, names[i % len(names)])\n"
            "    if i % 4 == 0: hled.search('supply chains')\n"
            "    seen[i] = (id(hled.dataset()), id(hled.pillars), len(hled.accomplishments))\n"
            "threads = [threading.Thread(target=go, args=(i,)) for i in range(32)]\n"
            "[t.start() for t in threads]; [t.join() for t in threads]\n"
            "print(len(builds), len(set(seen)), None in seen, len(files), len(set(files)))\n"
        )

        assert out.split() == ["1", "1", "False", "10", "10"]

    def test_threads_build_lazy_indexes_once(self):
        """Searches, filters and the digest of a fresh dataset from 32 threads give the single-threaded answers."""
        fresh = hled.load(MINI)
        expected = hled.load(MINI)
        queries = ["supply chains", "water", "USAID", "pillar", "2022", "Peña Nieto", "investment", "ocean"]

        def work(i: int) -> tuple[Any, ...]:
            text = queries[i % len(queries)]
            return (
                [r.id for r in fresh.search(text)],
                [r.id for r in fresh.organizations.search(text)],
                fresh.accomplishments.filter(year=2022).ids,
                fresh.digest,
            )

        results = in_threads(32, work)

        for i, found in enumerate(results):
            text = queries[i % len(queries)]
            assert found == (
                [r.id for r in expected.search(text)],
                [r.id for r in expected.organizations.search(text)],
                expected.accomplishments.filter(year=2022).ids,
                expected.digest,
            )


class TestImmutable:
    @pytest.mark.parametrize("name", REGISTRY_NAMES)
    def test_records(self, name):
        """No field of any record can be set or deleted, and many-valued fields are tuples."""
        for record in getattr(hled, name):
            for field in attrs.fields(type(record)):
                with pytest.raises(AttributeError):
                    setattr(record, field.name, None)
                with pytest.raises(AttributeError):
                    delattr(record, field.name)
                value = getattr(record, field.name)
                assert not isinstance(value, (list, dict, set))
            with pytest.raises(AttributeError):
                record.new_attribute = 1

    @pytest.mark.parametrize("name", REGISTRY_NAMES)
    def test_registries(self, name):
        """A registry has no setter: its names, methods and properties cannot be replaced."""
        registry = getattr(hled, name)

        for attribute in ("kind", "criteria", "filter", "get", "lookup", "search", "new_attribute"):
            with pytest.raises(AttributeError):
                setattr(registry, attribute, None)
        assert not [a for a in dir(registry) if a.startswith(("set", "add", "remove", "update", "clear"))]

    def test_selections(self):
        """A Selection has no mutating method; item assignment and deletion fail."""
        selection = hled.pillars.filter(edition=2021)
        before = selection.ids

        with pytest.raises(TypeError):
            selection[0] = selection[1]  # type: ignore[index]
        with pytest.raises(TypeError):
            del selection[0]  # type: ignore[attr-defined]
        for attribute in ("ids", "new_attribute"):
            with pytest.raises(AttributeError):
                setattr(selection, attribute, ())
        for method in ("append", "extend", "insert", "remove", "pop", "sort", "reverse", "clear"):
            assert not hasattr(selection, method)
        assert selection.ids == before

    def test_dataset(self):
        """A dataset's registries, version and digest cannot be replaced or deleted."""
        ds = hled.dataset()

        for attribute in (*REGISTRY_NAMES, "version", "digest", "agencies", "registries"):
            with pytest.raises(AttributeError):
                setattr(ds, attribute, None)
            with pytest.raises(AttributeError):
                delattr(ds, attribute)
        with pytest.raises(AttributeError):
            ds.new_attribute = 1  # type: ignore[attr-defined]

    def test_crosswalk_and_dates(self):
        """The crosswalk, its links and dates are frozen."""
        crosswalk = hled.compare_editions()
        date = hled.PartialDate(2021, 9)

        with pytest.raises(AttributeError):
            crosswalk.links = ()  # type: ignore[misc]
        with pytest.raises(AttributeError):
            crosswalk.links[0].rationale = "x"  # type: ignore[misc]
        with pytest.raises(AttributeError):
            date.year = 2022  # type: ignore[misc]


class TestNoSharedState:
    def test_returned_containers_are_copies(self):
        """Mutating what a call returned (lists, dicts) changes nothing hled answers next."""
        found = hled.search("supply chains")
        dicts = hled.pillars.filter().to_dicts()
        one = hled.to_dict(hled.pillars.get("2021-pillar-1"))
        registries = hled.dataset().registries
        digest = hled.dataset().digest

        found.clear()
        dicts[0]["title"] = "changed"
        one["title"] = "changed"
        one["sources"].clear()
        registries.clear()

        assert hled.search("supply chains")
        assert hled.pillars.filter().to_dicts()[0]["title"] != "changed"
        assert hled.pillars.get("2021-pillar-1").title != "changed"
        assert hled.pillars.get("2021-pillar-1").sources
        assert len(hled.dataset().registries) == 10
        assert hled.dataset().digest == digest

    def test_reassigned_module_attributes(self, monkeypatch):
        """A user rebinding hled.pillars rebinds only their name: the dataset and every query are intact."""
        pillars = hled.pillars
        count = len(hled.dataset().pillars)

        monkeypatch.setattr(hled, "pillars", None)
        monkeypatch.setattr(hled, "organizations", [])

        assert len(hled.dataset().pillars) == count
        assert hled.dataset().pillars is pillars
        assert hled.accomplishments.filter(pillar="2021-pillar-1", agency="USAID") is not None
        assert hled.agencies.lookup("USAID").id == "usaid"
        assert hled.search("USAID")

    def test_deleted_module_attribute_comes_back(self, monkeypatch):
        """Deleting hled.events makes the next access load it again, from the same dataset."""
        events = hled.events

        monkeypatch.delattr(hled, "events")

        assert hled.events is events

    def test_user_dataset_leaves_the_default_alone(self, data_dir):
        """Loading, querying and failing to load a user's dataset never touch the default one."""
        default = hled.dataset()
        digest = default.digest
        pillars = hled.pillars

        mine = hled.load(data_dir)
        mine.pillars.search("supply")
        (data_dir / "pillars.json").write_text("[]", encoding="utf-8")
        with pytest.raises(hled.DataError):
            hled.load(data_dir)

        assert mine is not default
        assert hled.dataset() is default
        assert hled.pillars is pillars
        assert default.digest == digest
        assert all(p in default.pillars for p in hled.pillars)
        assert not any(p is q for p in mine.pillars for q in default.pillars)


class TestRaces:
    def test_a_thread_that_waited_uses_the_dataset_built_meanwhile(self, monkeypatch):
        """A thread that finds no dataset, then waits for the lock while another builds it, does not build again."""
        from hled import _dataset

        built = _dataset.default()

        class OtherThreadFinishesWhileWeWait:
            def __enter__(self) -> None:
                _dataset._default = built

            def __exit__(self, *exc: object) -> None:
                return None

        monkeypatch.setattr(_dataset, "_default", None)
        monkeypatch.setattr(_dataset, "_default_lock", OtherThreadFinishesWhileWeWait())
        monkeypatch.setattr(_dataset, "read_bundled", lambda names: pytest.fail("the bundled data was read twice"))

        assert _dataset.default() is built

    def test_threads_share_one_view(self):
        """16 threads asking a fresh dataset for the same restricted view all get one object."""
        ds = hled.load(MINI)

        views = in_threads(16, lambda i: ds.supported_by("official", "mirror"))

        assert len({id(v) for v in views}) == 1
        assert views[0] is ds.supported_by("mirror", "official")


def _ids_of(selection: Any) -> tuple[str, ...]:
    return tuple(r.id for r in selection)


def _action_ids(pillar: Any) -> tuple[str, ...]:
    return tuple(a.id for a in pillar.actions)


class TestPickleAndCopy:
    """Datasets, registries and selections go to other processes (multiprocessing, joblib) and copy as themselves."""

    def test_round_trips(self):
        """A pickled dataset, registry or selection comes back with the same records."""
        import pickle

        loaded = hled.load(MINI)
        for dataset in (hled.dataset(), loaded):
            back = pickle.loads(pickle.dumps(dataset))
            assert back.digest == dataset.digest
            assert [r.id for r in pickle.loads(pickle.dumps(dataset.pillars))] == [r.id for r in dataset.pillars]
            selection = dataset.accomplishments.filter(year=2022)
            assert pickle.loads(pickle.dumps(selection)).ids == selection.ids
        assert pickle.loads(pickle.dumps(hled.dataset())) is hled.dataset()

    def test_copies_are_themselves(self):
        """They are immutable: copy and deepcopy return the object itself."""
        import copy

        for obj in (hled.dataset(), hled.pillars, hled.pillars.filter(edition=2021)):
            assert copy.copy(obj) is obj
            assert copy.deepcopy(obj) is obj

    def test_records_keep_their_links_across_processes(self):
        """A pillar of a loaded dataset, pickled, comes back in its registry, with its actions."""
        import pickle

        loaded = hled.load(MINI)
        pillar = next(p for p in loaded.pillars if p.actions)
        back_dataset, back_pillar = pickle.loads(pickle.dumps((loaded, pillar)))

        assert [a.id for a in back_pillar.actions] == [a.id for a in pillar.actions]
        assert back_pillar in back_dataset.pillars

    def test_selections_travel_by_ids(self):
        """An unpickled selection holds the same ids; an id its dataset no longer has is a RecordNotFound."""
        from hled._registry import _reselected

        selection = hled.accomplishments.filter(year=2022)

        assert _reselected(hled.accomplishments, selection.ids) == selection
        with pytest.raises(hled.RecordNotFound):
            _reselected(hled.accomplishments, ("no-such-result",))

    def test_through_multiprocessing(self):
        """Selections and records sent to worker processes (spawned, so nothing is inherited) come back whole."""
        import multiprocessing

        loaded = hled.load(MINI)
        selections = [loaded.events.filter(year=2013), hled.accomplishments.filter(agency="USAID")]
        pillar = hled.pillars.get("2021-pillar-1")
        with multiprocessing.get_context("spawn").Pool(2) as pool:
            assert pool.map(_ids_of, selections) == [s.ids for s in selections]
            assert pool.map(_action_ids, [pillar]) == [tuple(a.id for a in pillar.actions)]
