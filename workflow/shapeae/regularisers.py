"""Training objectives of the disk autoencoder with the regularisers of Newson et al. section 4.4.1.

    psi1(x, x') = (||x - x'||^2 - ||E(x) - E(x')||^2)^2   latent locality, x' a random neighbour of x
    psi2        = sum of squared weights of encoder and decoder
    psi3        = sum of squared weights of the encoder only

The paper adds lambda * psi to the per-image sum of squared errors (eq. 1). We log and optimise the
per-pixel mean instead, so the penalty enters as lambda / n_pixels * psi: the same objective up to a
constant factor, which Adam's updates do not see, and lambda keeps the paper's meaning
(normalisation "per_image", the default). The authors' released code (geometric_autoencoder_keras.py)
instead adds Keras l2(lambda), lambda * psi, to the mean over batch and pixels: normalisation
"per_pixel", n_pixels (4096 at 64 x 64) times stronger at the same lambda. The paper does not say
which its figures used, so both can be run.
Biases are not penalised (the paper's psi2/psi3 sum the filters w only).
"""
import torch
from torch import nn

KINDS = ("none", "latent_locality", "weight_decay_all", "weight_decay_encoder")
NORMALISATIONS = ("per_image", "per_pixel")


def squared_weights(module):
    return sum(m.weight.pow(2).sum() for m in module.modules()
               if isinstance(m, (nn.Conv1d, nn.Conv2d, nn.ConvTranspose1d, nn.ConvTranspose2d, nn.Linear)))


def latent_locality(x, x_neighbour, z, z_neighbour):
    """psi1 averaged over the pairs of a batch."""
    image_distance = (x - x_neighbour).flatten(1).pow(2).sum(1)
    code_distance = (z - z_neighbour).flatten(1).pow(2).sum(1)
    return (image_distance - code_distance).pow(2).mean()


class Objective:
    """Reconstruction MSE plus lambda / n_pixels (per_image) or lambda (per_pixel) times one of psi1..psi3."""

    def __init__(self, kind="none", weight=0.0, neighbours=5, normalisation="per_image"):
        if kind not in KINDS:
            raise ValueError(f"regularisation kind must be one of {KINDS}, got {kind!r}")
        if normalisation not in NORMALISATIONS:
            raise ValueError(f"regularisation normalisation must be one of {NORMALISATIONS}, got {normalisation!r}")
        self.kind, self.weight, self.neighbours = kind, float(weight), int(neighbours)
        self.per_pixel = normalisation == "per_pixel"
        self.needs_neighbours = kind == "latent_locality" and self.weight > 0

    def __call__(self, model, x, x_neighbour=None):
        z = model.encode(x)
        loss = torch.mean((model.decode(z) - x) ** 2)
        if self.kind == "none" or self.weight == 0:
            return loss
        if self.kind == "latent_locality":
            penalty = latent_locality(x, x_neighbour, z, model.encode(x_neighbour))
        elif self.kind == "weight_decay_all":
            penalty = squared_weights(model.encoder) + squared_weights(model.decoder)
        else:
            penalty = squared_weights(model.encoder)
        return loss + self.weight / (1 if self.per_pixel else x[0].numel()) * penalty


def nearest_neighbours(x, k):
    """(N, k) indices of each item's k nearest other items in squared L2 pixel distance."""
    flat = torch.as_tensor(x).flatten(1).double()
    distance = torch.cdist(flat, flat)
    distance.fill_diagonal_(float("inf"))
    return distance.topk(k, largest=False).indices
