"""Which device a job trains on, and one GPU per concurrent job on a multi-GPU workstation.

Snakemake limits how many GPU jobs run at once (`--resources gpu=N`) but never says which GPU a job
should use. Each job therefore claims a GPU by taking an exclusive `flock` on a lock file named after
the GPU's UUID: the first unlocked GPU is its own until the process exits (the kernel releases the
lock even on a crash). UUIDs name physical cards, so this also holds when a scheduler such as SLURM
has already narrowed `CUDA_VISIBLE_DEVICES` for each job.
"""
import fcntl
import logging
import os
import tempfile
import time
from pathlib import Path

log = logging.getLogger(__name__)


def default_lock_dir():
    return Path(os.environ.get("SHAPEAE_GPU_LOCK_DIR", Path(tempfile.gettempdir()) / "shapeae-gpu-locks"))


def claim_gpu(gpu_ids, lock_dir=None, poll_seconds=2.0, timeout=None):
    """Index into `gpu_ids` of the GPU this process now holds, and the open lock file that holds it.

    Keep the returned file open for as long as the GPU is in use. Waits while every GPU is held.
    """
    lock_dir = Path(lock_dir or default_lock_dir())
    lock_dir.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    while True:
        for index, gpu_id in enumerate(gpu_ids):
            handle = open(lock_dir / f"gpu-{gpu_id}.lock", "w")
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.close()
                continue
            handle.write(f"{os.getpid()}\n")
            handle.flush()
            return index, handle
        if timeout is not None and time.monotonic() - start > timeout:
            raise TimeoutError(f"all {len(gpu_ids)} GPUs stayed claimed for {timeout} s ({lock_dir})")
        log.info("all %d GPUs are claimed by other jobs; waiting", len(gpu_ids))
        time.sleep(poll_seconds)


def select_device(preference="auto"):
    """(torch.device, lock handle or None). preference: 'auto' (CUDA if present), 'cuda' or 'cpu'."""
    import torch

    if preference not in ("auto", "cuda", "cpu"):
        raise ValueError(f"device must be 'auto', 'cuda' or 'cpu', got {preference!r}")
    if preference == "cpu" or (preference == "auto" and not torch.cuda.is_available()):
        return torch.device("cpu"), None
    if not torch.cuda.is_available():
        raise RuntimeError("device 'cuda' was asked for but torch sees no CUDA device")
    ids = [str(torch.cuda.get_device_properties(i).uuid) for i in range(torch.cuda.device_count())]
    index, handle = claim_gpu(ids)
    log.info("claimed GPU %d of %d (uuid %s)", index, len(ids), ids[index])
    return torch.device(f"cuda:{index}"), handle
