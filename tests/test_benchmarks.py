from __future__ import annotations

import importlib.util
from pathlib import Path

import hled

HERE = Path(__file__).resolve().parent


def _scale_data():
    spec = importlib.util.spec_from_file_location("scale_data", HERE.parent / "benchmarks" / "scale_data.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestScaleData:
    def test_scaled_data_loads(self, tmp_path):
        """The scale benchmark's generator writes a directory hled.load accepts, 3 times the bundled records."""
        count = _scale_data().write(3, tmp_path)

        ds = hled.load(tmp_path)

        bundled = hled.dataset()
        assert count == sum(len(r) for r in ds.registries.values())
        assert len(ds.accomplishments) == 3 * len(bundled.accomplishments)
        assert len(ds.editions) == len(bundled.editions)
        assert ds.organizations.lookup("USAID 2").id == "usaid-x2"
        assert ds.organizations.lookup("USAID").id == "usaid"
