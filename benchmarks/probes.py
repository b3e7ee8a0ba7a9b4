"""Measurements that run inside the benchmark venv (hled from the wheel, and pycountry).

    python probes.py warm          # per-call latency of warm calls, hled and pycountry, as JSON
    python probes.py scale DIR     # hled.load(DIR): time, memory, query latency, as JSON

`run.py` calls these with the venv's interpreter; they print one JSON object.
"""

from __future__ import annotations

import contextlib
import gc
import json
import resource
import statistics
import sys
import time
import timeit
from typing import Any


def _rss_kib() -> int:
    """Peak RSS of this process (VmHWM on Linux: ru_maxrss would keep the parent's across exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def per_call(stmt: str, namespace: dict[str, Any], repeat: int = 5) -> dict[str, float]:
    """Seconds per call of *stmt*: best and median of *repeat* timeit runs of at least 0.2 s each."""
    timer = timeit.Timer(stmt, globals=namespace)
    number, _ = timer.autorange()
    times = [t / number for t in timer.repeat(repeat=repeat, number=number)]
    return {"best": min(times), "median": statistics.median(times), "number": number}


def _forgetter(registry: Any) -> Any:
    """Empty the registry's cache of filter results (for uncached timings; a no-op before it existed)."""
    return getattr(registry, "_selections", {}).clear


HLED_WARM = {
    "get": "hled.organizations.get('usaid')",
    "lookup": "hled.organizations.lookup('USAID')",
    "filter (one criterion)": "hled.accomplishments.filter(year=2022)",
    "filter (two criteria)": "hled.accomplishments.filter(pillar='2021-pillar-1', year=2022)",
    "filter (one criterion, uncached)": "forget(); acc.filter(year=2022)",
    "filter (two criteria, uncached)": "forget(); acc.filter(pillar='2021-pillar-1', year=2022)",
    "search (one registry)": "hled.accomplishments.search('supply chains')",
    "search (every registry)": "hled.search('supply chains')",
}
PYCOUNTRY_WARM = {
    "get": "pycountry.countries.get(alpha_2='MX')",
    "lookup": "pycountry.countries.lookup('Mexico')",
    "filter (one criterion)": "pycountry.subdivisions.get(country_code='MX')",
    "search (every registry)": "pycountry.countries.search_fuzzy('Mexico')",
}


def warm() -> dict[str, Any]:
    """Warm per-call latency: every index built and every import done before timing."""
    import pycountry

    import hled

    acc = hled.accomplishments
    namespace: dict[str, Any] = {"hled": hled, "pycountry": pycountry, "acc": acc, "forget": _forgetter(acc)}
    for stmt in (*HLED_WARM.values(), *PYCOUNTRY_WARM.values()):
        exec(stmt, namespace)
    return {
        "hled": {name: per_call(stmt, namespace) for name, stmt in HLED_WARM.items()},
        "pycountry": {name: per_call(stmt, namespace) for name, stmt in PYCOUNTRY_WARM.items()},
    }


def _build_indexes(ds: Any) -> None:
    """Build every registry's lookup table and filter tables (built on first use since 0.2; at load before)."""
    for registry in ds.registries.values():
        if hasattr(registry, "_lookup_table"):  # 0.1.x
            registry._lookup_table()
            for name in registry._axes:
                registry._axis_table(name)
            continue
        with contextlib.suppress(LookupError):
            registry.lookup("\x00")  # a miss: the lookup table is built, no suggestion is sought
        for name, criterion in registry.CRITERIA.items():
            key = next((k for rec in registry for k in criterion.keys(rec, ds)), None)
            if key is not None:
                registry.filter(**{name: key})


def scale(folder: str) -> dict[str, Any]:
    """Load *folder* with `hled.load` and time queries on it (imports and one-time setup done first)."""
    import hled

    hled.load(hled.__path__[0] + "/data")  # imports and one-time setup, so the load below is records only
    gc.collect()
    before = _rss_kib()
    start = time.perf_counter()
    ds = hled.load(folder)
    seconds = time.perf_counter() - start
    count = sum(len(r) for r in ds.registries.values())
    start = time.perf_counter()
    _build_indexes(ds)
    indexes_seconds = time.perf_counter() - start
    after = _rss_kib()  # records and their lookup and filter indexes
    acc = ds.accomplishments
    start = time.perf_counter()
    acc.search("supply chains")
    index_seconds = time.perf_counter() - start
    namespace = {"ds": ds, "acc": acc, "forget": _forgetter(acc)}
    queries = {
        "get": "ds.organizations.get('usaid')",
        "lookup": "ds.organizations.lookup('USAID')",
        "filter (one criterion)": "acc.filter(year=2022)",
        "filter (two criteria)": "acc.filter(pillar='2021-pillar-1', year=2022)",
        "filter (two criteria, uncached)": "forget(); acc.filter(pillar='2021-pillar-1', year=2022)",
        "search (one registry)": "acc.search('supply chains')",
        "search (one word)": "acc.search('entrepreneurship')",
    }
    for stmt in queries.values():
        exec(stmt, namespace)
    return {
        "records": count,
        "accomplishments": len(acc),
        "load_seconds": seconds,
        "per_record_us": seconds / count * 1e6,
        "indexes_seconds": indexes_seconds,
        "ready_per_record_us": (seconds + indexes_seconds) / count * 1e6,
        "rss_before_kib": before,
        "rss_after_kib": after,
        "bytes_per_record": (after - before) * 1024 / count,
        "search_index_seconds": index_seconds,
        "queries": {name: per_call(stmt, namespace, repeat=3) for name, stmt in queries.items()},
    }


if __name__ == "__main__":
    result = warm() if sys.argv[1] == "warm" else scale(sys.argv[2])
    json.dump(result, sys.stdout)
