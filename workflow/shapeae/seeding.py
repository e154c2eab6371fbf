"""Deterministic seeds: every job derives its own from (global seed, experiment, variant, fold)."""
import hashlib
import os
import random

import numpy as np


def derive_seed(base, *parts):
    """A 31-bit seed that depends on the base seed and every part, stable across Python runs."""
    key = "/".join(str(p) for p in (base, *parts)).encode()
    return int.from_bytes(hashlib.sha256(key).digest()[:4], "little") & 0x7FFFFFFF


def seed_everything(seed):
    """Seed Python, NumPy and torch, and make torch choose deterministic algorithms."""
    import torch

    os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")  # deterministic cuBLAS
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)
    torch.backends.cudnn.benchmark = False
