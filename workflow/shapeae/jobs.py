"""What every job script does first: log to its Snakemake log, fix its thread count and seeds."""
import logging
import sys
import traceback


def start(log_path, threads=1, seed=None):
    logging.basicConfig(filename=log_path, level=logging.INFO, format="%(asctime)s %(name)s %(message)s",
                        force=True)
    logging.captureWarnings(True)
    log_uncaught_errors(logging.getLogger("shapeae.job"))
    if "torch" in sys.modules or seed is not None:  # jobs without tensors skip torch's seconds of import
        import torch

        torch.set_num_threads(threads)  # before any tensor work
        # weight decay drives weights towards zero, and subnormal floats take the CPU's slow path: a
        # decayed shape-space AE's epoch went from 1.6 s to 12 s as they appeared (flushed to 0 here)
        torch.set_flush_denormal(True)
    if seed is not None:
        from . import seeding

        seeding.seed_everything(seed)
    return logging.getLogger("shapeae.job")


def log_uncaught_errors(log):
    """An error the script does not catch goes to its log too (Snakemake points the user there):
    first one line, `ExceptionType: message` (for a bad input file: its path and what is wrong,
    see files.py), then the traceback; the terminal still gets the usual traceback."""
    previous = sys.excepthook

    def hook(kind, error, tb):
        log.error("%s: %s", kind.__name__, error)
        log.error("Traceback:\n%s", "".join(traceback.format_exception(kind, error, tb)).rstrip())
        previous(kind, error, tb)

    sys.excepthook = hook
