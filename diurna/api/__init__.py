"""HTTP API and web dashboard (`diurna serve`)."""

from diurna.api.app import Settings, create_app

__all__ = ["Settings", "create_app"]
