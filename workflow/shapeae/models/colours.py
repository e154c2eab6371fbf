"""The OSU report's networks (section 4.3): a convolutional autoencoder and a contrastive encoder.

ColourAE (4.3.1): five convolutions with a nonlinearity (4x4 of stride 2 until the map is 4x4,
log2(S/4) of them, the rest 3x3 of stride 1), a dense layer to the embedding (M = 128); the decoder
mirrors it: dense to a (S/16 x S/16) map, four 4x4 transposed convolutions of stride 2, the last to
RGB with a sigmoid. What it took to learn the shapes at 32 px on a CPU budget (docs/colours.md): He
initialisation, and optionally batch norm before each nonlinearity and a leaky ReLU; with the plain
network (PyTorch's default init, ReLU) it stays on the background-colour plateau or reconstructs
blobs. ContrastiveEncoder (4.3.2): seven convolutions with ReLU and no final MLP: 3x3 convolutions
of strides 1, 2, 1, 2, 1, 2 (S -> S/8), then one S/8 x S/8 convolution straight to the embedding,
which is L2-normalised (the triplet margin and the InfoNCE temperature are distances on the sphere).
`width` is the first layer's channels; each stride-2 layer doubles them (the autoencoder's up to
8 x width, or its `max_width`: at 32 px its two 3x3 convolutions at 128 channels are 70 % of the
encoder's FLOPs, and 64 halves the encoder's cost).
"""
import math

import torch
from torch import nn
from torch.nn import functional as F


def _check_size(image_size):
    if image_size < 16 or 2 ** int(math.log2(image_size)) != image_size:
        raise ValueError(f"image_size must be a power of two >= 16, got {image_size}")


class ColourAE(nn.Module):
    def __init__(self, image_size=128, embedding=128, width=16, batch_norm=False, leaky_slope=0.0, max_width=None):
        super().__init__()
        _check_size(image_size)
        n_down = int(math.log2(image_size // 4))
        if n_down > 5:
            raise ValueError(f"five layers reach 4x4 from at most 128 px, got {image_size}")

        def activation(channels):
            nonlinearity = nn.LeakyReLU(leaky_slope) if leaky_slope else nn.ReLU()
            return [nn.BatchNorm2d(channels), nonlinearity] if batch_norm else [nonlinearity]

        strides = [2] * n_down + [1] * (5 - n_down)
        # 16, 32, 64, 128, 128 at width 16; max_width caps them (64: 16, 32, 64, 64, 64)
        channels = [3] + [min(width * 2 ** min(i, 3), max_width or width * 8) for i in range(5)]
        layers = []
        for c_in, c_out, stride in zip(channels[:-1], channels[1:], strides):
            layers += [nn.Conv2d(c_in, c_out, 4 if stride == 2 else 3, stride=stride, padding=1), *activation(c_out)]
        self.encoder = nn.Sequential(*layers, nn.Flatten(), nn.Linear(channels[-1] * 16, embedding))
        start = image_size // 16
        up = [width * 8, width * 4, width * 2, width, 3]
        layers = [nn.Linear(embedding, up[0] * start * start), nn.Unflatten(1, (up[0], start, start)),
                  *activation(up[0])]
        for i, (c_in, c_out) in enumerate(zip(up[:-1], up[1:])):
            layers.append(nn.ConvTranspose2d(c_in, c_out, 4, stride=2, padding=1))
            if i < 3:
                layers += activation(c_out)
        self.decoder = nn.Sequential(*layers)
        he_init(self, leaky_slope)

    def encode(self, x):
        return self.encoder(x)

    def decode(self, z):
        return torch.sigmoid(self.decoder(z))

    def forward(self, x):
        return self.decode(self.encode(x))


def he_init(model, leaky_slope=0.0):
    """He (Kaiming) normal weights for the layers' fan-in (a transposed convolution's is dim 0 of its
    weight), zero biases."""
    for module in model.modules():
        if isinstance(module, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)):
            mode = "fan_out" if isinstance(module, nn.ConvTranspose2d) else "fan_in"
            nn.init.kaiming_normal_(module.weight, a=leaky_slope, mode=mode, nonlinearity="leaky_relu")
            nn.init.zeros_(module.bias)


class ContrastiveEncoder(nn.Module):
    decoder = None  # no reconstructions to extract

    def __init__(self, image_size=128, embedding=128, width=16):
        super().__init__()
        _check_size(image_size)
        layers, c_in = [], 3
        for stride in (1, 2, 1, 2, 1, 2):
            c_out = c_in * 2 if stride == 2 else (width if c_in == 3 else c_in)
            layers += [nn.Conv2d(c_in, c_out, 3, stride=stride, padding=1), nn.ReLU()]
            c_in = c_out
        layers += [nn.Conv2d(c_in, embedding, image_size // 8), nn.Flatten()]
        self.encoder = nn.Sequential(*layers)

    def encode(self, x):
        return F.normalize(self.encoder(x), dim=1)

    def forward(self, x):
        return self.encode(x)
