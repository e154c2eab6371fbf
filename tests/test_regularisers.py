import pytest
import torch

from shapeae import models, objectives, regularisers, training
from shapeae.datasets import as_float, disks

SPEC = {"architecture": "disk_ae", "depths": [1, 8, 4, 4, 3, 2, 1], "bias": True, "leaky_slope": 0.2}


def test_latent_locality_by_hand():
    x = torch.tensor([[[[1.0, 0.0]]], [[[0.0, 0.0]]]])
    x_neighbour = torch.tensor([[[[0.0, 0.0]]], [[[0.0, 2.0]]]])
    z, z_neighbour = torch.tensor([[1.0], [0.0]]), torch.tensor([[3.0], [1.0]])
    # image distances 1 and 4, code distances 4 and 1: psi1 = ((1 - 4)^2 + (4 - 1)^2) / 2 = 9
    assert regularisers.latent_locality(x, x_neighbour, z, z_neighbour).item() == pytest.approx(9.0)


def _with_unit_weights(value=1.0):
    model = models.build(SPEC)
    with torch.no_grad():
        for p in model.parameters():
            p.fill_(value)
    return model


def test_squared_weights_count_filters_not_biases():
    model = _with_unit_weights()
    encoder_taps = 9 * (1 * 8 + 8 * 4 + 4 * 4 + 4 * 3 + 3 * 2 + 2 * 1)
    assert regularisers.squared_weights(model.encoder).item() == encoder_taps
    assert regularisers.squared_weights(model.decoder).item() == encoder_taps  # mirrored


@pytest.mark.parametrize("kind, encoder_only", [("weight_decay_encoder", True), ("weight_decay_all", False)])
def test_weight_decay_adds_lambda_per_pixel_times_psi(kind, encoder_only):
    model = _with_unit_weights(0.1).double()  # small weights keep the MSE near 1: the difference shows
    x = torch.rand(2, 1, 64, 64, dtype=torch.float64)
    plain = regularisers.Objective()(model, x)
    penalised = regularisers.Objective(kind, weight=10.0)(model, x)
    psi = regularisers.squared_weights(model.encoder) * (1 if encoder_only else 2)
    assert psi.item() == pytest.approx(0.01 * 684 * (1 if encoder_only else 2))
    assert (penalised - plain).item() == pytest.approx(10.0 / 4096 * psi.item(), rel=1e-5)


def test_per_pixel_normalisation_is_keras_l2_on_the_mean_squared_error():
    """The authors' code: mean over batch and pixels of the squared error + lambda * psi3."""
    model = _with_unit_weights(0.1).double()
    x = torch.rand(2, 1, 64, 64, dtype=torch.float64)
    mse = torch.mean((model.decode(model.encode(x)) - x) ** 2).item()
    keras = regularisers.Objective("weight_decay_encoder", weight=0.5, normalisation="per_pixel")(model, x).item()
    assert keras == pytest.approx(mse + 0.5 * 0.01 * 684, rel=1e-6)
    with pytest.raises(ValueError, match="'per_batch'"):
        regularisers.Objective("weight_decay_encoder", 1.0, normalisation="per_batch")


def test_unknown_kind_is_named():
    with pytest.raises(ValueError, match="'l1'"):
        regularisers.Objective("l1", 1.0)


def test_nearest_neighbours_on_a_line():
    x = torch.tensor([0.0, 1.0, 3.0, 7.0]).reshape(4, 1, 1, 1)
    assert regularisers.nearest_neighbours(x, 1).flatten().tolist() == [1, 0, 1, 2]
    assert regularisers.nearest_neighbours(x, 2)[3].tolist() == [2, 1]


def test_fit_with_latent_locality_trains():
    torch.manual_seed(0)
    images, _ = disks.generate(40, 64, 32.0, 1.0, 8, seed=1)
    x = as_float(images)
    model = models.build(SPEC)
    history = training.fit(model, x[:30], x[30:], epochs=3, batch_size=10, lr=1e-3, seed=0, device="cpu",
                           objective=objectives.Newson("latent_locality", 1.0, neighbours=3))
    assert len(history) == 3 and history["loss"].notna().all()
