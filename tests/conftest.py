import os
import shutil
from pathlib import Path

import pytest

from workflow_helpers import snakemake


@pytest.fixture(scope="session")
def smoke_run(tmp_path_factory):
    """A finished smoke run of the whole DAG (shared by the workflow tests; do not modify it).
    SHAPEAE_SMOKE_DIR=<dir> keeps it there between pytest runs: it is brought up to date, not rebuilt."""
    kept = os.environ.get("SHAPEAE_SMOKE_DIR")
    workdir = Path(kept) if kept else tmp_path_factory.mktemp("smoke")
    snakemake(workdir, "results/figures/all")
    return workdir


@pytest.fixture
def smoke_copy(smoke_run, tmp_path):
    """A private copy of the finished smoke run, modification times kept, for tests that change it."""
    copy = tmp_path / "run"
    shutil.copytree(smoke_run, copy, symlinks=True)
    return copy


def pytest_collection_modifyitems(items):
    """A test that reads the smoke run is end to end: `slow`, whatever its file says, so that
    `pytest -m "not slow"` never starts the smoke DAG."""
    for item in items:
        if "smoke_run" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
