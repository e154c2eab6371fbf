"""Coloured shapes (OSU report): the generator, the positives' transforms, both contrastive losses,
the networks, the k-NN probe and the experiment's claims."""
import numpy as np
import pandas as pd
import pytest
import torch
from sklearn.neighbors import KNeighborsClassifier

from shapeae import augment, config_checks, flops, objectives, probes, scores
from shapeae.datasets import colours as data
from shapeae.experiments import colours
from shapeae.models.colours import ColourAE, ContrastiveEncoder


@pytest.fixture(scope="module")
def dataset():
    return data.generate(200, 32, size_range=(0.15, 0.4), seed=3)


def test_factors_are_recorded_with_their_kinds(dataset):
    images, factors = dataset
    assert images.shape == (200, 3, 32, 32) and images.dtype == np.uint8
    assert list(factors.columns) == ["shape", "colour", "size", "orientation", "x", "y"]
    assert data.factor_kinds(factors) == ["categorical", "categorical"] + ["continuous"] * 4
    assert set(factors["shape"]) == {0, 1, 2, 3} and set(factors["colour"]) == set(range(len(data.COLOURS)))


def test_the_mean_colour_of_a_shapes_pixels_is_its_colour(dataset):
    images, factors = dataset
    palette = data.palette_array()
    for image, colour in zip(images, factors["colour"].to_numpy(int)):
        covered = image.max(axis=0) == 255  # pixels the shape covers fully
        assert covered.sum() > 0
        assert np.allclose(image[:, covered].mean(axis=1) / 255, palette[colour], atol=1 / 255)
        assert (image[:, image.max(axis=0) == 0] == 0).all()  # black background


def test_pixel_area_grows_with_size():
    areas = [data.coverage(shape, size, 10.0, 32, 32, 64).sum() for shape in data.SHAPES for size in (6, 10, 14, 18)]
    for shape_areas in np.reshape(areas, (len(data.SHAPES), 4)):
        assert (np.diff(shape_areas) > 0).all()
    # a circle's covered area is pi r^2 to within the anti-aliased edge
    assert data.coverage("circle", 12, 0, 32, 32, 64).sum() == pytest.approx(np.pi * 144, rel=0.01)


def test_the_recorded_position_is_where_the_shape_is_drawn(dataset):
    images, factors = dataset
    alpha = images.max(axis=1).astype(float)
    grid = np.arange(32) + 0.5  # pixel centres
    centroid_x = (alpha * grid[None, None, :]).sum((1, 2)) / alpha.sum((1, 2))
    centroid_y = (alpha * grid[None, :, None]).sum((1, 2)) / alpha.sum((1, 2))
    # each shape is symmetric about its centre, so its centroid is the recorded position
    assert np.abs(centroid_x - factors["x"]).max() < 0.3 and np.abs(centroid_y - factors["y"]).max() < 0.3


def test_orientation_stays_within_one_symmetry_period(dataset):
    _, factors = dataset
    for index, shape in enumerate(data.SHAPES):
        angles = factors.loc[factors["shape"] == index, "orientation"]
        period = 360 / data.SYMMETRY[shape] if data.SYMMETRY[shape] else 0
        assert angles.between(0, period).all() and (period == 0 or angles.max() > period / 2)
    # a square turned by its period draws the same image: the period is all there is
    assert np.allclose(data.coverage("square", 10, 20, 32, 32, 64), data.coverage("square", 10, 110, 32, 32, 64), atol=0.02)
    target = data.orientation_target(factors)
    assert np.isnan(target[factors["shape"] == 0]).all() and not np.isnan(target[factors["shape"] > 0]).any()


def test_generator_rejects_sizes_that_do_not_fit():
    with pytest.raises(ValueError, match="size_range"):
        data.generate(4, 32, size_range=(0.3, 0.6))


def _direction(x):
    """Each pixel's colour divided by its largest channel (its hue), where the shape covers at least a
    quarter of it (the uint8 rounding of fainter edge pixels blurs their hue)."""
    peak = x.amax(dim=1, keepdim=True)
    return x / peak.clamp_min(1e-6), peak[:, 0] > 0.25


def test_a_crop_keeps_the_colour_and_changes_the_picture(dataset):
    images, factors = dataset
    x = torch.as_tensor(images[:16] / 255.0, dtype=torch.float32)
    cropped = augment.crop(x, torch.Generator().manual_seed(0), scale_min=0.5)
    palette = torch.as_tensor(data.palette_array())
    hue, shape_pixels = _direction(cropped)
    for i, colour in enumerate(factors["colour"].to_numpy(int)[:16]):
        expected = (palette[colour] / palette[colour].max())[:, None]
        assert torch.allclose(hue[i][:, shape_pixels[i]], expected, atol=0.01)
    assert (cropped - x).abs().amax(dim=(1, 2, 3)).min() > 0.1


def test_a_recolour_keeps_the_mask_and_changes_the_colour(dataset):
    images, factors = dataset
    x = torch.as_tensor(images[:32] / 255.0, dtype=torch.float32)
    colour = torch.as_tensor(factors["colour"].to_numpy(np.int64)[:32])
    palette = torch.as_tensor(data.palette_array())
    recoloured = augment.recolour(x, colour, palette, torch.Generator().manual_seed(0))
    assert torch.allclose(recoloured.amax(dim=1), x.amax(dim=1), atol=1e-6)  # same coverage
    hue, shape_pixels = _direction(recoloured)
    for i in range(32):
        new = hue[i][:, shape_pixels[i]].mean(dim=1)
        matches = [j for j in range(len(palette)) if torch.allclose(new, palette[j] / palette[j].max(), atol=1e-4)]
        assert len(matches) == 1 and matches[0] != int(colour[i])


def test_triplet_loss_by_hand():
    z = torch.tensor([[0.0, 0.0], [1.0, 0.0]])
    positive = torch.tensor([[0.0, 0.1], [1.0, 0.5]])
    negative = torch.tensor([[0.0, 1.0], [1.0, 0.6]])
    # item 0: max(0.1 - 1.0 + 0.3, 0) = 0; item 1: max(0.5 - 0.6 + 0.3, 0) = 0.2
    assert objectives.triplet_loss(z, positive, negative, 0.3).item() == pytest.approx(0.1)


def test_info_nce_by_hand():
    z = torch.tensor([[1.0, 0.0], [0.0, 1.0]])
    positive = torch.tensor([[0.6, 0.8], [0.0, 2.0]])
    views = torch.nn.functional.normalize(torch.cat([z, positive]), dim=1).numpy()
    total = 0.0
    for i, partner in enumerate([2, 3, 0, 1]):
        logits = {j: views[i] @ views[j] / 0.5 for j in range(4) if j != i}
        total -= logits[partner] - np.log(sum(np.exp(v) for v in logits.values()))
    assert objectives.info_nce_loss(z, positive, 0.5).item() == pytest.approx(total / 4, rel=1e-5)


@pytest.mark.parametrize("loss", ["triplet", "infonce"])
@pytest.mark.parametrize("transform", ["crop", "recolour"])
def test_contrastive_objective_trains_and_validates_the_same_way_each_time(dataset, loss, transform):
    images, factors = dataset
    objective = objectives.build({"kind": "contrastive", "loss": loss, "transform": transform})
    batch = {k: torch.as_tensor(v) for k, v in objective.data(images, factors, np.arange(16)).items()}
    objective.prepare(batch, seed=0)
    model = ContrastiveEncoder(32, embedding=8, width=4)
    objective.training_loss(model, batch).backward()
    assert all(p.grad is not None and torch.isfinite(p.grad).all() for p in model.parameters())
    values = []
    for _ in range(2):
        objective.start_validation()
        values.append(objective.validation_loss(model, batch).item())
    assert values[0] == values[1] > 0


@pytest.mark.parametrize("size, batch_norm", [(16, True), (32, False), (64, True), (128, False)])
def test_networks_match_the_report(size, batch_norm):
    ae = ColourAE(size, embedding=128, width=8, batch_norm=batch_norm, leaky_slope=0.2 if batch_norm else 0.0)
    encoder = ContrastiveEncoder(size, embedding=32, width=8)
    x = torch.rand(2, 3, size, size)
    assert ae(x).shape == x.shape and ae.encode(x).shape == (2, 128)
    assert ((ae(x) > 0) & (ae(x) < 1)).all()
    assert sum(isinstance(m, torch.nn.Conv2d) for m in ae.encoder.modules()) == 5
    assert sum(isinstance(m, torch.nn.ConvTranspose2d) for m in ae.decoder.modules()) == 4
    assert sum(isinstance(m, torch.nn.BatchNorm2d) for m in ae.modules()) == (9 if batch_norm else 0)
    assert sum(isinstance(m, torch.nn.Conv2d) for m in encoder.modules()) == 7
    assert not any(isinstance(m, torch.nn.Linear) for m in encoder.modules())  # no final MLP
    assert torch.allclose(encoder(x).norm(dim=1), torch.ones(2))
    assert flops.forward_flops(encoder, (3, size, size)) > 0


def test_knn_probe_matches_a_brute_force_vote():
    rng = np.random.default_rng(0)
    train_x, test_x = rng.normal(size=(60, 3)), rng.normal(size=(25, 3))
    train_y, test_y = rng.integers(3, size=60), rng.integers(3, size=25)
    table = probes.classification_scores(train_x, train_y, test_x, test_y, k=5).set_index("probe")["value"]
    distances = ((test_x[:, None] - train_x[None]) ** 2).sum(-1)
    votes = train_y[np.argsort(distances, axis=1)[:, :5]]
    predicted = [np.bincount(v, minlength=3).argmax() for v in votes]  # ties to the lowest label, as sklearn
    assert table["knn"] == pytest.approx(np.mean(np.array(predicted) == test_y))
    assert table["knn"] == pytest.approx(KNeighborsClassifier(5).fit(train_x, train_y).score(test_x, test_y))
    majority = np.bincount(train_y).argmax()
    assert table["majority"] == pytest.approx(np.mean(test_y == majority))


def test_seed_replicates_become_variants():
    config = {"experiments": {"colours": {"variants": {"ae": {"model": 1}, "crop": {"model": 2, "seeds": 3}}}},
              "positions": {}}
    config_checks.expand_seeds(config)
    assert list(config["experiments"]["colours"]["variants"]) == ["ae", "crop_seed0", "crop_seed1", "crop_seed2"]
    assert config["experiments"]["colours"]["variants"]["crop_seed2"] == {"model": 2}
    assert colours.base_variant("crop_seed2") == "crop" and colours.base_variant("ae") == "ae"


VARIANTS = {
    "autoencoder": {"model": {"architecture": "colour_ae"}},
    "crop_seed0": {"objective": {"kind": "contrastive", "loss": "triplet", "transform": "crop"}},
    "crop_seed1": {"objective": {"kind": "contrastive", "loss": "triplet", "transform": "crop"}},
    "recolour": {"objective": {"kind": "contrastive", "loss": "triplet", "transform": "recolour"}},
    "nce": {"objective": {"kind": "contrastive", "loss": "infonce", "transform": "crop"}},
}


def _scores(values):
    rows = [{"experiment": "colours", "variant": v, "fold": 0, "probe": p, "target": t, "metric": m, "value": x}
            for (v, p, t, m), x in values.items()]
    return pd.DataFrame(rows, columns=scores.COLUMNS)


def test_claims_pool_seeds_and_apply_the_design_thresholds():
    assert colours.roles(VARIANTS) == {"autoencoder": ["autoencoder"], "triplet_crop": ["crop"],
                                       "triplet_recolour": ["recolour"], "infonce_crop": ["nce"]}
    scores = _scores({("autoencoder", "reconstruction", "image", "mse"): 0.0015,
                      ("crop_seed0", "knn", "colour", "accuracy"): 0.95, ("crop_seed1", "knn", "colour", "accuracy"): 0.83,
                      ("recolour", "knn", "shape", "accuracy"): 0.93, ("recolour", "knn", "colour", "accuracy"): 0.6,
                      ("recolour", "majority", "shape", "accuracy"): 0.25, ("recolour", "majority", "colour", "accuracy"): 0.13,
                      ("crop_seed0", "knn", "shape", "accuracy"): 0.4, ("crop_seed1", "knn", "shape", "accuracy"): 0.5})
    rows = {r["id"]: r for r in colours.claims(scores, VARIANTS)}
    assert list(rows) == colours.CLAIM_IDS
    assert rows["ae-mse"]["holds"] == "yes" and rows["ae-mse"]["source_value"] == 0.00027
    assert rows["crop-colour"]["value"] == pytest.approx(0.89) and rows["crop-colour"]["n"] == 2
    assert rows["crop-colour"]["holds"] == "no"  # the mean over seeds, 0.89 < 0.9
    assert rows["recolour-shape"]["holds"] == "no"  # shape 0.93 but colour 0.6 > majority 0.13 + 0.1
    assert rows["recolour-shape"]["variants"] == "recolour;crop"
    assert colours.claims(_scores({}), {})[0]["holds"] == "not measured"


@pytest.mark.parametrize("shape, colour, crop_shape, holds", [
    (0.60, 0.13, 0.40, "yes"),  # the report's picture: shape well above chance and the crop encoder, colour at chance
    (0.60, 0.24, 0.40, "no"),   # colour 0.24 > 0.13 + 0.1
    (0.45, 0.13, 0.40, "no"),   # shape 0.45 < 2 x 0.25
    (0.60, 0.13, 0.65, "no"),   # the crop encoder knows shape better
])
def test_recolour_shape_against_the_majority_baselines_and_the_crop_encoder(shape, colour, crop_shape, holds):
    scores = _scores({("recolour", "knn", "shape", "accuracy"): shape, ("recolour", "knn", "colour", "accuracy"): colour,
                      ("recolour", "majority", "shape", "accuracy"): 0.25,
                      ("recolour", "majority", "colour", "accuracy"): 0.13,
                      ("crop_seed0", "knn", "shape", "accuracy"): crop_shape})
    row = {r["id"]: r for r in colours.claims(scores, VARIANTS)}["recolour-shape"]
    assert row["holds"] == holds and row["value"] == pytest.approx(shape)
    assert colours.claims(_scores({}), {})[0]["holds"] == "not measured"
