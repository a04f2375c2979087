"""Actor recognition, resolution to the knowledge base, and coreference (issue 4)."""
from diurna.actors.stage import ActorStage

__all__ = ["ActorStage"]
