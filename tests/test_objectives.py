import numpy as np
import pandas as pd
import pytest
import torch
from torch.nn import functional as F

from shapeae import objectives, regularisers
from shapeae.models import sketchanet


def test_salt_and_pepper_replaces_the_given_share_with_zeros_and_ones_equally():
    x = torch.full((200, 1, 50, 50), 0.5)
    noisy = objectives.salt_and_pepper(x, 0.1, torch.Generator().manual_seed(0))
    changed = noisy != 0.5
    assert changed.float().mean().item() == pytest.approx(0.1, abs=0.002)
    assert set(noisy[changed].unique().tolist()) == {0.0, 1.0}
    assert (noisy[changed] == 1).float().mean().item() == pytest.approx(0.5, abs=0.01)
    assert objectives.salt_and_pepper(x, 0.0) is x


def model_and_batch():
    torch.manual_seed(0)
    model = sketchanet.SketchAE(56, bottleneck=16, width=0.25, first_kernel=8, first_stride=2, n_classes=3)
    batch = {"x": torch.rand(6, 1, 56, 56).round(), "target": torch.randn(6, 4),
             "labelled": torch.tensor([1, 1, 0, 0, 1, 0.0]), "class": torch.tensor([0, 1, 2, 0, 1, 2])}
    return model.eval(), batch


def test_sketch_validation_loss_is_bce_plus_weighted_mapping_and_classification_by_hand():
    model, batch = model_and_batch()
    z = model.encode(batch["x"])
    bce = F.binary_cross_entropy(model.decode(z), batch["x"])
    sse = ((z[:, :4] - batch["target"]) ** 2).sum(1)
    mapping = (sse * batch["labelled"]).sum() / 6  # averaged over the batch, unlabelled weigh 0
    ce = F.cross_entropy(model.classify(z), batch["class"], reduction="none")
    classification = (ce * (1 - batch["labelled"])).sum() / 6
    objective = objectives.Sketch(noise=0.1, reconstruction=1.0, mapping=0.5, classification=2.0)
    expected = bce + 0.5 * mapping + 2.0 * classification
    assert objective.validation_loss(model, batch).item() == pytest.approx(expected.item(), rel=1e-5)


def test_sketch_training_loss_adds_encoder_weight_decay_and_sees_noisy_inputs_only():
    model, batch = model_and_batch()
    plain = objectives.Sketch(noise=0.0)
    plain.prepare(batch, seed=0)
    decayed = objectives.Sketch(noise=0.0, encoder_weight_decay=5e-4)
    decayed.prepare(batch, seed=0)
    penalty = 5e-4 * regularisers.squared_weights(model.encoder)
    gap = decayed.training_loss(model, batch) - plain.training_loss(model, batch)
    assert gap.item() == pytest.approx(penalty.item(), rel=1e-4)
    noisy = objectives.Sketch(noise=0.3)
    noisy.prepare(batch, seed=0)
    x_in = objectives.salt_and_pepper(batch["x"], 0.3, torch.Generator().manual_seed(0))
    assert noisy.training_loss(model, batch).item() == noisy.terms(model, batch, x_in).item()
    assert not torch.equal(x_in, batch["x"])


def test_sketch_data_takes_targets_masks_and_classes_from_the_factor_table():
    factors = pd.DataFrame({"labelled": [1, 0], "class": [2, 1], "space_1": [0.5, np.nan], "space_2": [-1.0, np.nan]})
    images = np.full((2, 4, 4), 255, np.uint8)
    data = objectives.Sketch.data(images, factors, np.array([1, 0]))
    np.testing.assert_array_equal(data["target"], [[0, 0], [0.5, -1.0]])
    np.testing.assert_array_equal(data["labelled"], [0, 1])
    np.testing.assert_array_equal(data["class"], [1, 2])
    assert data["x"].shape == (2, 1, 4, 4) and data["x"].max() == 1


def test_unknown_objective_is_refused():
    with pytest.raises(ValueError, match="unknown objective kind"):
        objectives.build({"kind": "adversarial"})


def test_sketch_validation_metrics_by_hand_and_what_it_monitors():
    model, batch = model_and_batch()
    z = model.encode(batch["x"])
    sse = ((z[:, :4] - batch["target"]) ** 2).sum(1)
    labelled = batch["labelled"].bool()
    hits = (model.classify(z).argmax(1) == batch["class"])[~labelled]
    objective = objectives.Sketch(mapping=0.5, classification=1.0)
    metrics = objective.validation_metrics(model, batch, batch_size=4)  # two batches, summed across
    assert metrics["val_mapping_loss"] == pytest.approx(sse[labelled].mean().item(), rel=1e-5)  # his val_mapping_loss
    assert metrics["val_accuracy"] == pytest.approx(hits.float().mean().item())
    assert objective.monitor == "val_mapping_loss"
    assert objectives.Sketch().monitor == "val_loss" and objectives.Sketch().validation_metrics(model, batch, 4) == {}
