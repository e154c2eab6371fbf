"""Training throughput of Bechberger's Sketch-a-Net autoencoder against the FLOP floor.

    python benchmarks/sketch_training.py                  # default (56 px) and paper (224 px) sizes
    python benchmarks/sketch_training.py --sizes paper    # one of them

FLOPs per training step are counted from the layers (shapeae.flops: 3x the forward pass); the floor
is the measured fp32 matmul rate divided by them. The step is the pipeline's: channels-last, data
already float tensors on the device, salt-and-pepper noise drawn on the tensor, BCE, Adam.
"""
import torch

import throughput  # first: it puts workflow/ on sys.path
from shapeae import flops, models, objectives, training

# the default config's model and the paper's (his code at 224 px)
SIZES = {
    "default": {"architecture": "sketch_ae", "image_size": 56, "bottleneck": 512, "width": 0.5,
                "first_kernel": 8, "first_stride": 2},
    "paper": {"architecture": "sketch_ae", "image_size": 224, "bottleneck": 512, "width": 1.0,
              "first_kernel": 15, "first_stride": 3},
}


def training_step(spec, device, batch_size):
    model = models.build(spec).to(device).to(memory_format=torch.channels_last)
    size = spec["image_size"]
    x = (torch.rand(batch_size, 1, size, size, device=device) < 0.9).float()  # white with black ink
    batch = training.to_tensors({"x": x}, device)
    objective = objectives.Sketch(noise=0.1)
    objective.prepare(batch, seed=0)
    return throughput.adam_step(model, lambda: objective.training_loss(model, batch), lr=1e-4)


def main():
    args = throughput.arguments(__doc__, SIZES, seconds=10.0)
    for device, rate in throughput.floors(args):
        for size in args.sizes:
            spec = SIZES[size]
            step_flops = flops.training_step_flops(models.build(spec), (1, spec["image_size"], spec["image_size"]))
            floor = rate / step_flops
            print(f"  {size} ({spec['image_size']} px): {step_flops / 1e6:,.0f} MFLOP per image-step -> floor {floor:,.1f} images/s")
            for batch in args.batch:
                step = training_step(spec, device, batch)
                throughput.measure(step, batch, device, args.seconds, step_flops)


if __name__ == "__main__":
    main()
