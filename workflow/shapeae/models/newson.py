"""The disk autoencoder of Newson et al. (section 3, figure 1, table 1).

Encoder: 3x3 convolutions with stride 2, one per halving of the image (64 -> 1 in six layers),
depths 1-8-4-4-3-2-1, leaky ReLU (alpha = 0.2) between layers, so the code is a d-dimensional
vector with d = the last depth. Decoder: the mirror image, each layer a zero-padding upsampling by 2
followed by a 3x3 convolution (a stride-2 transposed convolution). The code and the output are
linear; `bias=False` gives the ablation of section 4.3, where D(lambda z) = lambda D(z) for
lambda > 0 (proposition 1).
"""
import math

from torch import nn


def _stack(depths, layer, bias, slope):
    layers = []
    for i, (c_in, c_out) in enumerate(zip(depths[:-1], depths[1:])):
        layers.append(layer(c_in, c_out, bias))
        if i < len(depths) - 2:
            layers.append(nn.LeakyReLU(slope))
    return nn.Sequential(*layers)


def _down(c_in, c_out, bias):
    return nn.Conv2d(c_in, c_out, 3, stride=2, padding=1, bias=bias)


def _up(c_in, c_out, bias):
    return nn.ConvTranspose2d(c_in, c_out, 3, stride=2, padding=1, output_padding=1, bias=bias)


class DiskAE(nn.Module):
    def __init__(self, image_size=64, depths=(1, 8, 4, 4, 3, 2, 1), bias=True, leaky_slope=0.2):
        super().__init__()
        n_layers = len(depths) - 1
        if image_size != 2**n_layers:
            raise ValueError(
                f"{n_layers} stride-2 layers map {2**n_layers} px to one code pixel, "
                f"not image_size={image_size}: give log2(image_size) + 1 depths"
            )
        self.code_size = depths[-1]
        self.encoder = _stack(list(depths), _down, bias, leaky_slope)
        self.decoder = _stack(list(reversed(depths)), _up, bias, leaky_slope)

    def encode(self, x):
        return self.encoder(x).flatten(1)

    def decode(self, z):
        return self.decoder(z[:, :, None, None])

    def forward(self, x):
        return self.decode(self.encode(x))


def flops_per_image(model, image_size):
    """Multiply-adds x 2 of one forward pass (convolutions only: they are nearly all the work)."""
    total, size = 0, image_size
    for conv in (m for m in model.encoder if isinstance(m, nn.Conv2d)):
        size //= 2
        total += size * size * conv.in_channels * conv.out_channels * 9
    for deconv in (m for m in model.decoder if isinstance(m, nn.ConvTranspose2d)):
        # each input pixel scatters a 3x3 kernel: in_pixels * c_in * c_out * 9 multiply-adds
        total += size * size * deconv.in_channels * deconv.out_channels * 9
        size *= 2
    assert size == image_size and math.log2(image_size).is_integer()
    return 2 * total
