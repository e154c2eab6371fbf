import numpy as np
import pytest
import torch

from shapeae import models
from shapeae.datasets import positions as signals
from shapeae.experiments.positions import networks


class PerfectDecoder(torch.nn.Module):
    """Outputs the exact triangular Dirac for each code (inverting position_codes)."""

    def __init__(self, n):
        super().__init__()
        self.n = n

    def forward(self, z):
        half = (self.n - 1) / 2
        a = z[:, 0].numpy() * half + half
        return torch.from_numpy(signals.triangular_diracs(a, self.n))


def test_decoder_scores_of_a_perfect_decoder_are_zero():
    rows = {target: value for _, target, _, value in networks.decoder_scores(PerfectDecoder(16), 16)}
    assert rows["signal_integer"] == pytest.approx(0, abs=1e-6)
    assert rows["signal_half_integer"] == pytest.approx(0, abs=1e-6)
    assert rows["position_half_integer"] == pytest.approx(0, abs=1e-5)


def test_peak_centroid_by_hand():
    y = np.array([[0, 0.25, 0.75, 0, 0], [0, 0, 0, 0, 1.0]])
    # (1 * 0.25 + 2 * 0.75) / 1.0 = 1.75; a lone peak sits at its index
    np.testing.assert_allclose(networks.peak_centroid(y), [1.75, 4.0])


def test_handcrafted_network_meets_proposition_3_exactly():
    table = networks.handcrafted_check(max_layers=5)
    assert (table["max_abs_error"] == 0).all() and table["n"].tolist() == [2, 4, 8, 16, 32]


def test_regression_encoder_training_lowers_the_loss_and_scores_filters():
    torch.manual_seed(0)
    spec = networks.model_spec("encoder", {"bias": True, "leaky_slope": 0.2}, {"objective": "regression"}, 16)
    assert spec == {"architecture": "position_encoder", "n_layers": 4, "bias": True, "leaky_slope": 0.2}
    model = models.build(spec)
    history, _ = networks.train_encoder(model, "regression", steps=200, lr=0.01, n=16)
    assert history["loss"].iloc[-1] < history["loss"].iloc[0]
    rows = networks.encoder_scores(model)
    assert [r[1] for r in rows] == ["layer1", "layer2", "layer3", "layer4", "all_layers"]
    assert 0 <= rows[-1][3] <= 1


def test_autoencoder_objective_and_decoder_spec():
    spec = networks.model_spec("encoder", {"bias": True, "leaky_slope": 0.2}, {"objective": "autoencoder"}, 8)
    assert spec["architecture"] == "position_ae"
    decoder = models.build(networks.model_spec("decoder", {"depths": [1, 2, 4], "leaky_slope": 0.2}, {}, 8))
    history, trivial = networks.train_decoder(decoder, True, steps=10, lr=0.01, batch_size=8, n=8, seed=0)
    assert history["step"].tolist() == [10] and history["val_loss"].iloc[0] > 0
    held = signals.triangular_diracs(signals.decoder_positions(1024, 8, True, np.random.default_rng([0, 1])), 8)
    assert trivial == pytest.approx(float(np.mean((held - held.mean(0)) ** 2)), rel=1e-5)  # the mean signal's MSE
    with pytest.raises(ValueError, match="objective"):
        networks.train_encoder(models.build(spec), "classify", 1, 0.01, 8)
