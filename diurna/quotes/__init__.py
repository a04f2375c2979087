"""Direct, partial and indirect quotes with speaker and relay chain (issue 11)."""
from diurna.quotes.stage import QuoteStage

__all__ = ["QuoteStage"]
