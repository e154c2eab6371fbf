import numpy as np
import pytest
import torch

from shapeae.datasets.positions import (
    decoder_positions,
    encoder_targets,
    one_hots,
    position_codes,
    triangular_diracs,
)
from shapeae.models.positions import (
    PositionAE,
    PositionDecoder,
    PositionEncoder,
    data_taps,
    filter_cosines,
    handcrafted_encoder,
    layer_filters,
    mean_abs_cosine,
)

# Newson et al., table 2: u1, u2, u3 for the one-hot at a = 0..7
TABLE_2 = [
    ([2, 0, 0, 0], [4, 0], [8]),
    ([1, 1, 0, 0], [3, 1], [7]),
    ([0, 2, 0, 0], [2, 2], [6]),
    ([0, 1, 1, 0], [1, 3], [5]),
    ([0, 0, 2, 0], [0, 4], [4]),
    ([0, 0, 1, 1], [0, 3], [3]),
    ([0, 0, 0, 2], [0, 2], [2]),
    ([0, 0, 0, 1], [0, 1], [1]),
]


def _set_filters(encoder, taps):
    with torch.no_grad():
        for w in (m.weight for m in encoder.modules() if isinstance(m, torch.nn.Conv1d)):
            w.copy_(torch.tensor(taps, dtype=torch.float32).view(1, 1, 3))
    return encoder


@torch.no_grad()
def test_handcrafted_layers_reproduce_table_2_for_every_one_hot_of_length_8():
    encoder = handcrafted_encoder(3)
    assert len(encoder.layers) == 3  # linear: convolutions only, so each module is one u^(l)
    h = torch.from_numpy(one_hots(8))
    outputs = []
    for layer in encoder.layers:
        h = layer(h)
        outputs.append(h[:, 0].tolist())
    for a, expected in enumerate(TABLE_2):
        assert [u[a] for u in outputs] == [list(map(float, u)) for u in expected]


@pytest.mark.parametrize("n_layers", range(1, 8))
@torch.no_grad()
def test_handcrafted_encoder_returns_2_to_the_L_minus_position(n_layers):
    # proposition 3 / eq. (15), exactly: small integers are exact in float32
    n = 2**n_layers
    code = handcrafted_encoder(n_layers)(torch.from_numpy(one_hots(n)))
    assert code.shape == (n, 1)
    assert code[:, 0].tolist() == [float(n - a) for a in range(n)]
    assert np.array_equal(code.numpy(), encoder_targets(n))


def test_handcrafted_encoder_has_no_bias_and_no_nonlinearity():
    encoder = handcrafted_encoder(4)
    assert [name for name, _ in encoder.named_parameters()] == [f"layers.{i}.weight" for i in range(4)]
    assert [w.tolist() for w in layer_filters(encoder)] == [[1.0, 2.0, 1.0]] * 4


def test_handcrafted_filters_have_mean_abs_cosine_one_even_negated():
    assert mean_abs_cosine(handcrafted_encoder(6)) == pytest.approx(1.0, abs=1e-12)
    # any non-zero multiple extracts the position (section 5.2), so the sign must not count
    negated = _set_filters(handcrafted_encoder(6), [-3, -6, -3])
    assert mean_abs_cosine(negated) == pytest.approx(1.0, abs=1e-12)


def test_odd_filter_scores_by_hand():
    # [1, 0, -1] is orthogonal to [1, 2, 1]; in the last layer only taps [0, -1] see data:
    # |0*2 - 1*1| / (1 * sqrt(5))
    encoder = _set_filters(PositionEncoder(3), [1, 0, -1])
    assert filter_cosines(encoder) == pytest.approx([0.0, 0.0, 1 / np.sqrt(5)], abs=1e-12)
    assert mean_abs_cosine(encoder) == pytest.approx(1 / (3 * np.sqrt(5)), abs=1e-12)


def test_random_filters_score_below_one():
    torch.manual_seed(0)
    assert mean_abs_cosine(PositionEncoder(6)) < 0.9


def test_taps_that_only_see_padding_are_found_from_the_lengths():
    conv = torch.nn.Conv1d(1, 1, 3, stride=2, padding=1)
    # length 2 -> 1: the one output reads inputs -1, 0, 1; -1 is padding
    assert data_taps(conv, 2).tolist() == [False, True, True]
    # length 1 -> 1: inputs -1, 0, 1; only the centre is data
    assert data_taps(conv, 1).tolist() == [False, True, False]
    # length 4 -> 2: outputs read -1, 0, 1 and 1, 2, 3: every tap sees data somewhere
    assert data_taps(conv, 4).tolist() == [True, True, True]


def test_padding_only_tap_is_left_out_of_the_cosine():
    # one layer, length 2 -> 1: the tap at offset -1 (here 5) never sees data, so [_, 2, 1]
    # matches [1, 2, 1] exactly; counted, it would give 10 / sqrt(30 * 6) = 0.745
    encoder = _set_filters(PositionEncoder(1), [5, 2, 1])
    assert filter_cosines(encoder) == pytest.approx([1.0], abs=1e-12)
    encoder = _set_filters(PositionEncoder(2), [5, 2, 1])
    assert filter_cosines(encoder) == pytest.approx([10 / np.sqrt(180), 1.0], abs=1e-12)


def test_encoder_maps_length_2_to_the_L_to_one_number():
    encoder = PositionEncoder(6)
    assert encoder(torch.rand(5, 1, 64)).shape == (5, 1)
    convs = [m for m in encoder.layers if isinstance(m, torch.nn.Conv1d)]
    assert len(convs) == 6 and all(c.in_channels == c.out_channels == 1 for c in convs)
    slopes = [m.negative_slope for m in encoder.layers if isinstance(m, torch.nn.LeakyReLU)]
    assert slopes == [0.2] * 5  # between layers only: the code is linear
    assert not any(isinstance(m, torch.nn.LeakyReLU) for m in PositionEncoder(6, leaky_slope=None).modules())


def test_autoencoder_round_trip_shapes():
    model = PositionAE(6)
    x = torch.from_numpy(one_hots(64))
    assert model.encode(x).shape == (64, 1)
    assert model(x).shape == x.shape
    deconvs = [m for m in model.decoder if isinstance(m, torch.nn.ConvTranspose1d)]
    assert len(deconvs) == 6 and all(d.in_channels == d.out_channels == 1 for d in deconvs)


def test_decoder_maps_one_number_to_64_samples_with_depths_1_2_4_4_4_8():
    decoder = PositionDecoder()
    assert decoder(torch.rand(7, 1)).shape == (7, 1, 64)
    deconvs = [m for m in decoder.layers if isinstance(m, torch.nn.ConvTranspose1d)]
    assert [d.in_channels for d in deconvs] == [1, 2, 4, 4, 4, 8]
    assert [d.out_channels for d in deconvs] == [2, 4, 4, 4, 8, 1]
    assert all(d.kernel_size == (3,) and d.stride == (2,) and d.bias is not None for d in deconvs)
    assert sum(isinstance(m, torch.nn.LeakyReLU) for m in decoder.layers) == 5


def test_decoder_depths_must_match_the_signal_length():
    with pytest.raises(ValueError, match="log2"):
        PositionDecoder(depths=(1, 2, 4, 4, 4), n=64)
    with pytest.raises(ValueError, match="start at 1"):
        PositionDecoder(depths=(2, 2, 4, 4, 4, 8), n=64)
    assert PositionDecoder(depths=(1, 2, 4), n=8)(torch.zeros(2, 1)).shape == (2, 1, 8)


def test_triangular_dirac_values_by_hand():
    y = triangular_diracs([2.25], n=8)
    assert y.shape == (1, 1, 8) and y.dtype == np.float32
    assert y[0, 0].tolist() == [0, 0, 0.75, 0.25, 0, 0, 0, 0]
    assert triangular_diracs([6.5], n=8)[0, 0].tolist() == [0, 0, 0, 0, 0, 0, 0.5, 0.5]


def test_integer_positions_give_the_one_hots():
    assert np.array_equal(triangular_diracs(np.arange(16), n=16), one_hots(16))
    assert one_hots(4).shape == (4, 1, 4) and one_hots(4).dtype == np.float32


def test_decoder_positions_continuous_or_integer():
    cont = decoder_positions(5000, 64, True, np.random.default_rng(0))
    assert cont.min() >= 0 and cont.max() <= 63 and np.mean(cont != np.round(cont)) == 1.0
    ints = decoder_positions(5000, 64, False, np.random.default_rng(0))
    assert np.array_equal(np.unique(ints), np.arange(64))


def test_position_codes_span_minus_one_to_one():
    codes = position_codes([0, 31.5, 63], 64)
    assert codes.shape == (3, 1) and codes.dtype == np.float32
    assert codes[:, 0].tolist() == [-1.0, 0.0, 1.0]
