"""Shared fixtures: one spaCy pipeline per test session, and ../shared when it is there."""

from __future__ import annotations

import importlib.util
import pathlib

import pytest

REPO = pathlib.Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def load_script():
    """Import scripts/NAME.py as a module (the build scripts are not a package)."""

    def load(name: str):
        spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / (name + ".py"))
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    return load


@pytest.fixture(scope="session")
def shared_dir() -> pathlib.Path:
    """../shared beside the clone; tests that read it skip cleanly when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this clone")
    return SHARED


@pytest.fixture(scope="session")
def seed_text(shared_dir) -> str:
    path = shared_dir / "seed" / "rouhani-haniyeh-2017.txt"
    if not path.is_file():
        pytest.skip("seed article not in ../shared")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp():
    from diurna import nlp as nlp_stage

    return nlp_stage.load()


@pytest.fixture(scope="session")
def pipeline():
    """The full default pipeline, built once (loading every stage's models takes seconds). Its events
    stage emits every event it codes (`min_confidence=0`): the tests of one construction check what
    the rules code on a sentence; the verifier's threshold, chosen on real articles, is tested in
    tests/events/test_verifier.py and measured on real text (docs/evaluation.md)."""
    from diurna.pipeline import Pipeline

    pipeline = Pipeline(default_pubdate="2017-12-11")
    for stage in pipeline.stages:
        if stage.name == "events":
            stage.min_confidence = 0.0
    return pipeline


@pytest.fixture
def code(pipeline):
    """code(text, published) -> ArticleDoc: run the full pipeline on one news text."""

    def _code(text: str, published: str = "2017-12-11"):
        return pipeline.code_text(text, published)

    return _code


def pytest_sessionfinish(session, exitstatus):
    """Under scripts/test.sh (CI), a run in which no test passed is a failure, not a green build."""
    import os

    if os.environ.get("DIURNA_REQUIRE_TESTS") != "1" or exitstatus != 0:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None and not reporter.stats.get("passed"):
        reporter.write_line("diurna: no test passed: failing the run", red=True)
        session.exitstatus = 1
