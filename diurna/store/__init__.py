"""The embedded DuckDB store: `Store(path)` writes coded articles and reads them back as records."""

from diurna.store.query import (
    ActorCount,
    ActorProfile,
    ArticleSummary,
    ClusterDetail,
    DyadPoint,
    Edge,
    EventCluster,
    EventFilter,
    EventRow,
    PlaceCount,
)
from diurna.store.schema import SCHEMA_VERSION, SchemaError
from diurna.store.store import Store, WriteResult

__all__ = [
    "SCHEMA_VERSION",
    "ActorCount",
    "ActorProfile",
    "ArticleSummary",
    "ClusterDetail",
    "DyadPoint",
    "Edge",
    "EventCluster",
    "EventFilter",
    "EventRow",
    "PlaceCount",
    "SchemaError",
    "Store",
    "WriteResult",
]
