"""Checks of the shipped data: it loads, is canonical, cited, and written in our own words."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest

import hled
from hled._dataset import KINDS
from hled._export import write_json

from .conftest import citations_in

DATA = Path(hled.__file__).parent / "data"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
REGISTRIES = tuple(kind.name for kind in KINDS)  # sources last


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


class TestShippedData:
    def test_every_registry_has_records(self):
        """No registry of the bundled dataset is empty."""
        for name in REGISTRIES:
            assert len(getattr(hled, name)) > 0, name

    def test_files_are_canonical(self, tmp_path):
        """Every data file is byte-for-byte what the exporter writes (python scripts/canonicalize.py)."""
        write_json(hled.load(DATA), tmp_path)

        for file in sorted(tmp_path.iterdir()):
            assert file.read_bytes() == (DATA / file.name).read_bytes(), file.name

    def test_bundled_equals_loaded(self):
        """Loading the shipped directory by path gives the default dataset's digest."""
        assert hled.load(DATA).digest == hled.dataset().digest

    def test_every_record_cites_a_source(self):
        """Every record but a Source cites at least one known source."""
        for name in REGISTRIES[:-1]:
            for rec in getattr(hled, name):
                assert rec.sources, rec.id
                assert all(c.source in hled.sources for c in rec.sources)

    def test_every_source_is_cited(self):
        """No source record is unused."""
        cited = {c.source.id for name in REGISTRIES[:-1] for r in getattr(hled, name) for c in citations_in(r)}

        assert {s.id for s in hled.sources} == cited

    def test_every_name_finds_its_record(self):
        """Every name, title, acronym, alias and Spanish name looks up its record.

        Two records may genuinely share a name (two documents titled alike); the
        lookup is then ambiguous and must list both.
        """
        for name in REGISTRIES:
            reg = getattr(hled, name)
            for rec in reg:
                fields = attrs.fields_dict(type(rec))
                keys = [getattr(rec, f) for f in ("name", "title", "acronym", "name_es", "title_es") if f in fields]
                keys += list(getattr(rec, "aliases", ()))
                for key in filter(None, keys):
                    try:
                        found = (reg.lookup(key).id,)
                    except hled.AmbiguousLookup as exc:
                        found = exc.candidates
                    assert rec.id in found, (name, key, found)

    @pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents are not beside the repository")
    def test_summaries_are_in_our_own_words(self):
        """No summary repeats ten consecutive words of a seed document, names aside."""
        size = 10
        seed_grams: set[tuple[str, ...]] = set()
        for seed in SEEDS.glob("*.txt"):
            words = _words(seed.read_text(encoding="utf-8"))
            seed_grams.update(tuple(words[i : i + size]) for i in range(len(words) - size + 1))
        names = sorted(
            {
                text
                for name in REGISTRIES
                for rec in getattr(hled, name)
                for text in (getattr(rec, "name", None), getattr(rec, "title", None), *getattr(rec, "aliases", ()))
                if isinstance(text, str) and len(_words(text)) > 2
            },
            key=len,
            reverse=True,
        )
        copied = []
        for name in REGISTRIES:
            for rec in getattr(hled, name):
                summary = (getattr(rec, "summary", None) or "").lower()
                for known in names:
                    summary = summary.replace(known.lower(), " ")
                words = _words(summary)
                if any(tuple(words[i : i + size]) in seed_grams for i in range(len(words) - size + 1)):
                    copied.append(f"{name}/{rec.id}")

        assert copied == []
