"""What the throughput benchmarks share: the command line, the thread settings with the measured
matmul floor for each, the timing loop and the report line."""
import argparse
import os
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "workflow"))

from shapeae import training  # noqa: E402
from shapeae.flops import matmul_rate, sync  # noqa: E402


def arguments(description, sizes, seconds):
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="+", choices=list(sizes), default=list(sizes))
    parser.add_argument("--batch", type=int, nargs="+", default=[32, 128])
    parser.add_argument("--seconds", type=float, default=seconds)
    parser.add_argument("--threads", type=int, nargs="+", default=None)
    return parser.parse_args()


def floors(args):
    """Yield (device, measured fp32 matmul FLOP/s) for each thread count (CPU: 1 and 2)."""
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    name = torch.cuda.get_device_name() if device.type == "cuda" else f"{os.cpu_count()} CPUs"
    print(f"device: {device} ({name})")
    for n in args.threads or ([1, 2] if device.type == "cpu" else [torch.get_num_threads()]):
        torch.set_num_threads(n)
        rate = _floor_rate(device)
        print(f"\nthreads={n}: fp32 matmul {rate / 1e9:.1f} GFLOP/s")
        yield device, rate


def adam_step(model, loss, lr):
    """One training step: Adam on `model`'s parameters against loss(), a zero-argument callable."""
    optimiser = training.adam(model, lr)

    def step():
        optimiser.zero_grad(set_to_none=True)
        loss().backward()
        optimiser.step()

    return step


def items_per_second(step, batch_size, device, seconds, warmup=3):
    """Run step() for `seconds` (at least 3 times) after a warm-up; batch_size items per step."""
    for _ in range(warmup):
        step()
    sync(device)
    steps, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds or steps < 3:
        step()
        steps += 1
    sync(device)
    return steps * batch_size / (time.perf_counter() - start)


def _floor_rate(device):
    return matmul_rate(device, n=4096 if device.type == "cuda" else 2048)


def measure(step, batch, device, seconds, step_flops):
    """Time step() and report it against the matmul rate measured just before and just after it.
    This machine's rate drifts (43-90 GFLOP/s on one thread within a day), so the rate printed at
    the start of a run can be minutes stale by the time a network is timed; the share uses the mean
    of the two bracketing readings and prints both, so a drift during the timing shows."""
    before = _floor_rate(device)
    measured = items_per_second(step, batch, device, seconds)
    after = _floor_rate(device)
    rate, achieved = (before + after) / 2, measured * step_flops
    print(f"    batch {batch:4d}: {measured:9,.1f} images/s = {achieved / 1e9:7.1f} GFLOP/s = "
          f"{100 * achieved / rate:5.1f}% of the floor (matmul {before / 1e9:.1f} before, {after / 1e9:.1f} after)")
