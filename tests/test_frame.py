from __future__ import annotations

import sys

import pandas as pd
import pytest

import hled
from hled._frame import selection_html


class TestToDataframe:
    def test_references_as_ids_and_names(self, mini):
        """A reference becomes an id column and a name column; lists are joined with '; '."""
        frame = mini.accomplishments.filter(program="SURGES").to_dataframe()

        row = frame.loc["2022-surges-launch"]
        assert row["pillar"] == "2021-pillar-2"
        assert row["pillar_name"] == mini.pillars.get("2021-pillar-2").title
        assert row["programs"] == "surges"
        assert row["organizations_names"] == "; ".join(
            o.name for o in mini.accomplishments.get("2022-surges-launch").organizations
        )

    def test_dates_are_datetimes(self, mini):
        """Dates become datetime64 first and last days, with the source's text kept."""
        frame = mini.accomplishments.filter(program="SURGES").to_dataframe()

        assert str(frame["date_start"].dtype).startswith("datetime64")
        assert str(frame["date_end"].dtype).startswith("datetime64")
        row = frame.loc["2022-surges-launch"]
        assert (row["date_start"], row["date_end"], row["date"]) == (
            pd.Timestamp("2022-01-01"),
            pd.Timestamp("2022-12-31"),
            "2022",
        )

    def test_index_and_integers(self, mini):
        """Rows are indexed by id, in registry order, and edition years are integers."""
        frame = mini.pillars.filter().to_dataframe()

        assert frame.index.name == "pillar_id"
        assert list(frame.index) == [p.id for p in mini.pillars]
        assert frame["edition"].dtype == "Int64"
        assert frame["number"].tolist() == [p.number for p in mini.pillars]

    def test_citations(self, mini):
        """Citations become source ids and locators."""
        frame = mini.pillars.filter(edition=2013).to_dataframe()

        pillar = mini.pillars.get("2013-pillar-1")
        assert frame.loc["2013-pillar-1", "sources"] == "; ".join(dict.fromkeys(c.source.id for c in pillar.sources))

    def test_empty_selection_keeps_columns(self, mini):
        """An empty selection gives an empty frame with the usual columns."""
        frame = mini.pillars.filter(edition=2013, number=9).to_dataframe()

        assert len(frame) == 0
        assert {"id", "edition", "number", "title", "sources"} <= set(frame.columns)

    def test_groupby_year_and_pillar(self):
        """The frame answers a count by year and pillar directly."""
        frame = hled.accomplishments.filter(edition=2021).to_dataframe()

        counts = frame.groupby([frame["date_start"].dt.year, "pillar_name"], dropna=False).size()

        assert counts.sum() == len(frame)

    def test_missing_pandas(self, mini, monkeypatch):
        """Without pandas, ImportError names the hled[pandas] extra."""
        monkeypatch.setitem(sys.modules, "pandas", None)

        with pytest.raises(ImportError) as exc_info:
            mini.pillars.filter().to_dataframe()

        assert str(exc_info.value) == (
            "Selection.to_dataframe() needs pandas, which is not installed; "
            "install the extra with: pip install 'hled[pandas]'"
        )
        assert exc_info.value.name == "pandas"


class TestHtml:
    def test_selection_table(self, mini):
        """A selection renders as an HTML table with a caption, a header and one row per record."""
        html = mini.pillars.filter(edition=2013)._repr_html_()

        assert html.startswith("<table><caption>3 pillar records</caption><thead><tr>")
        assert html.count("<tr>") == 4
        assert "<th style='text-align:left'>title</th>" in html

    def test_escaping(self, mini):
        """Text is escaped, so names with & or < render as text."""
        html = mini.organizations.get("usaid")._repr_html_()

        assert "<caption>Organization <code>usaid</code></caption>" in html
        assert "&#x27;" not in html.split("<caption>")[0]

    def test_record_table_links_citations(self, mini):
        """A record renders field by field; references show name and id, citations link to the source."""
        accomplishment = mini.accomplishments.get("2022-surges-launch")

        html = accomplishment._repr_html_()

        assert f"{accomplishment.pillar.title} <code>2021-pillar-2</code>" in html
        source = accomplishment.sources[0].source
        assert f"<a href='{source.url}'" in html

    def test_long_selection_is_cut(self):
        """A long selection shows its first rows and says how many more there are."""
        records = list(hled.organizations) * 3

        html = selection_html(records, "organization")

        assert html.count("<tr>") == 1 + 50 + 1
        assert f"… {len(records) - 50} more" in html

    def test_empty_selection(self, mini):
        """An empty selection renders as an empty table with a caption."""
        assert (
            mini.pillars.filter(edition=2013, number=9)._repr_html_()
            == "<table><caption>0 pillar records</caption></table>"
        )

    def test_record_links_urls_and_skips_derived_fields(self, mini):
        """A source's address is a link; derived fields (a pillar's workstreams) are left out."""
        source = next(iter(mini.sources))
        pillar = mini.pillars.get("2013-pillar-1")

        assert f"<a href='{source.url}'>{source.url}</a>" in source._repr_html_()
        assert ">workstreams<" not in pillar._repr_html_()

    def test_references_in_a_selection_show_the_name_on_hover(self, mini):
        """A reference cell shows the id, with the record's name as its title."""
        html = mini.accomplishments.filter(program="SURGES")._repr_html_()

        assert f"<span title='{mini.pillars.get('2021-pillar-2').title}'>2021-pillar-2</span>" in html
