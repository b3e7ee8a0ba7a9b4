"""Where facts come from: `Source` documents, the `Citation` of a place in one, and `Variant` values."""

from __future__ import annotations

import html
from typing import Literal, TypeAlias

import attrs

from hled._dates import Date, DateRange
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
        archive_url: where the page lives now that it has moved to an archive (the White House
            pages of an administration that has left office), or None.
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
    archive_url: str | None = attrs.field(default=None, validator=attrs.validators.optional(_URL))
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

    def format(self, style: str = "plain", *, version: str | None = None) -> str:
        """A ready footnote for the cited document: publisher, title, date, address, and the place in it.

        The live address comes first and the archived one after it, where the page has moved.

        Args:
            style: ``"plain"`` (publisher, "title", date, address, locator) or ``"chicago"``
                (the notes style of the Chicago Manual: publisher. "Title." Date. Address.).
            version: the hled data release to name as where the citation was found, or None.

        Examples:
            >>> import hled
            >>> citation = hled.events.get("2021-relaunch").sources[0]
            >>> text = citation.format(version="2026.12.0")
            >>> text.split(", https://")[0]
            'The White House, "FACT SHEET: U.S. – Mexico High-Level Economic Dialogue", 9 September 2021'
            >>> "(archived at https://bidenwhitehouse.archives.gov/" in text
            True

        Raises:
            ValueError: *style* is neither ``"plain"`` nor ``"chicago"``.
        """
        source = self.source
        date = _spelled(source.published) if source.published is not None else "n.d."
        archive = f" (archived at {source.archive_url})" if source.archive_url else ""
        if style == "plain":
            text = f'{source.publisher}, "{source.title}", {date}, {source.url}{archive}'
            text += f", {self.locator}" if self.locator else ""
        elif style == "chicago":
            text = f'{source.publisher}. "{source.title}." {date.removesuffix(".")}. {source.url}.'
            text += f" Archived at {source.archive_url}." if source.archive_url else ""
            text += f" {self.locator[0].upper()}{self.locator[1:]}." if self.locator else ""
        else:
            msg = f"style must be 'plain' or 'chicago', got {style!r}"
            raise ValueError(msg)
        if version is not None:
            text += (
                f" (cited from hled data release {version})"
                if style == "plain"
                else f" Cited from hled data release {version}."
            )
        return text

    def _html(self) -> str:
        source = self.source
        esc = html.escape
        link = f"<a href='{esc(source.url)}' title='{esc(source.title)}'>{esc(source.id)}</a>"
        return link + (f" ({esc(self.locator)})" if self.locator else "")


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _spelled(date: Date) -> str:
    """A date as a footnote gives it: ``12 September 2022``, ``September 2022``, ``2022``, or a span of them."""
    if isinstance(date, DateRange):
        return f"{_spelled(date.start)} to {_spelled(date.end)}"
    month = f"{_MONTHS[date.month - 1]} {date.year}" if date.month else str(date.year)
    return f"{date.day} {month}" if date.day else month


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
