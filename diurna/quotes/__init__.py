"""Direct, partial and indirect quotes with speaker and relay chain (issue 11)."""

from diurna.quotes.stage import QuoteStage, quote_at

__all__ = ["QuoteStage", "quote_at"]
