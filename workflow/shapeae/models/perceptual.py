"""Pihlgren et al.'s networks: the World-Models autoencoder / VAE and the AlexNet loss network.

WorldModelsAE (their code): encoder conv 3 -> 32 -> 64 -> 128 -> 256, kernel 4, stride 2, batch norm
+ ReLU (64 px -> 2 x 2 x 256 = 1024); mu and log-variance Linear(1024, z); decoder Linear(z, 1024) +
ReLU as a 1 x 1 x 1024 map, transposed convolutions to 128 (k5), 64 (k5), 32 (k6), 3 (k6), stride 2,
ReLU between, sigmoid out (1 -> 5 -> 13 -> 30 -> 64 px; the first, on a 1 x 1 map, is computed as
the matrix product it is: PointTransposedConv). `variational`: training samples
z = mu + sigma * eps and the objective adds the KL term; codes (encode) are mu either way.

AlexNetFeatures: torchvision's AlexNet `features[:5]` (conv 11x11/4 -> ReLU -> max-pool -> conv 5x5
-> ReLU, "after the second ReLU"), the same layers and parameter names, so torchvision's ImageNet
weights file loads into it; inputs are normalised with ImageNet's mean and std. As a trainable
classifier (`n_classes`) it adds a global average pool and a linear head: the AlexNet-style network
the pipeline trains when no ImageNet weights are given.
"""
import torch
from torch import nn
from torch.nn import functional as F

IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)


class WorldModelsAE(nn.Module):
    def __init__(self, image_size=64, embedding=64, variational=False):
        super().__init__()
        if image_size != 64:
            raise ValueError(f"the World-Models network takes 64 px images, got image_size {image_size}")
        layers, c_in = [], 3
        for c_out in (32, 64, 128, 256):
            layers += [nn.Conv2d(c_in, c_out, 4, stride=2), nn.BatchNorm2d(c_out), nn.ReLU()]
            c_in = c_out
        self.encoder = nn.Sequential(*layers, nn.Flatten())
        self.mu = nn.Linear(1024, embedding)
        self.log_variance = nn.Linear(1024, embedding) if variational else None
        self.decoder = nn.Sequential(
            nn.Linear(embedding, 1024), nn.ReLU(), nn.Unflatten(1, (1024, 1, 1)),
            PointTransposedConv(1024, 128, 5, stride=2), nn.ReLU(),
            nn.ConvTranspose2d(128, 64, 5, stride=2), nn.ReLU(),
            nn.ConvTranspose2d(64, 32, 6, stride=2), nn.ReLU(),
            nn.ConvTranspose2d(32, 3, 6, stride=2),
        )

    @property
    def variational(self):
        return self.log_variance is not None

    def posterior(self, x):
        """(mu, log-variance or None)."""
        h = self.encoder(x)
        return self.mu(h), (self.log_variance(h) if self.variational else None)

    def encode(self, x):
        return self.posterior(x)[0]

    def decode(self, z):
        return torch.sigmoid(self.decoder(z))

    def forward(self, x):
        return self.decode(self.encode(x))


class PointTransposedConv(nn.ConvTranspose2d):
    """A transposed convolution whose input is a 1 x 1 map, computed as the matrix product it is
    (out[b, o, i, j] = sum_c x[b, c] W[c, o, i, j] + bias[o]): the same parameters and result, but
    oneDNN's transposed-convolution kernels took 40 % of the autoencoder's training step on this
    one layer (8 GFLOP/s forward, worse backward)."""

    def forward(self, x):
        if x.shape[-2:] != (1, 1):
            return super().forward(x)
        x = x.flatten(1)
        w = self.weight.permute(0, 2, 3, 1)  # (C, kh, kw, O): a view without copying when channels-last
        if w.is_contiguous():
            out = (x @ w.reshape(len(w), -1)).view(len(x), *self.kernel_size, self.out_channels).permute(0, 3, 1, 2)
        else:
            out = (x @ self.weight.flatten(1)).view(len(x), self.out_channels, *self.kernel_size)
        return out + self.bias.view(1, -1, 1, 1)


def kl_divergence(mu, log_variance):
    """KL(N(mu, sigma^2) || N(0, 1)) per item, summed over the code: 0.5 sum(mu^2 + sigma^2 - log sigma^2 - 1)."""
    return 0.5 * (mu.pow(2) + log_variance.exp() - log_variance - 1).sum(dim=1)


class AlexNetFeatures(nn.Module):
    def __init__(self, n_classes=None, weights="untrained"):
        super().__init__()
        self.weights = weights  # provenance, saved in the spec: which loss network a score came from
        self.features = nn.Sequential(
            nn.Conv2d(3, 64, 11, stride=4, padding=2), nn.ReLU(inplace=True),
            nn.MaxPool2d(3, stride=2),
            nn.Conv2d(64, 192, 5, padding=2), nn.ReLU(inplace=True),
        )
        self.head = nn.Linear(192, n_classes) if n_classes else None
        self.register_buffer("mean", torch.tensor(IMAGENET_MEAN).view(1, 3, 1, 1))
        self.register_buffer("std", torch.tensor(IMAGENET_STD).view(1, 3, 1, 1))

    def forward(self, x):
        """Feature maps after the second ReLU of images x in [0, 1]."""
        return self.features((x - self.mean) / self.std)

    def classify(self, x):
        return self.head(F.adaptive_avg_pool2d(self(x), 1).flatten(1))


def load_imagenet_alexnet(path):
    """AlexNetFeatures with the first five layers of a torchvision AlexNet weights file
    (keys features.0.* and features.3.*; the rest of the file is ignored)."""
    state = torch.load(path, map_location="cpu", weights_only=True)
    wanted = ["features.0.weight", "features.0.bias", "features.3.weight", "features.3.bias"]
    missing = [key for key in wanted if key not in state]
    if missing:
        raise ValueError(f"{path}: not a torchvision AlexNet state_dict (missing {missing})")
    network = AlexNetFeatures(weights=f"ImageNet ({path})")
    expected = network.state_dict()
    for key in wanted:
        if state[key].shape != expected[key].shape:
            raise ValueError(f"{path}: {key} has shape {tuple(state[key].shape)}, AlexNet's is {tuple(expected[key].shape)}")
    network.load_state_dict({key: state[key] for key in wanted}, strict=False)
    return network
