"""Every class of the model, for the code that needs them all (the converter, exports, schemas)."""

from __future__ import annotations

from hled._activities import Accomplishment, Count, Event, Money
from hled._agenda import Action, CrosswalkLink, Edition, Pillar, Program, Workstream
from hled._model import Citation, Organization, Record, Role, Source, Variant
from hled._people import Person, Position

__all__ = ["RECORD_TYPES", "VALUE_TYPES"]

RECORD_TYPES: tuple[type[Record], ...] = (
    Source,
    Edition,
    Organization,
    Person,
    Pillar,
    Workstream,
    Program,
    Action,
    Event,
    Accomplishment,
)
# the types of the objects records hold (not records themselves), which the loader structures too
VALUE_TYPES: tuple[type, ...] = (Citation, Count, CrosswalkLink, Money, Position, Role, Variant)
