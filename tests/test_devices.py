import multiprocessing as mp
import time

import pytest

from shapeae import devices


def _claim_and_hold(gpu_ids, lock_dir, hold_seconds, results, release):
    index, handle = devices.claim_gpu(gpu_ids, lock_dir, poll_seconds=0.05, timeout=30)
    results.put((index, time.monotonic()))
    if hold_seconds is None:
        release.wait(60)  # hold until every job has claimed, however slowly the processes started
    else:
        time.sleep(hold_seconds)
    handle.close()


def _run(n_jobs, gpu_ids, lock_dir, hold_seconds):
    ctx = mp.get_context("spawn")
    results, release = ctx.Queue(), ctx.Event()
    jobs = [ctx.Process(target=_claim_and_hold, args=(gpu_ids, lock_dir, hold_seconds, results, release))
            for _ in range(n_jobs)]
    for job in jobs:
        job.start()
    claims = [results.get(timeout=60) for _ in jobs]
    release.set()
    for job in jobs:
        job.join(timeout=60)
    return claims


def test_concurrent_jobs_get_distinct_gpus(tmp_path):
    # four fake GPUs, four concurrent jobs (snakemake --resources gpu=4): each its own GPU
    claims = _run(4, ["uuid-a", "uuid-b", "uuid-c", "uuid-d"], tmp_path, hold_seconds=None)
    assert sorted(index for index, _ in claims) == [0, 1, 2, 3]


def test_more_jobs_than_gpus_wait_instead_of_sharing(tmp_path):
    claims = sorted(_run(3, ["uuid-a", "uuid-b"], tmp_path, hold_seconds=1.0), key=lambda c: c[1])
    first_two, last = claims[:2], claims[2]
    assert sorted(index for index, _ in first_two) == [0, 1]
    assert last[1] - first_two[0][1] >= 0.9  # the third only started once a GPU was released


def test_lock_is_released_when_handle_closes(tmp_path):
    index, handle = devices.claim_gpu(["only"], tmp_path)
    with pytest.raises(TimeoutError):
        devices.claim_gpu(["only"], tmp_path, poll_seconds=0.01, timeout=0.05)
    handle.close()
    assert devices.claim_gpu(["only"], tmp_path, timeout=1)[0] == index == 0


def test_cpu_device_claims_nothing():
    device, lock = devices.select_device("cpu")
    assert device.type == "cpu" and lock is None
    with pytest.raises(ValueError, match="device"):
        devices.select_device("tpu")
