"""The checkout itself: what git must never take in."""

from __future__ import annotations

import pathlib
import shutil
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parent.parent


def test_a_virtual_environment_is_ignored_even_as_a_link():
    # a worktree's .venv is often a symbolic link to a shared environment: to git that is a file,
    # which a ".venv/" pattern (directories only) does not ignore, so `git add -A` committed it
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    run = subprocess.run(["git", "-C", str(REPO), "check-ignore", "-q", "--no-index", ".venv"], capture_output=True)
    assert run.returncode == 0, ".venv is not ignored by .gitignore"
