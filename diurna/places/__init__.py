"""Toponyms geocoded with an offline gazetteer (issue 6)."""
from diurna.places.stage import PlaceStage, event_place

__all__ = ["PlaceStage", "event_place"]
