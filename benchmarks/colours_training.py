"""Training throughput of the coloured-shapes networks (OSU report) against the FLOP floor.

    python benchmarks/colours_training.py                      # default (32 px) and paper (128 px) sizes
    python benchmarks/colours_training.py --sizes paper --threads 2

For each size: the autoencoder (MSE) and the contrastive encoder with triplet-crop positives (two
encoder passes per item: x and T(x)). FLOPs per step are counted from the layers (shapeae.flops:
3x the forward pass; the contrastive step is two of them per item); the floor is the measured fp32
matmul rate divided by them. The step is the pipeline's: channels-last float tensors already on
the device, the transform drawn on the batch, Adam.
"""
import numpy as np
import torch

import throughput  # first: it puts workflow/ on sys.path
from shapeae import flops, models, objectives, training
from shapeae.datasets import colours

SIZES = {  # the default config's networks and the report's size
    "default": {"image_size": 32, "ae_width": 16, "ae_max_width": 64, "encoder_width": 8},
    "paper": {"image_size": 128, "ae_width": 16, "ae_max_width": None, "encoder_width": 16},
}
CONTRASTIVE = {"kind": "contrastive", "loss": "triplet", "transform": "crop"}


def networks(size):
    """{name: (model spec, objective spec, encoder passes per item)}."""
    s = SIZES[size]
    return {
        "autoencoder": ({"architecture": "colour_ae", "image_size": s["image_size"], "embedding": 128,
                         "width": s["ae_width"], "batch_norm": True, "leaky_slope": 0.2,
                         "max_width": s["ae_max_width"]}, None, 1),
        "triplet_crop": ({"architecture": "contrastive_encoder", "image_size": s["image_size"], "embedding": 128,
                          "width": s["encoder_width"]}, CONTRASTIVE, 2),
    }


def training_step(spec, objective_spec, device, batch_size):
    model = models.build(spec).to(device).to(memory_format=torch.channels_last)
    images, factors = colours.generate(batch_size, spec["image_size"], seed=0)
    objective = objectives.build(objective_spec)
    batch = training.to_tensors(objective.data(images, factors, np.arange(batch_size)), device)
    objective.prepare(batch, seed=0)
    generator = torch.Generator().manual_seed(0)
    return throughput.adam_step(model, lambda: objective.training_loss(model, batch, generator), lr=1e-3)


def main():
    args = throughput.arguments(__doc__, SIZES, seconds=5.0)
    for device, rate in throughput.floors(args):
        for size in args.sizes:
            for network, (spec, objective, passes) in networks(size).items():
                shape = (3, spec["image_size"], spec["image_size"])
                step_flops = passes * flops.training_step_flops(models.build(spec), shape)
                floor = rate / step_flops
                print(f"  {size} {network} ({spec['image_size']} px): {step_flops / 1e6:,.1f} MFLOP per "
                      f"image-step -> floor {floor:,.0f} images/s")
                for batch in args.batch:
                    step = training_step(spec, objective, device, batch)
                    throughput.measure(step, batch, device, args.seconds, step_flops)


if __name__ == "__main__":
    main()
