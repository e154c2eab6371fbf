"""Training throughput of Bechberger's Sketch-a-Net autoencoder against the FLOP floor.

    python benchmarks/sketch_training.py                  # default (56 px) and paper (224 px) sizes
    python benchmarks/sketch_training.py --sizes paper    # one of them

FLOPs per training step are counted from the layers (shapeae.flops: 3x the forward pass); the floor
is the measured fp32 matmul rate divided by them. The step is the pipeline's: channels-last, data
already float tensors on the device, salt-and-pepper noise drawn on the tensor, BCE, Adam.
"""
import argparse
import os
import sys
import time
from pathlib import Path

import torch

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "workflow"))

from shapeae import flops, models, objectives, training  # noqa: E402
from shapeae.flops import matmul_rate, sync  # noqa: E402

# the default config's model and the paper's (his code at 224 px)
SIZES = {
    "default": {"architecture": "sketch_ae", "image_size": 56, "bottleneck": 512, "width": 0.5,
                "first_kernel": 8, "first_stride": 2},
    "paper": {"architecture": "sketch_ae", "image_size": 224, "bottleneck": 512, "width": 1.0,
              "first_kernel": 15, "first_stride": 3},
}


def images_per_second(spec, device, batch_size, seconds):
    model = models.build(spec).to(device).to(memory_format=torch.channels_last)
    size = spec["image_size"]
    x = (torch.rand(batch_size, 1, size, size, device=device) < 0.9).float()  # white with black ink
    batch = training.to_tensors({"x": x}, device)
    objective = objectives.Sketch(noise=0.1)
    objective.prepare(batch, seed=0)
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-4)

    def step():
        optimiser.zero_grad(set_to_none=True)
        objective.training_loss(model, batch).backward()
        optimiser.step()

    for _ in range(3):
        step()
    sync(device)
    steps, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds or steps < 3:
        step()
        steps += 1
    sync(device)
    return steps * batch_size / (time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="+", choices=list(SIZES), default=list(SIZES))
    parser.add_argument("--batch", type=int, nargs="+", default=[32, 128])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--threads", type=int, nargs="+", default=None)
    args = parser.parse_args()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    name = torch.cuda.get_device_name() if device.type == "cuda" else f"{os.cpu_count()} CPUs"
    print(f"device: {device} ({name})")
    threads = args.threads or ([1, 2] if device.type == "cpu" else [torch.get_num_threads()])
    for n in threads:
        torch.set_num_threads(n)
        rate = matmul_rate(device, n=4096 if device.type == "cuda" else 2048)
        print(f"\nthreads={n}: fp32 matmul {rate / 1e9:.1f} GFLOP/s")
        for size in args.sizes:
            spec = SIZES[size]
            step = flops.training_step_flops(models.build(spec), (1, spec["image_size"], spec["image_size"]))
            floor = rate / step
            print(f"  {size} ({spec['image_size']} px): {step / 1e6:,.0f} MFLOP per image-step -> floor {floor:,.1f} images/s")
            for batch in args.batch:
                measured = images_per_second(spec, device, batch, args.seconds)
                print(f"    batch {batch:4d}: {measured:9,.1f} images/s = {measured * step / 1e9:7.1f} GFLOP/s "
                      f"= {100 * measured / floor:5.1f}% of the floor")


if __name__ == "__main__":
    main()
