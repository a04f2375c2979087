"""Actor recognition, resolution to the knowledge base, and coreference (issue 4)."""

from diurna.actors.kb import KnowledgeBase, default_kb, role_on, roles_on
from diurna.actors.stage import ActorStage

__all__ = ["ActorStage", "KnowledgeBase", "default_kb", "role_on", "roles_on"]
