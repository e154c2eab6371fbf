"""Disk-AE training throughput against the FLOP floor of this machine, and the default DAG's wall time.

    python benchmarks/disk_training.py            # throughput table (about a minute)
    python benchmarks/disk_training.py --dag      # + wall time of the default-config disks DAG, --cores 2

The floor: a training step costs about 3x the forward FLOPs (backward = 2x forward), so the best
possible rate is (measured fp32 matmul FLOP/s) / (3 x forward FLOPs per image).
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import torch

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "workflow"))

from shapeae import models, training  # noqa: E402
from shapeae.flops import matmul_rate, sync  # noqa: E402
from shapeae.models.newson import flops_per_image  # noqa: E402

SPEC = {"architecture": "disk_ae", "depths": [1, 8, 4, 4, 3, 2, 1], "bias": True, "leaky_slope": 0.2}


def images_per_second(device, batch_size, seconds=8.0):
    model = models.build(SPEC).to(device).to(memory_format=torch.channels_last)
    x = training.to_device(torch.rand(batch_size, 1, 64, 64), device)
    optimiser = training.adam(model, lr=1e-3)  # the pipeline's

    def step():
        optimiser.zero_grad(set_to_none=True)
        training.mse_loss(model, x).backward()
        optimiser.step()

    for _ in range(5):
        step()
    sync(device)
    steps, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        step()
        steps += 1
    sync(device)
    return steps * batch_size / (time.perf_counter() - start)


def dag_wall_time(cores):
    with tempfile.TemporaryDirectory() as workdir:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "snakemake", "--snakefile", str(REPO / "Snakefile"),
                        "--directory", workdir, "--cores", str(cores), "--quiet", "all",
                        "results/figures/all"], cwd=REPO, check=True)
        return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dag", action="store_true", help="also time the default-config DAG")
    parser.add_argument("--cores", type=int, default=2)
    args = parser.parse_args()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    forward = flops_per_image(models.build(SPEC), 64)
    print(f"device: {device} ({torch.cuda.get_device_name() if device.type == 'cuda' else f'{os.cpu_count()} CPUs'})")
    print(f"forward FLOPs per 64x64 image: {forward / 1e6:.3f} M; training step ~ {3 * forward / 1e6:.2f} M per image")
    threads = [1, 2] if device.type == "cpu" else [torch.get_num_threads()]
    for n in threads:
        torch.set_num_threads(n)
        rate = matmul_rate(device)
        floor = rate / (3 * forward)
        print(f"\nthreads={n}: fp32 matmul {rate / 1e9:.1f} GFLOP/s -> floor {floor:,.0f} images/s")
        for batch in (32, 300):
            measured = images_per_second(device, batch)
            print(f"  batch {batch:4d}: {measured:8,.0f} images/s = {measured * 3 * forward / 1e9:6.2f} GFLOP/s "
                  f"= {100 * measured / floor:5.1f}% of the floor")
    if args.dag:
        print(f"\ndefault-config DAG (results/figures/all) with --cores {args.cores}: "
              f"{dag_wall_time(args.cores):.0f} s wall")


if __name__ == "__main__":
    main()
