"""Fixtures for the reader tests."""

from __future__ import annotations

import pathlib

import pytest
from ingest_fixtures import WarcBuilder


@pytest.fixture
def warc_builder():
    builders = []

    def make(path: pathlib.Path, gzip: bool = True) -> WarcBuilder:
        builders.append(WarcBuilder(path, gzip))
        return builders[-1]

    yield make
    for builder in builders:
        if not builder.fh.closed:
            builder.fh.close()
