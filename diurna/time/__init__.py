"""Temporal expressions normalised against the publication date (issue 6)."""
from diurna.time.stage import TimeStage

__all__ = ["TimeStage"]
