"""Bechberger's autoencoder (shape-space parts 8-9): a Sketch-a-Net encoder and an up-convolutional
decoder.

Encoder (Sketch-a-Net as in his code, no batch norm): conv 64@15x15 stride 3 valid, ReLU, maxpool
3/2; conv 128@5x5 valid, ReLU, maxpool 3/2; three conv 256@3x3 same, ReLU; maxpool 3/2 (same);
dense 512 ReLU (dropout optional); a linear bottleneck of b units whose first 4 are the mapping head.
Decoder: dense 512 ReLU, dense 1152 = 3x3x128, then 5x5 transposed convolutions of stride 2 with
ReLU, halving the channels (128, 64, 32, 16, 8), the last to one channel with a sigmoid: 3 -> 7,
then doubling up to the image size S = 7 * 2^n (224 at paper scale: ~1.5 million parameters).
Weights start from He initialisation (biases zero): with PyTorch's default or Keras' Glorot the
ten ReLU layers without batch norm pass almost no input signal at the start (code spread across
inputs ~1e-3, output ~1e-5) and training sits on the blank-image plateau for hundreds of steps.
`width` scales every channel count and the dense 512s (1 = his); `first_kernel`/`first_stride` let a
smaller image keep a similar field of view. A classifier adds a linear softmax head on the bottleneck
(`n_classes` > 0) and may drop the decoder.
"""
import math

import torch
from torch import nn


def conv_size(size, kernel, stride, padding=0):
    return (size + 2 * padding - kernel) // stride + 1


def encoder_grid(image_size, first_kernel, first_stride):
    """Side of the feature map that reaches the dense layer."""
    size = conv_size(image_size, first_kernel, first_stride)
    size = conv_size(size, 3, 2)
    size = conv_size(conv_size(size, 5, 1), 3, 2)
    return math.ceil(size / 2)  # maxpool 3/2 with 'same' padding (Keras)


def decoder_layers(image_size):
    """Number of transposed convolutions from 3x3 to S = 7 * 2^n: 3 -> 7, then n doublings."""
    doublings = math.log2(image_size / 7)
    if image_size < 14 or doublings != int(doublings):
        raise ValueError(f"image_size must be 7 * 2^n with n >= 1 (56, 112, 224), got {image_size}")
    return 1 + int(doublings)


class SketchAE(nn.Module):
    def __init__(self, image_size=224, bottleneck=512, encoder_dropout=0.0, width=1.0, first_kernel=15,
                 first_stride=3, n_classes=0, decoder=True, mapping_dims=4):
        super().__init__()
        c = [max(1, round(n * width)) for n in (64, 128, 256, 512)]
        grid = encoder_grid(image_size, first_kernel, first_stride)
        if grid < 1:
            raise ValueError(f"image_size {image_size} is too small for first_kernel {first_kernel}, "
                             f"first_stride {first_stride}")
        self.mapping_dims = mapping_dims
        self.encoder = nn.Sequential(
            nn.Conv2d(1, c[0], first_kernel, stride=first_stride), nn.ReLU(), nn.MaxPool2d(3, 2),
            nn.Conv2d(c[0], c[1], 5), nn.ReLU(), nn.MaxPool2d(3, 2),
            nn.Conv2d(c[1], c[2], 3, padding=1), nn.ReLU(),
            nn.Conv2d(c[2], c[2], 3, padding=1), nn.ReLU(),
            nn.Conv2d(c[2], c[2], 3, padding=1), nn.ReLU(),
            nn.MaxPool2d(3, 2, padding=1),
            nn.Flatten(),
            nn.Linear(c[2] * grid * grid, c[3]), nn.ReLU(), nn.Dropout(encoder_dropout),
            nn.Linear(c[3], bottleneck),
        )
        self.classifier = nn.Linear(bottleneck, n_classes) if n_classes else None
        self.decoder = self._decoder(image_size, bottleneck, c[3], width) if decoder else None
        for module in self.modules():
            if isinstance(module, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)):
                # fan over a weight's inputs: dim 1 of a conv/dense weight, dim 0 of a transposed conv's
                mode = "fan_out" if isinstance(module, nn.ConvTranspose2d) else "fan_in"
                nn.init.kaiming_normal_(module.weight, mode=mode, nonlinearity="relu")
                nn.init.zeros_(module.bias)

    @staticmethod
    def _decoder(image_size, bottleneck, dense, width):
        n_up = decoder_layers(image_size)
        channels = [max(1, round(128 * width))] + [max(1, round(128 * width / 2**i)) for i in range(n_up - 1)] + [1]
        layers = [nn.Linear(bottleneck, dense), nn.ReLU(), nn.Linear(dense, channels[0] * 9),
                  nn.Unflatten(1, (channels[0], 3, 3))]
        for i, (c_in, c_out) in enumerate(zip(channels[:-1], channels[1:])):
            first = i == 0  # 3 -> 7; then 'same' doublings
            layers.append(nn.ConvTranspose2d(c_in, c_out, 5, stride=2, padding=1 if first else 2,
                                             output_padding=0 if first else 1))
            if i < n_up - 1:
                layers.append(nn.ReLU())
        return nn.Sequential(*layers)

    def encode(self, x):
        return self.encoder(x)

    def mapping(self, z):
        """The mapping head: the first `mapping_dims` bottleneck units."""
        return z[:, : self.mapping_dims]

    def decode_logits(self, z):
        return self.decoder(z)

    def decode(self, z):
        return torch.sigmoid(self.decoder(z))

    def classify(self, z):
        """Class logits."""
        return self.classifier(z)

    def forward(self, x):
        return self.decode(self.encode(x))
