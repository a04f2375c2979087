"""PLOVER event coding (issue 5)."""

from diurna.events.stage import EventStage

__all__ = ["EventStage"]
