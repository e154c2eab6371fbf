"""Position encoding and decoding networks (Newson et al., section 5; table 1, "Depths (position)").

Encoder: the section-3 architecture in 1-D with every depth 1: L layers of one 3-tap filter with
stride 2 map a signal of length 2^L to one number. With no bias, no non-linearity and every filter
[1, 2, 1] it returns E(x) = 2^L - a for the one-hot at position a (proposition 3, table 2); the
trained network with biases and leaky ReLU is expected to find filters close to [1, 2, 1] (fig. 9),
which `filter_cosines` measures. Decoder (section 5.4): a scalar position to a length-n signal by
stride-2 transposed convolutions of size 3 with depths [1, 2, 4, 4, 4, 8], trained on the
triangular Diracs of eq. (19).
"""
import numpy as np
import torch
from torch import nn

HANDCRAFTED_FILTER = (1.0, 2.0, 1.0)  # eq. (13)


def _down(c_in, c_out, bias):
    # padding 1 with stride 2 centres the filter on the even positions 0, 2, 4, ...: the
    # subsampling convention of section 5, which reproduces table 2
    return nn.Conv1d(c_in, c_out, 3, stride=2, padding=1, bias=bias)


def _up(c_in, c_out, bias):
    return nn.ConvTranspose1d(c_in, c_out, 3, stride=2, padding=1, output_padding=1, bias=bias)


def _stack(channels, layer, bias, slope):
    """Layers between consecutive channel counts, leaky ReLU between them (none after the last)."""
    layers = []
    for i, (c_in, c_out) in enumerate(zip(channels[:-1], channels[1:])):
        layers.append(layer(c_in, c_out, bias))
        if slope is not None and i < len(channels) - 2:
            layers.append(nn.LeakyReLU(slope))
    return nn.Sequential(*layers)


class PositionEncoder(nn.Module):
    """(B, 1, 2^L) -> (B, 1); `leaky_slope=None` makes the whole encoder linear."""

    def __init__(self, n_layers, bias=True, leaky_slope=0.2):
        super().__init__()
        if n_layers < 1:
            raise ValueError(f"n_layers must be at least 1, not {n_layers}")
        self.n = 2**n_layers
        self.layers = _stack([1] * (n_layers + 1), _down, bias, leaky_slope)

    def forward(self, x):
        return self.layers(x).flatten(1)


def handcrafted_encoder(n_layers):
    """The linear network of section 5: no bias, no non-linearity, every filter [1, 2, 1]."""
    encoder = PositionEncoder(n_layers, bias=False, leaky_slope=None)
    with torch.no_grad():
        for conv in _convs(encoder):
            conv.weight.copy_(torch.tensor(HANDCRAFTED_FILTER).view(1, 1, 3))
    return encoder


class PositionAE(nn.Module):
    """The section-3 autoencoder in 1-D with all depths 1: one-hot of length 2^L -> scalar -> back.

    Kept for the record rather than for fig. 9: a one-channel decoder cannot turn one number back
    into a one-hot, and trained on the n one-hots (MSE, Adam) it settles at the constant 1/n
    signal (loss 1/n - 1/n^2), so its encoder filters stay arbitrary. The encoder is better
    studied supervised on the position (`PositionEncoder`).
    """

    def __init__(self, n_layers, bias=True, leaky_slope=0.2):
        super().__init__()
        self.code_size = 1
        self.encoder = PositionEncoder(n_layers, bias, leaky_slope)
        self.decoder = _stack([1] * (n_layers + 1), _up, bias, leaky_slope)

    def encode(self, x):
        return self.encoder(x)

    def decode(self, z):
        return self.decoder(z[:, :, None])

    def forward(self, x):
        return self.decode(self.encode(x))


class PositionDecoder(nn.Module):
    """(B, 1) position code -> (B, 1, n) signal; one stride-2 upsampling per entry of `depths`."""

    def __init__(self, depths=(1, 2, 4, 4, 4, 8), n=64, leaky_slope=0.2):
        super().__init__()
        if 2 ** len(depths) != n:
            raise ValueError(
                f"{len(depths)} stride-2 layers map one position to {2 ** len(depths)} samples, "
                f"not n={n}: give log2(n) depths"
            )
        if depths[0] != 1:
            raise ValueError(f"the position is one number: depths must start at 1, not {depths[0]}")
        self.n = n
        self.layers = _stack(list(depths) + [1], _up, True, leaky_slope)

    def forward(self, z):
        return self.layers(z[:, :, None])


def _convs(encoder):
    return [m for m in encoder.modules() if isinstance(m, nn.Conv1d)]


def layer_filters(encoder):
    """The 3-tap filter of every encoder layer, first layer first, as float64 arrays."""
    return [conv.weight.detach().cpu().double().numpy().reshape(-1) for conv in _convs(encoder)]


def _out_length(conv, in_length):
    (size,), (stride,), (padding,) = conv.kernel_size, conv.stride, conv.padding
    return (in_length + 2 * padding - size) // stride + 1


def data_taps(conv, in_length):
    """Boolean mask of the taps that read at least one input sample (not only zero padding).

    Output t of a strided convolution reads input stride*t - padding + k at tap k. A tap that
    never lands inside the input only multiplies padding: it gets no gradient and keeps its
    initial value, so it says nothing about what the network learned.
    """
    (size,), (stride,), (padding,) = conv.kernel_size, conv.stride, conv.padding
    reads = stride * np.arange(_out_length(conv, in_length))[:, None] - padding + np.arange(size)[None, :]
    return ((reads >= 0) & (reads < in_length)).any(axis=0)


def filter_cosines(encoder, reference=HANDCRAFTED_FILTER):
    """Per layer |cos| between the learned filter and `reference`, on the taps that see data.

    The absolute value because any non-zero multiple of [1, 2, 1] extracts the position
    (end of section 5.2), and a leaky ReLU lets a layer work with a sign flip.
    """
    reference = np.asarray(reference, dtype=np.float64)
    cosines, length = [], encoder.n
    for conv, w in zip(_convs(encoder), layer_filters(encoder)):
        keep = data_taps(conv, length)
        u, v = w[keep], reference[keep]
        cosines.append(abs(u @ v) / (np.linalg.norm(u) * np.linalg.norm(v) + 1e-12))
        length = _out_length(conv, length)
    assert length == 1, "the encoder must end at one number"
    return cosines


def mean_abs_cosine(encoder, reference=HANDCRAFTED_FILTER):
    """The filter-121 statistic: mean over layers of `filter_cosines`."""
    return float(np.mean(filter_cosines(encoder, reference)))
