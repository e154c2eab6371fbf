"""The smoke DAG through profiles/slurm on the local single-node SLURM cluster (tests/slurm/)."""
import os
import re
import shutil
import subprocess

import pytest

from workflow_helpers import REPO, SMOKE_CONFIG

pytestmark = [pytest.mark.slow, pytest.mark.slurm]

START = "sudo bash tests/slurm/start_cluster.sh"


def _cluster_up():
    if shutil.which("sinfo") is None:
        return False
    state = subprocess.run(["sinfo", "-h", "-o", "%T"], capture_output=True, text=True)
    return state.returncode == 0 and any(s in state.stdout for s in ("idle", "mix", "alloc"))


@pytest.fixture(scope="module")
def cluster():
    if not _cluster_up():
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the SLURM test, but no cluster answers; .ci/run starts it with {START}")
        pytest.skip(f"no local SLURM cluster; start one with `{START}` (Debian, root)")


def _gres(job_id):
    out = subprocess.run(["scontrol", "show", "job", job_id], capture_output=True, text=True).stdout
    return re.search(r"TresPerJob=(\S+)", out).group(1) if "TresPerJob=" in out else None


# Through the cluster: one model's whole scoring path (disks: dataset, folds, a model, its held-out
# features, its scores) and one model of each other experiment trained by rule train; the perceptual
# one with its loss network (its own GPU job) and two named datasets (lander, the loss network's
# pretraining set). (The whole smoke DAG is checked locally by test_workflow; here what matters is the
# profile and the resources it asks for.) target: (train jobs, dataset jobs)
TARGETS = {"results/scores/disks/default/fold0.csv": (1, 1), "results/models/shapespace/best/fold0/model.pt": (1, 1),
           "results/models/colours/triplet_crop_seed0/fold0/model.pt": (1, 1),
           "results/models/perceptual/lander_pae/fold0/model.pt": (1, 2)}


def test_smoke_jobs_run_through_the_slurm_profile(cluster, tmp_path):
    command = ["snakemake", *TARGETS, "--profile", str(REPO / "profiles/slurm"),
               "--snakefile", str(REPO / "Snakefile"), "--directory", str(tmp_path),
               "--configfile", str(SMOKE_CONFIG)]  # --configfile takes several values: keep it last
    env = {**os.environ, "PATH": f"{os.path.dirname(os.sys.executable)}:{os.environ['PATH']}"}
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, env=env, timeout=1500)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-6000:]
    assert all((tmp_path / target).stat().st_size > 0 for target in TARGETS)

    logs = tmp_path / ".snakemake/slurm_logs"
    train_jobs = list((logs / "rule_train").rglob("*.log"))
    train_jobs += (logs / "rule_perceptual_loss_network").rglob("*.log")
    dataset_jobs = list((logs / "rule_dataset").rglob("*.log"))
    # one log per SLURM job, in one folder per Snakemake job: a retried job leaves two logs in its folder
    assert len({p.parent for p in train_jobs}) == sum(n for n, _ in TARGETS.values()) + 1  # + loss network
    assert len({p.parent for p in dataset_jobs}) == sum(n for _, n in TARGETS.values())
    train_jobs, dataset_jobs = [p.stem for p in train_jobs], [p.stem for p in dataset_jobs]
    # training jobs asked SLURM for a GPU, the others for none
    assert all(_gres(job) == "gres:gpu:1" for job in train_jobs)
    assert all(_gres(job) is None for job in dataset_jobs)


def _memory_mb(job_id):
    out = subprocess.run(["scontrol", "show", "job", job_id], capture_output=True, text=True).stdout
    return int(re.search(r"MinMemoryNode=(\d+)M", out).group(1))


def test_a_job_killed_on_its_first_attempt_is_retried_with_more_memory(cluster, tmp_path):
    """The profile's retries and attempt-scaled resources: the dataset job gets 60 MB on its first
    attempt (the cluster kills it: Python alone needs more) and 1000 MB x attempt after."""
    command = ["snakemake", "results/folds/disks.csv", "--profile", str(REPO / "profiles/slurm"),
               "--set-resources", "dataset:mem_mb=60 if attempt == 1 else 1000 * attempt",
               "--snakefile", str(REPO / "Snakefile"), "--directory", str(tmp_path),
               "--configfile", str(SMOKE_CONFIG)]
    env = {**os.environ, "PATH": f"{os.path.dirname(os.sys.executable)}:{os.environ['PATH']}"}
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, env=env, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-6000:]
    assert (tmp_path / "results/folds/disks.csv").stat().st_size > 0
    attempts = sorted((tmp_path / ".snakemake/slurm_logs/rule_dataset").rglob("*.log"), key=lambda p: int(p.stem))
    assert len(attempts) == 2, [p.name for p in attempts]
    assert "exceeded memory limit" in attempts[0].read_text()
    assert [_memory_mb(p.stem) for p in attempts] == [60, 2000]
