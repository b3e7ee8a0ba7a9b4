from __future__ import annotations

import json

import pytest

import hled


class TestSupportedBy:
    def test_keeps_records_with_an_allowed_citation(self, mini):
        """Records cited only by a low-quality source disappear, with what depends on them."""
        view = mini.supported_by("official")

        assert [s.id for s in view.sources] == ["wh-2021-09-09-fact-sheet", "wh-2022-09-12-fact-sheet"]
        assert [e.year for e in view.editions] == [2021]
        assert [p.id for p in view.pillars] == ["2021-pillar-1", "2021-pillar-2", "2021-pillar-3", "2021-pillar-4"]
        assert [o.id for o in view.organizations] == ["epa", "conagua"]
        assert [a.id for a in view.accomplishments] == ["2022-epa-conagua-tijuana", "2022-surges-launch"]
        assert len(view.people) == 0

    def test_dangling_references_are_pruned(self, mini):
        """A kept record loses references to records that were not kept."""
        view = mini.supported_by("official")

        surges = view.programs.get("surges")
        assert surges.organizations == ()
        assert view.actions.get("2021-p2-technical-cooperation").organizations == ()
        assert view.compare_editions().links == ()

    def test_all_qualities_is_the_same_data(self, mini):
        """Allowing every quality keeps the dataset as it is."""
        assert mini.supported_by("official", "mirror", "press", "low").digest == mini.digest

    def test_views_are_cached(self, mini):
        """The same qualities give the same view object."""
        assert mini.supported_by("official") is mini.supported_by("official")

    def test_bad_qualities(self, mini):
        """Unknown qualities are a ValueError, non-strings a TypeError."""
        with pytest.raises(ValueError, match=r"^qualities must be some of 'official', 'mirror', 'press', 'low'"):
            mini.supported_by("great")
        with pytest.raises(ValueError, match="got \\[\\]"):
            mini.supported_by()
        with pytest.raises(TypeError, match="qualities must be strings like 'official', got int 3"):
            mini.supported_by(3)  # type: ignore[arg-type]

    def test_cascades(self, data_dir):
        """Losing a pillar or an edition drops what requires it and clears what only mentions it."""
        official = {"source": "wh-2021-09-09-fact-sheet", "locator": "x"}

        def edit(name, rid, **changes):
            path = data_dir / name
            records = json.loads(path.read_text(encoding="utf-8"))
            next(r for r in records if r["id"] == rid).update(changes)
            path.write_text(json.dumps(records), encoding="utf-8")

        edit("pillars.json", "2021-pillar-2", sources=[{"source": "wikipedia-hled"}])
        edit("events.json", "2013-announcement", sources=[official])
        edit("accomplishments.json", "2016-cluster-map", sources=[official])

        view = hled.load(data_dir).supported_by("official")

        assert "2021-p2-technical-cooperation" not in view.actions
        assert view.programs.get("surges").pillar is None
        assert view.accomplishments.get("2022-surges-launch").pillar is None
        assert view.events.get("2013-announcement").edition is None
        assert "2016-cluster-map" not in view.accomplishments


class TestOfficialOnly:
    def test_official_only_view(self):
        """hled.dataset(official_only=True) keeps records backed by official sources or their copies."""
        view = hled.dataset(official_only=True)

        assert {s.quality for s in view.sources} <= {"official", "mirror"}
        assert all(
            any(c.source.quality in ("official", "mirror") for c in r.sources)
            for name in ("pillars", "events", "accomplishments", "organizations")
            for r in getattr(view, name)
        )
        assert view is hled.dataset(official_only=True)
        assert hled.dataset(official_only=False) is hled.dataset()

    def test_official_only_type(self):
        """official_only must be a bool."""
        with pytest.raises(TypeError, match="official_only must be True or False, got str 'yes'"):
            hled.dataset(official_only="yes")  # type: ignore[arg-type]
