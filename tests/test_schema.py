from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from hled import _schema
from hled._export import canonical_json

SHIPPED = Path(_schema.__file__).parent / "schema"
DATA = Path(_schema.__file__).parent / "data"
FILES = ["meta.json", *_schema.FILE_TYPES]


def _validator(data_file: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SHIPPED / _schema.schema_file_name(data_file)).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _errors(data_file: str, data: object) -> list[str]:
    return sorted(e.message for e in _validator(data_file).iter_errors(data))


class TestShippedSchemas:
    @pytest.mark.parametrize("data_file", FILES)
    def test_shipped_equals_generated(self, data_file):
        """Each shipped schema is exactly what the model generates (python scripts/make_schemas.py)."""
        name = _schema.schema_file_name(data_file)

        shipped = (SHIPPED / name).read_text(encoding="utf-8")

        assert shipped == canonical_json(_schema.json_schema(data_file)), "run python scripts/make_schemas.py"

    @pytest.mark.parametrize("data_file", FILES)
    def test_is_a_valid_draft_2020_12_schema(self, data_file):
        """Each schema is itself valid JSON Schema 2020-12."""
        schema = json.loads((SHIPPED / _schema.schema_file_name(data_file)).read_text(encoding="utf-8"))

        jsonschema.Draft202012Validator.check_schema(schema)

        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"

    @pytest.mark.parametrize("data_file", FILES)
    def test_bundled_data_validates(self, data_file):
        """Every bundled data file validates against its schema."""
        data = json.loads((DATA / data_file).read_text(encoding="utf-8"))

        assert _errors(data_file, data) == []

    def test_no_stray_files(self):
        """The schema folder holds one schema per data file and nothing else."""
        assert sorted(p.name for p in SHIPPED.iterdir()) == sorted(_schema.schemas())


class TestRejects:
    def test_unknown_field(self):
        """A misspelt field is rejected (additionalProperties is false)."""
        record = {"id": "2013-pillar-1", "edition": 2013, "number": 1, "title": "T", "summary": "S", "sorces": []}

        errors = _errors("pillars.json", [record])

        assert errors == [
            "'sources' is a required property",
            "Additional properties are not allowed ('sorces' was unexpected)",
        ]

    def test_bad_id_date_money_and_enum(self):
        """Ids, dates, money, vocabularies and citations are checked."""
        record = {
            "id": "Bad Id",
            "date": "2021-13",
            "edition": 2021,
            "summary": "S",
            "amounts": [{"value": 1.5, "currency": "usd"}],
            "sources": [],
        }

        errors = _errors("accomplishments.json", [record])

        assert errors == sorted(
            [
                "'Bad Id' does not match '^[a-z0-9]+(?:-[a-z0-9]+)*$'",
                "'usd' is not one of " + repr(sorted(_schema.CURRENCIES)),
                f"'2021-13' does not match {_schema.DATE!r}",
                "1.5 is not of type 'string'",
                "[] should be non-empty",
            ]
        )

    def test_wrong_kind_and_padding(self):
        """A kind outside the vocabulary and text with outer spaces are rejected."""
        record = {"id": "x", "name": " USAID", "country": "US", "kind": "spaceship", "sources": [{"source": "s"}]}

        errors = _errors("organizations.json", [record])

        assert len(errors) == 2
        assert errors[0] == f"' USAID' does not match {_schema.TEXT!r}"
        assert errors[1].startswith("'spaceship' is not one of ['government', ")

    def test_optional_fields_accept_null(self):
        """Optional fields may be null, as the loader accepts."""
        record = {"id": "x", "name": "X", "country": None, "kind": "international", "sources": [{"source": "s"}]}

        assert _errors("organizations.json", [record]) == []


class TestJsonSchema:
    def test_unknown_file(self):
        """Asking for a file that is not a data file raises ValueError naming the files."""
        with pytest.raises(ValueError, match=r"^no data file named 'pilars.json'; data files are: meta.json, "):
            _schema.json_schema("pilars.json")

    def test_descriptions_from_docstrings(self):
        """Field descriptions come from the model's docstrings."""
        schema = _schema.json_schema("pillars.json")

        props = schema["$defs"]["Pillar"]["properties"]
        assert props["number"]["description"] == "1-based position within the edition."
        assert "workstreams" not in props  # derived fields are not stored

    def test_constraints_follow_the_model(self):
        """The model's validators become patterns, bounds and vocabularies, however they are wrapped."""
        source = _schema.json_schema("sources.json")["$defs"]["Source"]["properties"]
        pillar = _schema.json_schema("pillars.json")["$defs"]["Pillar"]["properties"]

        assert source["url"]["pattern"] == r"^https?://\S+$"
        assert source["official_url"] == {
            **source["official_url"],
            "type": ["string", "null"],
            "pattern": r"^https?://\S+$",
        }
        assert pillar["id"]["pattern"] == _schema.SLUG
        assert pillar["title"]["pattern"] == _schema.TEXT
        assert (pillar["number"]["minimum"], pillar["edition"]["maximum"]) == (1, 2100)
        assert pillar["sources"]["minItems"] == 1

    def test_descriptions_stop_at_the_next_section(self):
        """Only the Attributes section of a docstring describes fields."""

        class Thing:
            """A thing.

            Attributes:
                size: how big it is,
                    in metres.

            Examples:
                color: not a field.
            """

        assert _schema.field_descriptions(Thing)["size"] == "How big it is, in metres."
        assert "color" not in _schema.field_descriptions(Thing)
