"""Pihlgren et al.'s pieces: the scene generators, the World-Models AE / VAE, the perceptual loss and
its loss network, and the MLP probe host."""
import colorsys

import numpy as np
import pytest
import torch
from torch.distributions import Normal, kl_divergence

from shapeae import objectives, probes, training
from shapeae.datasets import clutter, lander
from shapeae.models import perceptual


def test_lander_label_is_where_the_lander_is_drawn():
    images, factors = lander.generate(20, 64, seed=3)
    assert images.shape == (20, 3, 64, 64) and images.dtype == np.uint8
    for image, row in zip(images, factors.itertuples()):
        hull = np.all(np.abs(image.astype(int).transpose(1, 2, 0) - lander.HULL) < 40, axis=2)
        ys, xs = np.nonzero(hull)
        # the hull and legs are symmetric about x; in y they reach from the hull's top to the feet
        assert abs(xs.mean() + 0.5 - row.x) < 0.6
        assert row.y - lander.HULL_HEIGHT * 64 / 2 - 1 <= ys.mean() + 0.5 <= row.y + lander.HULL_HEIGHT * 64
        assert row.y + 2.2 * lander.HULL_HEIGHT * 64 / 2 < 64 - row.surface + lander.SURFACE_RANGE[1] * 64


def test_lander_moves_with_its_label():
    """Two scenes that differ only in x: the hull's pixels shift by the difference."""
    rng = np.random.default_rng(0)
    surface = lander.surface_profile(64, 32.0, rng)
    a = lander.render(20.0, 20.0, 32.0, surface, np.zeros((0, 3)), 64)
    b = lander.render(30.0, 20.0, 32.0, surface, np.zeros((0, 3)), 64)
    assert np.array_equal(a[:, 10:30, 10:30], b[:, 10:30, 20:40])


def test_clutter_draws_the_recorded_shape_on_top():
    images, factors = clutter.generate(40, 64, seed=5)
    assert clutter.factor_kinds(factors)[0] == "categorical" and factors["shape"].nunique() == 4
    for image, row in zip(images, factors.itertuples()):
        centre = image[:, int(row.y), int(row.x)] / 255  # inside the shape, drawn over any clutter
        hue = colorsys.rgb_to_hsv(*centre)[0]
        assert min(abs(hue - row.hue), 1 - abs(hue - row.hue)) < 0.02


def test_clutter_shape_area_is_the_circle_area():
    for radius in (7.0, 11.0):
        image = clutter.render("circle", radius, 0, 32, 32, (255, 255, 255), (0, 0, 0), 0, 0, 64)
        assert abs(image[0].sum() / 255 - np.pi * radius**2) < 0.01 * np.pi * radius**2
    with pytest.raises(ValueError, match="size_range"):
        clutter.generate(2, size_range=(0.3, 0.6))


def test_world_models_shapes_and_codes():
    for variational in (False, True):
        model = perceptual.WorldModelsAE(embedding=16, variational=variational)
        x = torch.rand(2, 3, 64, 64)
        assert model.encoder(x).shape == (2, 1024)
        assert model.encode(x).shape == (2, 16)
        assert model(x).shape == (2, 3, 64, 64)
        assert (model.posterior(x)[1] is not None) == variational
    with pytest.raises(ValueError, match="64 px"):
        perceptual.WorldModelsAE(image_size=32)


def test_kl_matches_the_closed_form():
    mu, log_variance = torch.randn(5, 3), torch.randn(5, 3)
    q = Normal(mu, torch.exp(0.5 * log_variance))
    expected = kl_divergence(q, Normal(torch.zeros(5, 3), torch.ones(5, 3))).sum(1)
    assert torch.allclose(perceptual.kl_divergence(mu, log_variance), expected, atol=1e-6)
    assert torch.allclose(perceptual.kl_divergence(torch.zeros(1, 4), torch.zeros(1, 4)), torch.zeros(1))


def test_perceptual_loss_is_zero_for_identical_images_and_positive_otherwise():
    objective = objectives.build({"kind": "perceptual", "loss": "perceptual"}, loss_network=perceptual.AlexNetFeatures())
    x = torch.rand(3, 3, 64, 64)
    assert objective.reconstruction_loss(x, x).item() == 0
    assert objective.reconstruction_loss(torch.rand(3, 3, 64, 64), x).item() > 0
    with pytest.raises(ValueError, match="loss network"):
        objectives.build({"kind": "perceptual", "loss": "perceptual"})


def test_loss_network_is_frozen_while_the_autoencoder_learns():
    torch.manual_seed(0)
    network = perceptual.AlexNetFeatures()
    before = {k: v.clone() for k, v in network.state_dict().items()}
    objective = objectives.build({"kind": "perceptual", "loss": "perceptual", "kl_weight": 0.01}, loss_network=network)
    model = perceptual.WorldModelsAE(embedding=8, variational=True)
    decoder_before = model.decoder[0].weight.clone()
    x = np.random.default_rng(0).random((16, 3, 64, 64), dtype=np.float32)
    training.fit(model, x[:12], x[12:], epochs=2, batch_size=4, lr=1e-3, seed=0, device="cpu", objective=objective)
    assert not torch.equal(model.decoder[0].weight, decoder_before)
    assert all(torch.equal(before[k], v) for k, v in network.state_dict().items())
    assert not network.training and not any(p.requires_grad for p in network.parameters())


def test_imagenet_weights_load_from_a_torchvision_file(tmp_path):
    reference = perceptual.AlexNetFeatures()
    state = {f"features.{i}.{p}": torch.randn_like(getattr(reference.features[i], p)) for i in (0, 3)
             for p in ("weight", "bias")}
    state["classifier.1.weight"] = torch.randn(4, 4)  # the rest of torchvision's file is ignored
    path = tmp_path / "alexnet-owt-7be5be79.pth"
    torch.save(state, path)
    network = perceptual.load_imagenet_alexnet(path)
    assert torch.equal(network.features[3].weight, state["features.3.weight"])
    assert torch.equal(network.features[0].bias, state["features.0.bias"])

    del state["features.3.bias"]
    torch.save(state, path)
    with pytest.raises(ValueError, match="missing"):
        perceptual.load_imagenet_alexnet(path)
    state["features.3.bias"] = torch.zeros(7)
    torch.save(state, path)
    with pytest.raises(ValueError, match="shape"):
        perceptual.load_imagenet_alexnet(path)


def test_mlp_probe_learns_a_nonlinear_target():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(600, 2))
    y = np.c_[np.abs(x[:, 0]), x[:, 1] ** 2]
    fitted = probes.MLPProbe((64, 64), seed=0, max_epochs=300).fit(x[:400], y[:400], x[400:500], y[400:500])
    error = np.abs(fitted.predict(x[500:]) - y[500:]).mean()
    linear = probes.MLPProbe((), seed=0).fit(x[:400], y[:400], x[400:500], y[400:500])
    assert error < 0.5 * np.abs(linear.predict(x[500:]) - y[500:]).mean()


def test_mlp_host_chooses_on_validation_only():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(300, 3))
    labels = (x[:, 0] * x[:, 1] > 0).astype(int)  # XOR: no linear probe separates it
    best, table = probes.mlp_host(x[:200], labels[:200], x[200:], labels[200:], n_classes=2,
                                  hosts=((), (32,)), max_epochs=100)
    assert list(table["hidden"]) == ["[]", "[32]"]
    assert best.hidden == (32,) and table["validation_loss"].iloc[1] < table["validation_loss"].iloc[0]
    # the choice is the validation minimum, whatever the held-out items are
    assert table["validation_loss"].min() == best.validation_loss_
    shuffled = rng.permutation(labels[200:])
    best_shuffled, table_shuffled = probes.mlp_host(x[:200], labels[:200], x[200:], shuffled, n_classes=2,
                                                    hosts=((), (32,)), max_epochs=100)
    assert best_shuffled.validation_loss_ == table_shuffled["validation_loss"].min()
    assert not table_shuffled["validation_loss"].equals(table["validation_loss"])


def test_point_transposed_conv_is_the_transposed_convolution():
    torch.manual_seed(0)
    layer = perceptual.PointTransposedConv(16, 4, 5, stride=2)
    reference = torch.nn.ConvTranspose2d(16, 4, 5, stride=2)
    reference.load_state_dict(layer.state_dict())
    x = torch.randn(3, 16, 1, 1)
    assert torch.allclose(layer(x), reference(x), atol=1e-5)
    y = torch.randn(2, 16, 3, 3)  # any other size takes the convolution itself
    assert torch.equal(layer(y), reference(y))
    layer, reference = layer.to(memory_format=torch.channels_last), reference.to(memory_format=torch.channels_last)
    assert torch.allclose(layer(x), reference(x), atol=1e-5)  # the channels-last weight's copy-free path
