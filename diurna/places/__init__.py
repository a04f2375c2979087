"""Toponyms geocoded with an offline gazetteer (issue 6): `PlaceStage` and `event_place`."""

from diurna.places.clause import event_place, event_place_fields, locate_event
from diurna.places.stage import PlaceStage

__all__ = ["PlaceStage", "event_place", "event_place_fields", "locate_event"]
