"""Citations ready for a footnote, CSL-JSON for reference managers, and archived addresses."""

from __future__ import annotations

import json
import os
import re

import pytest

import hled
from hled._cli import main


class TestFormat:
    def test_plain_and_chicago(self):
        """Publisher, title, date, address and locator; the archive after the live address; the data release."""
        citation = hled.accomplishments.get("2022-tijuana-wastewater").sources[0]

        plain = citation.format(version="2026.12.0")
        chicago = citation.format("chicago")

        assert plain.startswith(
            'The White House, "FACT SHEET: 2022 U.S.-Mexico High-Level Economic Dialogue", 12 September 2022, https://www.whitehouse.gov/'
        )
        assert "(archived at https://bidenwhitehouse.archives.gov/briefing-room/" in plain
        assert plain.endswith(
            ", group 1 (business environment and supply chains), bullet 4 (cited from hled data release 2026.12.0)"
        )
        assert chicago.startswith(
            'The White House. "FACT SHEET: 2022 U.S.-Mexico High-Level Economic Dialogue." 12 September 2022. https://'
        )
        assert chicago.endswith(". Group 1 (business environment and supply chains), bullet 4.")

    def test_dates_as_a_footnote_gives_them(self):
        month = hled.Citation(source=hled.sources.get("mexiconewsdaily-2018-05-jacobson-leaves"))
        undated = hled.Citation(source=hled.sources.get("hled-progress-report-docslib-copy"))

        assert ", May 2018, " in month.format()
        assert ", n.d., " in undated.format()
        assert '." n.d. https://' in undated.format("chicago")

    def test_a_span(self):
        from hled._sources import _spelled

        assert _spelled(hled.DateRange.parse("2022-08-31/2022-09-01")) == "31 August 2022 to 1 September 2022"

    def test_unknown_style(self):
        citation = hled.events.get("2021-relaunch").sources[0]
        with pytest.raises(ValueError, match="style must be 'plain' or 'chicago', got 'mla'"):
            citation.format("mla")

    def test_archived_addresses(self):
        """The White House pages of administrations that left office point to their archive."""
        archived = {s.id: s.archive_url for s in hled.sources if s.archive_url}

        assert set(archived) == {
            "wh-2016-02-25-joint-statement",
            "wh-2021-06-08-fact-sheet-bilateral-cooperation",
            "wh-2021-09-09-fact-sheet",
            "wh-2022-09-12-fact-sheet",
        }
        assert archived["wh-2016-02-25-joint-statement"].startswith(
            "https://obamawhitehouse.archives.gov/the-press-office/"
        )


class TestCommandLine:
    def test_cite_a_record_or_a_source(self, capsys):
        assert main(["cite", "2022-tijuana-wastewater"]) == 0
        assert capsys.readouterr().out.startswith('The White House, "FACT SHEET: 2022')
        assert main(["cite", "wh-2021-09-09-fact-sheet", "--style", "chicago"]) == 0
        out = capsys.readouterr().out
        assert out.count("\n") == 1
        assert out.rstrip().endswith(f"Cited from hled data release {hled.dataset().version}.")
        assert main(["cite", "no-such-thing"]) == 1
        capsys.readouterr()
        assert main(["cite", "2022-tijuana-wastewater", "--json"]) == 0
        found = json.loads(capsys.readouterr().out)
        assert found[0]["source"] == "wh-2022-09-12-fact-sheet"
        assert found[0]["text"].startswith('The White House, "FACT SHEET')


class TestCslJson:
    def test_read_by_a_csl_processor(self, tmp_path):
        """The CSL-JSON export is read and rendered by a CSL processor (citeproc-py, in the Harvard style it ships)."""
        citeproc = pytest.importorskip("citeproc")
        from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
        from citeproc.source.json import CiteProcJSON

        out = tmp_path / "hled.json"
        assert main(["export", "--format", "csl-json", "--out", str(out)]) == 0
        items = json.loads(out.read_text(encoding="utf-8"))
        assert len(items) == len(hled.sources)
        assert {item["type"] for item in items} == {"webpage", "article-newspaper"}

        style = os.path.join(os.path.dirname(citeproc.__file__), "data", "styles", "harvard-cite-them-right.csl")
        bibliography = CitationStylesBibliography(
            CitationStylesStyle(style, validate=False), CiteProcJSON(items), formatter.plain
        )
        for source_id in ("wh-2022-09-12-fact-sheet", "24horas-2012-12-01-pena-protesta"):
            bibliography.register(Citation([CitationItem(source_id)]))
        rendered = [str(entry) for entry in bibliography.bibliography()]

        assert any(
            "FACT SHEET: 2022 U.S.-Mexico High-Level Economic Dialogue" in e and "The White House" in e
            for e in rendered
        )
        assert any("“Peña protesta como presidente entre reclamos”, 24 Horas, 1 December" in e for e in rendered)

    def test_items_keep_dates_and_archives(self):
        from hled._tables import csl_items

        items = {item["id"]: item for item in csl_items(hled.dataset())}

        assert items["wh-2022-09-12-fact-sheet"]["issued"] == {"date-parts": [[2022, 9, 12]]}
        assert "Archived at https://bidenwhitehouse.archives.gov/" in items["wh-2022-09-12-fact-sheet"]["note"]
        assert "issued" not in items["hled-progress-report-docslib-copy"]
        assert items["24horas-2012-12-01-pena-protesta"]["container-title"] == "24 Horas"


def _csl_schema() -> tuple[set[str], set[str], set[str]]:
    """The item types, variables and date variables of the CSL schema (the RELAX NG files citeproc-py ships)."""
    citeproc = pytest.importorskip("citeproc")
    folder = os.path.join(os.path.dirname(citeproc.__file__), "data", "schema", "schemas", "styles")

    def quoted(text: str) -> set[str]:
        return {word for word in re.findall(r'"([^"]+)"', text) if "://" not in word}

    with open(os.path.join(folder, "csl-types.rnc"), encoding="utf-8") as handle:
        types = quoted(handle.read())
    with open(os.path.join(folder, "csl-variables.rnc"), encoding="utf-8") as handle:
        text = handle.read()
    dates = quoted(text.split("variables.dates =")[1].split("##")[0])
    return types, quoted(text), dates


class TestCslSchema:
    def test_every_item_keeps_to_the_csl_schema(self):
        """Each item's type is a CSL type, each key a CSL variable (or its id), each date CSL-JSON date-parts."""
        from hled._tables import csl_items

        types, variables, dates = _csl_schema()
        assert {"webpage", "article-newspaper"} <= types
        assert {"issued", "accessed"} <= dates
        for item in csl_items(hled.dataset()):
            assert item["type"] in types
            assert set(item) - {"id", "type"} <= variables, set(item) - variables
            for name in set(item) & dates:
                parts = item[name]["date-parts"]
                assert 1 <= len(parts) <= 2
                assert all(1 <= len(p) <= 3 and all(isinstance(n, int) for n in p) for p in parts)
            assert all(isinstance(item[k], str) for k in set(item) - dates)
