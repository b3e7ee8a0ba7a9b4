"""Where facts come from: `Source` documents, the `Citation` of a place in one, and `Variant` values."""

from __future__ import annotations

import html
from typing import Literal, TypeAlias

import attrs

from hled._dates import Date
from hled._record import Record, cited, on_field, own_fields, slug, text, texts

__all__ = ["Citation", "Quality", "Source", "Variant"]

Quality: TypeAlias = Literal["official", "mirror", "press", "low"]
_URL = on_field(attrs.validators.matches_re(r"https?://\S+"))


@attrs.frozen(kw_only=True, repr=False)
class Source(Record):
    """A public document that facts are cited from.

    Attributes:
        title: the document's own title.
        publisher: who published it.
        published: its publication date, or None where the document carries none.
        url: where it can be read.
        language: ISO 639-1 code of its language, for example ``"en"``.
        quality: ``"official"`` (a government site), ``"mirror"`` (a copy of an
            official text elsewhere), ``"press"`` or ``"low"``.
        official_url: for a mirror, the official address of the original, where known.
        summary: what the document is, in a sentence.
    """

    id: str = attrs.field(validator=slug)
    title: str = attrs.field(validator=text)
    publisher: str = attrs.field(validator=text)
    published: Date | None = None
    url: str = attrs.field(validator=_URL)
    language: str = attrs.field(validator=on_field(attrs.validators.matches_re(r"[a-z]{2}")))
    quality: Quality = "official"
    official_url: str | None = attrs.field(default=None, validator=attrs.validators.optional(_URL))
    summary: str | None = attrs.field(default=None, validator=text)
    inferred: tuple[str, ...] = attrs.field(default=(), validator=own_fields)
    notes: tuple[str, ...] = attrs.field(default=(), validator=texts)


@attrs.frozen(kw_only=True, repr=False)
class Citation:
    """Where a fact comes from: a source document and a place inside it.

    Attributes:
        source: the cited `Source` record.
        locator: the section, heading or bullet inside the source, or None.
    """

    source: Source
    locator: str | None = attrs.field(default=None, validator=text)

    def __str__(self) -> str:
        return self.source.id + (f" ({self.locator})" if self.locator else "")

    def __repr__(self) -> str:
        return f"Citation(source={self.source.id!r}, locator={self.locator!r})"

    def _html(self) -> str:
        source = self.source
        esc = html.escape
        link = f"<a href='{esc(source.url)}' title='{esc(source.title)}'>{esc(source.id)}</a>"
        return link + (f" ({esc(self.locator)})" if self.locator else "")


@attrs.frozen(kw_only=True, repr=False)
class Variant:
    """A value another source gives for one field, kept rather than silently resolved.

    Attributes:
        field: the record's field the variant is for, for example ``"date"`` or ``"place"``.
        value: the other value, as that source gives it.
        sources: where the other value is stated.
        note: why it differs or which is preferred, or None.
    """

    field: str = attrs.field(validator=text)
    value: str = attrs.field(validator=text)
    sources: tuple[Citation, ...] = attrs.field(validator=cited)
    note: str | None = attrs.field(default=None, validator=text)

    def __repr__(self) -> str:
        return f"Variant(field={self.field!r}, value={self.value!r})"

    def _text(self) -> str:
        return f"{self.field}: {self.value} (per {', '.join(dict.fromkeys(c.source.id for c in self.sources))})"
