"""The training path on a GPU, every objective: a few epochs of fit_and_record on `--device`
(cuda by default), printing how each run ended (the model.json record, trivial predictor scored
on the device) and the seconds an epoch. A check of the device path, not a throughput table.

    python benchmarks/cuda_path.py [--device cuda] [--epochs 3]
"""
import argparse
import time

import numpy as np
import torch

import throughput  # noqa: F401  first: it puts workflow/ on sys.path
from shapeae import objectives, training
from shapeae.datasets import lander
from shapeae.models import ContrastiveEncoder, DiskAE, SketchAE, WorldModelsAE
from shapeae.models.perceptual import AlexNetFeatures


def cases(rng):
    disks = rng.random((512, 1, 64, 64)).astype(np.float32)
    drawings = (rng.random((256, 1, 56, 56)) < 0.9).astype(np.float32)
    sketch = {"x": drawings, "target": rng.normal(size=(256, 4)).astype(np.float32),
              "labelled": (np.arange(256) % 3 == 0).astype(np.float32), "class": rng.integers(0, 5, 256)}
    colour = {"x": rng.random((256, 3, 32, 32)).astype(np.float32), "colour": rng.integers(0, 8, 256)}
    images, factors = lander.generate(256, 64, seed=0)
    scenes = {"x": images.astype(np.float32) / 255}
    return {
        "newson psi3": (DiskAE(), objectives.build(None, {"kind": "weight_decay_encoder", "weight": 1.0}), disks),
        "newson psi1": (DiskAE(), objectives.build(None, {"kind": "latent_locality", "weight": 1.0}), disks),
        "sketch multi-task": (SketchAE(image_size=56, bottleneck=64, width=0.5, first_kernel=8, first_stride=2, n_classes=5),
                              objectives.Sketch(mapping=1.0, classification=1.0, encoder_weight_decay=5e-4), sketch),
        "contrastive triplet": (ContrastiveEncoder(image_size=32, embedding=128, width=8),
                                objectives.Contrastive(loss="triplet", transform="recolour"), colour),
        "perceptual VAE": (WorldModelsAE(embedding=64, variational=True),
                           objectives.Perceptual(loss="perceptual", loss_network=AlexNetFeatures()), scenes),
    }


def split(data):
    if isinstance(data, dict):
        half = len(data["x"]) * 3 // 4
        return {k: v[:half] for k, v in data.items()}, {k: v[half:] for k, v in data.items()}
    return data[: len(data) * 3 // 4], data[len(data) * 3 // 4:]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", default="cuda")
    parser.add_argument("--epochs", type=int, default=3)
    args = parser.parse_args()
    print(f"torch {torch.__version__}, device {args.device}"
          + (f" ({torch.cuda.get_device_name()})" if args.device == "cuda" else ""))
    for name, (model, objective, data) in cases(np.random.default_rng(0)).items():
        train, val = split(data)
        start = time.perf_counter()
        history, record = training.fit_and_record(model, train, val, epochs=args.epochs, batch_size=32, lr=1e-3, seed=0,
                                                  device=args.device, objective=objective,
                                                  convergence={"window": 2, "tolerance": 0.02})
        seconds = (time.perf_counter() - start) / args.epochs
        assert next(model.parameters()).device.type == torch.device(args.device).type
        print(f"{name:20s} {seconds:6.2f} s/epoch  best {record['best_val_loss']:.4g} at {record['best_epoch']}, "
              f"trivial {record['trivial_val_loss']:.4g}, collapsed {record['collapsed']}, converged {record['converged']}")


if __name__ == "__main__":
    main()
