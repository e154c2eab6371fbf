"""A run killed mid-training (SIGKILL to its process group): no half-written artifact looks complete,
and `--unlock` then `--rerun-incomplete` finishes with score tables byte-identical to an uninterrupted
run, for every experiment."""
import os
import signal
import subprocess
import sys
import time

import numpy as np
import pandas as pd
import pytest
import torch

from workflow_helpers import REPO, SMOKE_CONFIG, snakemake

pytestmark = pytest.mark.slow

# One scored model of every experiment (and its scorecard): a third of the smoke DAG, every kind of job.
TARGETS = ["results/scores/disks/default/fold0.csv", "results/tables/positions/scores.csv",
           "results/scores/shapespace/best/fold0.csv", "results/scores/colours/autoencoder/fold0.csv",
           "results/scores/perceptual/lander_pae/fold0.csv", "results/scorecard/colours/autoencoder/fold0.csv"]


def cut_off_training(workdir):
    """Logs of training jobs under way: started (the job's script opened its log) but no model yet.
    (Waiting for a logged epoch as well left a window of a fraction of a second on the smoke config,
    which a CI run missed: the whole run finished before the test could kill it.)"""
    logs = workdir / "results/logs/train"
    return [log for log in logs.rglob("fold*.log")
            if not (workdir / "results/models" / log.relative_to(logs).with_suffix("") / "model.pt").exists()]


def readable(path):
    """Open an artifact the way the pipeline does; False if it is cut short."""
    try:
        if path.suffix == ".npz":
            with np.load(path) as data:
                [data[key] for key in data.files]
        elif path.suffix == ".csv":
            pd.read_csv(path)
        elif path.suffix == ".pt":
            torch.load(path, weights_only=True)
        return True
    except Exception:
        return False


def test_a_killed_run_resumes_to_identical_scores(smoke_run, tmp_path):
    command = [sys.executable, "-m", "snakemake", *TARGETS, "--snakefile", str(REPO / "Snakefile"),
               "--directory", str(tmp_path), "--cores", "2", "--configfile", str(SMOKE_CONFIG)]
    run = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           start_new_session=True)
    deadline = time.time() + 600
    while not cut_off_training(tmp_path) and run.poll() is None and time.time() < deadline:
        time.sleep(0.05)
    assert run.poll() is None, "the run ended before any training was under way"
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()

    snakemake(tmp_path, "--unlock", *TARGETS)
    assert cut_off_training(tmp_path), "no training job was cut off"
    # A dry run without --rerun-incomplete: Snakemake refuses and names the outputs of jobs that did not
    # finish, if any were written; a job killed before writing leaves nothing that could look complete.
    planned = snakemake(tmp_path, "--dry-run", *TARGETS, check=False)
    out = planned.stdout + planned.stderr
    assert planned.returncode == 0 or "incomplete" in out.lower(), out[-3000:]
    flagged = {line.strip() for line in out.splitlines() if line.strip().startswith("results/")
               and planned.returncode != 0}
    artifacts = [p for p in (tmp_path / "results").rglob("*") if p.suffix in (".npz", ".csv", ".pt")]
    cut_short = [str(p.relative_to(tmp_path)) for p in artifacts if not readable(p)]
    assert set(cut_short) <= flagged, cut_short  # whatever is cut short, Snakemake knows it is incomplete

    snakemake(tmp_path, "--rerun-incomplete", *TARGETS)
    for target in TARGETS:
        assert (tmp_path / target).read_bytes() == (smoke_run / target).read_bytes(), target
