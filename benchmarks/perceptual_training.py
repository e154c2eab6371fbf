"""Training throughput of Pihlgren et al.'s autoencoders (64 px) against the FLOP floor.

    python benchmarks/perceptual_training.py                 # z = 64, pixel and perceptual AE
    python benchmarks/perceptual_training.py --threads 2 --batch 32 512

FLOPs per image-step are counted from the layers (shapeae.flops): 3x the autoencoder's forward
pass, plus for the perceptual loss the loss network (AlexNet features[:5]) three times: forward on
the target (no gradient), forward on the reconstruction, and the gradient with respect to it (its
frozen weights need none). The step is the pipeline's: float channels-last tensors on the device,
the objective's loss (the VAE's sampling included), fused Adam.
"""
import numpy as np
import torch

import throughput  # first: it puts workflow/ on sys.path
from shapeae import flops, objectives, training
from shapeae.datasets import lander
from shapeae.models.perceptual import AlexNetFeatures, WorldModelsAE

SIZES = {"z64": 64, "z128": 128}  # the embedding sizes of their table
KINDS = {"AE": ("pixel", False), "P. AE": ("perceptual", False), "P. VAE": ("perceptual", True)}


def training_step(embedding, loss, variational, device, batch_size):
    model = WorldModelsAE(embedding=embedding, variational=variational).to(device).to(memory_format=torch.channels_last)
    network = AlexNetFeatures() if loss == "perceptual" else None
    objective = objectives.build({"kind": "perceptual", "loss": loss}, loss_network=network)
    images, factors = lander.generate(batch_size, 64, seed=0)
    batch = training.to_tensors(objective.data(images, factors, np.arange(batch_size)), device)
    objective.prepare(batch, seed=0)
    return throughput.adam_step(model, lambda: objective.training_loss(model, batch), lr=1e-3)


def step_flops(embedding, loss):
    shape = (3, 64, 64)
    total = flops.training_step_flops(WorldModelsAE(embedding=embedding), shape)
    if loss == "perceptual":
        total += 3 * flops.forward_flops(AlexNetFeatures(), shape)
    return total


def main():
    args = throughput.arguments(__doc__, SIZES, seconds=5.0)
    for device, rate in throughput.floors(args):
        for size in args.sizes:
            for kind, (loss, variational) in KINDS.items():
                work = step_flops(SIZES[size], loss)
                floor = rate / work
                print(f"  {size} {kind}: {work / 1e6:,.1f} MFLOP per image-step -> floor {floor:,.0f} images/s")
                for batch in args.batch:
                    step = training_step(SIZES[size], loss, variational, device, batch)
                    throughput.measure(step, batch, device, args.seconds, work)


if __name__ == "__main__":
    main()
