"""Benchmark hled side by side with pycountry, in one run on one machine.

    python benchmarks/run.py                 # the full run (about 2-3 minutes); prints a Markdown report
    python benchmarks/run.py --quick         # fewer rounds, scale up to 100x only (a smoke run)
    python benchmarks/run.py --wheel W.whl   # measure that wheel instead of building one

What it does:

1. builds the hled wheel (``uv build``; uv from ``.venv/bin/uv`` or PATH) and creates
   ``.venvs/bench/venv`` holding that wheel and the latest pycountry, bytecode
   compiled at install as pip does;
2. whole process, from a scratch directory: ``python -c "import hled"`` against
   ``python -c "import pycountry"``, and import + first query
   (``hled.organizations.lookup("USAID")`` against ``pycountry.countries.lookup("Mexico")``),
   alternating hled and pycountry in every round (the order flips each round); the
   ratio is taken within each round, and the median and range of the ratios reported;
3. peak RSS after import + first query, both libraries, read inside the measured
   process (``VmHWM``; ``ru_maxrss`` where there is no /proc: on Linux it keeps the
   parent's peak across exec);
4. instructions executed by each whole process (valgrind's cachegrind, where installed; not
   with --quick): deterministic figures beside the drifting times;
5. warm per-call latency with timeit (`probes.py warm`): get, lookup, filter, search;
6. scale: synthetic datasets 10x, 100x and 1000x the bundled one (`scale_data.py`),
   each loaded through ``hled.load`` in a fresh process (`probes.py scale`): load
   time per record, memory per record and query latency against N.

Absolute times drift on a shared machine; the ratios, taken round by round, do not.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / ".venvs" / "bench"
HERE = Path(__file__).resolve().parent

PROCESSES = {
    "import": ("import hled", "import pycountry"),
    "import + first query": (
        "import hled; hled.organizations.lookup('USAID')",
        "import pycountry; pycountry.countries.lookup('Mexico')",
    ),
}
# Peak RSS of the measured process itself, in KiB: VmHWM where Linux gives it, since ru_maxrss
# keeps the parent's peak across exec (subprocess forks from this, larger, process).
RSS = (
    "; import sys\n"
    "try:\n"
    "    peak = next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
    "except OSError:\n"
    "    import resource; peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "sys.stdout.write(str(peak))"
)
TARGETS = {  # ratio hled / pycountry, whole process
    "import": 0.35,
    "import + first query": 1.5,
}
WARM_TARGETS_US = {
    "get": 0.5,
    "lookup": 1.0,
    "filter (one criterion)": 10.0,
    "filter (two criteria)": 10.0,
    "search (one registry)": 100.0,
    "search (every registry)": 100.0,
}


def _uv() -> str:
    for candidate in (ROOT / ".venv" / "bin" / "uv", shutil.which("uv")):
        if candidate and Path(candidate).exists():
            return str(candidate)
    sys.exit("uv not found: run `bash scripts/check` once (it installs .venv/bin/uv) or `pip install uv`")


def _run(*cmd: str, **kwargs: Any) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kwargs).stdout


def prepare(wheel: str | None) -> Path:
    """Build (or take) the wheel and create the benchmark venv; return its python."""
    uv = _uv()
    if wheel is None:
        dist = BENCH / "dist"
        shutil.rmtree(dist, ignore_errors=True)
        _run(uv, "build", "-q", "--wheel", "--out-dir", str(dist), str(ROOT))
        wheel = str(next(dist.glob("hled-*.whl")))
    venv = BENCH / "venv"
    shutil.rmtree(venv, ignore_errors=True)
    _run(uv, "venv", "-q", "--python", sys.executable, str(venv))
    python = venv / "bin" / "python"
    _run(uv, "pip", "install", "-q", "--compile-bytecode", "--python", str(python), wheel, "pycountry")
    return python


def _time(python: Path, code: str, cwd: str) -> float:
    start = time.perf_counter()
    subprocess.run([str(python), "-c", code], check=True, cwd=cwd, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def whole_process(python: Path, rounds: int, cwd: str) -> dict[str, Any]:
    """Alternate hled and pycountry round by round; ratios per round."""
    seconds: dict[str, dict[str, list[float]]] = {
        name: {"hled": [], "pycountry": [], "ratio": []} for name in PROCESSES
    }
    bare: list[float] = []
    for _ in range(2):  # warm the OS caches for both
        for pair in PROCESSES.values():
            for code in pair:
                _time(python, code, cwd)
    for i in range(rounds):
        bare.append(_time(python, "pass", cwd))
        for name, (hled_code, pyc_code) in PROCESSES.items():
            if i % 2 == 0:
                h, p = _time(python, hled_code, cwd), _time(python, pyc_code, cwd)
            else:
                p, h = _time(python, pyc_code, cwd), _time(python, hled_code, cwd)
            seconds[name]["hled"].append(h)
            seconds[name]["pycountry"].append(p)
            seconds[name]["ratio"].append(h / p)
    return {"bare": bare, **seconds}


def peak_rss(python: Path, cwd: str, runs: int = 5) -> dict[str, float]:
    """Median peak RSS (KiB) after import + first query."""
    hled_code, pyc_code = PROCESSES["import + first query"]
    found: dict[str, list[int]] = {"hled": [], "pycountry": [], "bare": []}
    for _ in range(runs):
        for name, code in (("hled", hled_code), ("pycountry", pyc_code), ("bare", "pass")):
            found[name].append(int(_run(str(python), "-c", code + RSS, cwd=cwd)))
    return {name: statistics.median(v) for name, v in found.items()}


def instructions(python: Path, cwd: str) -> dict[str, int] | None:
    """Instructions each whole process executes (valgrind's cachegrind): deterministic, unlike times.

    None when valgrind is not installed. Instructions are not time (a cache miss costs more
    than an add), but they do not drift with the machine's load, so they show what a change did.
    """
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    found: dict[str, int] = {}
    programs = {"bare": "pass"}
    for name, (hled_code, pyc_code) in PROCESSES.items():
        programs |= {f"hled: {name}": hled_code, f"pycountry: {name}": pyc_code}
    cachegrind = [valgrind, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    for label, code in programs.items():
        out = subprocess.run(
            [*cachegrind, str(python), "-c", code], check=True, capture_output=True, text=True, cwd=cwd
        ).stderr
        refs = next(line for line in out.splitlines() if "I refs" in line or "I   refs" in line)
        found[label] = int(refs.rsplit(":", 1)[1].replace(",", "").strip())
    return found


def loaded_modules(python: Path, cwd: str) -> dict[str, list[str]]:
    """Which heavy modules each step imports."""
    heavy = ("attrs", "cattrs", "dateutil", "importlib.metadata", "importlib.resources", "hashlib", "difflib")
    check = f"; import sys; print(','.join(m for m in {heavy!r} if m in sys.modules))"
    return {
        "import hled": _run(str(python), "-c", "import hled" + check, cwd=cwd).strip().split(",")[:],
        "first query": _run(str(python), "-c", PROCESSES["import + first query"][0] + check, cwd=cwd)
        .strip()
        .split(","),
    }


def scale(python: Path, factors: tuple[int, ...]) -> dict[int, Any]:
    """Generate each scaled dataset with the venv's hled and measure it in a fresh process."""
    results: dict[int, Any] = {}
    for factor in factors:
        folder = BENCH / "scale" / f"{factor}x"
        shutil.rmtree(folder, ignore_errors=True)
        _run(str(python), str(HERE / "scale_data.py"), str(factor), str(folder))
        results[factor] = json.loads(_run(str(python), str(HERE / "probes.py"), "scale", str(folder)))
        shutil.rmtree(folder, ignore_errors=True)
    return results


def machine(python: Path) -> dict[str, str]:
    """What the figures were measured on."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = _run(
        str(python),
        "-c",
        "import sys, importlib.metadata as m; print(sys.version.split()[0], m.version('hled'), m.version('pycountry'))",
    ).split()
    return {
        "cpu": cpu,
        "nproc": str(os.cpu_count()),
        "system": f"{platform.system()} {platform.release()}",
        "python": versions[0],
        "hled": versions[1],
        "pycountry": versions[2],
        "load average": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1e3:.1f} ms"


def _us(seconds: float) -> str:
    us = seconds * 1e6
    return f"{us:.2f} µs" if us < 10 else f"{us:.1f} µs" if us < 1000 else f"{us / 1000:.1f} ms"


def report(results: dict[str, Any]) -> str:
    """The results as Markdown tables."""
    out = ["## Machine", ""]
    out += [f"- {k}: {v}" for k, v in results["machine"].items()]
    wp = results["whole_process"]
    out += ["", f"## Whole process ({len(wp['bare'])} alternating rounds)", ""]
    out += ["| measure | hled (median) | pycountry (median) | ratio median | ratio min–max | target | met |"]
    out += ["|---|---|---|---|---|---|---|"]
    for name, target in TARGETS.items():
        r = wp[name]["ratio"]
        med = statistics.median(r)
        out.append(
            f"| {name} | {_ms(wp[name]['hled'])} | {_ms(wp[name]['pycountry'])} | {med:.2f}x "
            f"| {min(r):.2f}–{max(r):.2f}x | ≤ {target}x | {'yes' if med <= target else 'no'} |"
        )
    out.append(f"| (bare `python -c pass`) | {_ms(wp['bare'])} | | | | | |")
    rss = results["rss"]
    out += ["", "## Peak RSS after import + first query (median of 5)", ""]
    out += ["| hled | pycountry | ratio | bare python | target | met |", "|---|---|---|---|---|---|"]
    ratio = rss["hled"] / rss["pycountry"]
    out.append(
        f"| {rss['hled'] / 1024:.1f} MiB | {rss['pycountry'] / 1024:.1f} MiB | {ratio:.2f}x "
        f"| {rss['bare'] / 1024:.1f} MiB | ≤ 1.2x | {'yes' if ratio <= 1.2 else 'no'} |"
    )
    mods = results["modules"]
    out += ["", f"Heavy modules after `import hled`: {', '.join(filter(None, mods['import hled'])) or 'none'};"]
    out += [f"after the first query: {', '.join(filter(None, mods['first query'])) or 'none'}."]
    counted = results.get("instructions")
    if counted:
        out += ["", "## Instructions executed (cachegrind; deterministic)", ""]
        out += ["| measure | hled | pycountry | ratio | ratio above bare python |", "|---|---|---|---|---|"]
        bare = counted["bare"]
        for name in PROCESSES:
            h, p = counted[f"hled: {name}"], counted[f"pycountry: {name}"]
            above = (h - bare) / (p - bare)
            out.append(f"| {name} | {h / 1e6:.0f} M | {p / 1e6:.0f} M | {h / p:.2f}x | {above:.2f}x |")
        out.append(f"| (bare `python -c pass`) | {bare / 1e6:.0f} M | | | |")
    warm = results["warm"]
    out += ["", "## Warm calls (timeit, best of 5; median in brackets)", ""]
    out += ["| call | hled | pycountry | hled target | met |", "|---|---|---|---|---|"]
    for name, h in warm["hled"].items():
        p = warm["pycountry"].get(name)
        target = WARM_TARGETS_US.get(name)
        met = "" if target is None else ("yes" if h["best"] * 1e6 <= target else "no")
        theirs = "" if p is None else f"{_us(p['best'])} ({_us(p['median'])})"
        goal = "" if target is None else f"≤ {target} µs"
        out.append(f"| {name} | {_us(h['best'])} ({_us(h['median'])}) | {theirs} | {goal} | {met} |")
    sc = results["scale"]
    if sc:
        names = list(next(iter(sc.values()))["queries"])
        out += ["", "## Scale (synthetic copies of the bundled data, loaded with `hled.load`)", ""]
        out += [
            "| N (records) | accomplishments | load | load per record | lookup and filter indexes "
            "| load and indexes, per record | memory per record | search index build | " + " | ".join(names) + " |"
        ]
        out += ["|---" * (8 + len(names)) + "|"]
        for factor, r in sc.items():
            cells = " | ".join(_us(r["queries"][n]["best"]) for n in names)
            out.append(
                f"| {factor}x: {r['records']:,} | {r['accomplishments']:,} | {r['load_seconds']:.2f} s "
                f"| {r['per_record_us']:.0f} µs | {r.get('indexes_seconds', 0) * 1e3:.0f} ms "
                f"| {r.get('ready_per_record_us', r['per_record_us']):.0f} µs | {r['bytes_per_record'] / 1024:.1f} KiB "
                f"| {r['search_index_seconds'] * 1e3:.0f} ms | {cells} |"
            )
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run every measurement and print the report (and save the raw figures as JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="8 rounds and scale up to 100x only")
    parser.add_argument("--rounds", type=int, default=None, help="whole-process rounds (default 25)")
    parser.add_argument("--wheel", help="measure this hled wheel instead of building one")
    parser.add_argument("--scale", help="comma-separated scale factors (default 1,10,100,1000; --quick: 1,10,100)")
    parser.add_argument("--dir", default=str(ROOT / ".venvs" / "bench"), help="venv, data and results (.venvs/bench)")
    parser.add_argument("--json", help="where to save the raw figures (default DIR/results.json)")
    args = parser.parse_args(argv)
    global BENCH  # noqa: PLW0603 - one run, one place
    BENCH = Path(args.dir).resolve()
    rounds = args.rounds or (8 if args.quick else 25)
    factors = (1, 10, 100) if args.quick else (1, 10, 100, 1000)
    if args.scale:
        factors = tuple(int(f) for f in args.scale.split(","))
    args.json = args.json or str(BENCH / "results.json")
    started = time.perf_counter()
    python = prepare(args.wheel)
    with tempfile.TemporaryDirectory() as scratch:
        results: dict[str, Any] = {"machine": machine(python)}
        results["whole_process"] = whole_process(python, rounds, scratch)
        results["rss"] = peak_rss(python, scratch)
        results["modules"] = loaded_modules(python, scratch)
        results["instructions"] = None if args.quick else instructions(python, scratch)
    results["warm"] = json.loads(_run(str(python), str(HERE / "probes.py"), "warm"))
    results["scale"] = scale(python, factors)
    Path(args.json).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(report(results))
    print(f"({time.perf_counter() - started:.0f} s; raw figures in {args.json})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
