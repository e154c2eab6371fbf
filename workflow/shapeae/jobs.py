"""What every job script does first: log to its Snakemake log, fix its thread count and seeds."""
import logging
import sys


def start(log_path, threads=1, seed=None):
    logging.basicConfig(filename=log_path, level=logging.INFO, format="%(asctime)s %(name)s %(message)s",
                        force=True)
    logging.captureWarnings(True)
    if "torch" in sys.modules or seed is not None:  # jobs without tensors skip torch's seconds of import
        import torch

        torch.set_num_threads(threads)  # before any tensor work
    if seed is not None:
        from . import seeding

        seeding.seed_everything(seed)
    return logging.getLogger("shapeae.job")
