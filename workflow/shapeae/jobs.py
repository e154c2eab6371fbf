"""What every job script does first: log to its Snakemake log, fix its thread count and seeds."""
import logging
import os
import sys
import time
import traceback


def start(sm, seed=None):
    """Log to the job's Snakemake log (first line: the job's start-up, see `startup_seconds`), fix
    its thread count and, given a seed, every generator's seed. `sm` is Snakemake's script object."""
    startup = startup_seconds()
    logging.basicConfig(filename=sm.log[0], level=logging.INFO, format="%(asctime)s %(name)s %(message)s",
                        force=True)
    logging.captureWarnings(True)
    log = logging.getLogger("shapeae.job")
    log.info(STARTUP_LINE, "unknown" if startup is None else f"{startup:.2f}", sm.rule)
    log_uncaught_errors(log)
    threads = sm.threads
    if "torch" in sys.modules or seed is not None:  # jobs without tensors skip torch's seconds of import
        import torch

        torch.set_num_threads(threads)  # before any tensor work
        # weight decay drives weights towards zero, and subnormal floats take the CPU's slow path: a
        # decayed shape-space AE's epoch went from 1.6 s to 12 s as they appeared (flushed to 0 here)
        torch.set_flush_denormal(True)
    if seed is not None:
        from . import seeding

        seeding.seed_everything(seed)
    return log


STARTUP_LINE = "start-up %s s (rule %s)"  # benchmarks/startup.py reads it back from every log


def startup_seconds():
    """Seconds from this process's start (its start time in the kernel's process table, to a clock
    tick) to now: the interpreter, Snakemake's script preamble and the job's imports. None off Linux."""
    try:
        with open("/proc/self/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()  # after the command name, which may hold spaces
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22 of proc(5): starttime, in ticks
        return time.clock_gettime(time.CLOCK_BOOTTIME) - started
    except (OSError, IndexError, ValueError):
        return None


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
