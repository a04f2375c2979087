"""Toponyms geocoded with an offline gazetteer (issue 6)."""
from diurna.places.stage import PlaceStage

__all__ = ["PlaceStage"]
