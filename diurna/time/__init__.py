"""Temporal expressions normalised against the publication date (issue 6)."""

from diurna.time.stage import TimeStage, event_date, publication_date, rules_date

__all__ = ["TimeStage", "event_date", "publication_date", "rules_date"]
