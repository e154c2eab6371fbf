"""How training ended (training.ending, training.Trivial), the training table (convergence.py) and
verdicts that rest only on models that learned (claims.judge)."""
import json

import numpy as np
import pandas as pd
import pytest
import torch
from torch import nn
from torch.nn import functional as F

from shapeae import claims, convergence, objectives, training

CONVERGENCE = {"window": 5, "tolerance": 0.02}


def _history(val_loss):
    return pd.DataFrame({"epoch": np.arange(1, len(val_loss) + 1), "loss": val_loss, "val_loss": val_loss})


class MeanImage(nn.Module):
    """A decoder that has learned nothing: it outputs one learnable image whatever the input."""

    def __init__(self, shape):
        super().__init__()
        self.image = nn.Parameter(torch.zeros(1, *shape))
        self.encoder = nn.Identity()

    def encode(self, x):
        return x.new_zeros(len(x), 1)

    def decode(self, z):
        return self.image.expand(len(z), -1, -1, -1)

    def forward(self, x):
        return self.decode(x)


def test_a_model_that_outputs_the_mean_image_is_collapsed():
    rng = np.random.default_rng(0)
    images = rng.random((60, 1, 8, 8)).astype(np.float32)
    model = MeanImage((1, 8, 8))
    history, record = training.fit_and_record(model, images[:40], images[40:], convergence=CONVERGENCE, epochs=40,
                                              batch_size=10, lr=0.05, seed=0, device="cpu")
    mean_mse = float(np.mean((images[40:] - images[:40].mean(0)) ** 2))
    assert record["trivial_val_loss"] == pytest.approx(mean_mse, rel=1e-5)
    assert record["collapsed"] and record["best_val_loss"] >= 0.95 * mean_mse


def test_a_model_stopped_early_is_converged():
    val_loss = [1.0, 0.5, 0.3, 0.2, 0.21, 0.22, 0.2, 0.25, 0.3, 0.23]  # best at epoch 4, patience 6
    record = training.ending(_history(val_loss), epochs=100, patience=6, trivial_val_loss=1.0, **CONVERGENCE)
    assert record["stopped"] == "early_stopping" and record["best_epoch"] == 4
    assert record["converged"] and not record["collapsed"]


def test_a_loss_still_falling_steeply_at_the_cap_is_not_converged():
    val_loss = list(0.9 ** np.arange(30))  # -10 % an epoch to the last one
    record = training.ending(_history(val_loss), epochs=30, patience=None, trivial_val_loss=2.0, **CONVERGENCE)
    assert record["stopped"] == "epoch_cap" and record["best_epoch"] == 30
    assert record["improvement"] == pytest.approx(1 - 0.9**5) and not record["converged"]


def test_a_loss_that_vanishes_is_converged_however_fast_it_still_halves():
    val_loss = list(341 * 0.5 ** np.arange(30))  # halving every epoch, down to 341 / 2^29
    record = training.ending(_history(val_loss), epochs=30, patience=None, trivial_val_loss=341.0, **CONVERGENCE)
    assert record["improvement"] > 0.9 and record["converged"]  # below 1e-3 of the trivial predictor's
    assert not training.ending(_history(val_loss[:8]), epochs=8, patience=None, trivial_val_loss=341.0,
                               **CONVERGENCE)["converged"]  # 341 / 128 is not negligible


def test_a_flat_curve_at_the_cap_is_converged_and_the_collapse_margin_is_five_percent():
    val_loss = [1.0, 0.6, 0.5] + [0.5 * (1 - 1e-4 * i) for i in range(1, 10)]
    record = training.ending(_history(val_loss), epochs=12, patience=None, trivial_val_loss=0.52, **CONVERGENCE)
    assert record["converged"] and record["collapsed"]  # 0.4995 >= 0.95 * 0.52
    assert not training.ending(_history(val_loss), epochs=12, patience=None, trivial_val_loss=0.53,
                               **CONVERGENCE)["collapsed"]  # 0.4995 < 0.5035


def test_the_trivial_predictor_of_each_objective():
    rng = np.random.default_rng(1)
    x = (rng.random((20, 1, 8, 8)) < 0.9).astype(np.float32)  # line drawings: mostly white
    target = rng.normal(size=(20, 4)).astype(np.float32)
    labelled = (np.arange(20) % 3 == 0).astype(np.float32)
    classes = rng.integers(0, 3, 20)
    train = {"x": x[:14], "target": target[:14], "labelled": labelled[:14], "class": classes[:14]}
    val = {"x": x[14:], "target": target[14:], "labelled": labelled[14:], "class": classes[14:]}
    sketch = objectives.Sketch(noise=0.0, reconstruction=1.0, classification=2.0)
    sketch.prepare(training.to_tensors(train, "cpu"), 0)
    mean = torch.as_tensor(x[:14].mean(0, dtype=np.float64)).float().clamp(1e-6, 1 - 1e-6)
    bce = F.binary_cross_entropy(mean.expand(6, -1, -1, -1), torch.as_tensor(x[14:])).item()
    prior = np.bincount(classes[:14][labelled[:14] == 0], minlength=3) / (labelled[:14] == 0).sum()
    classification = np.mean(-np.log(prior[classes[14:]]) * (1 - labelled[14:]))
    expected = bce + 2.0 * classification
    assert training.trivial_loss(sketch, train, val, 4, "cpu") == pytest.approx(expected, rel=1e-4)
    # a multi-task model is judged on what picks its epoch: the validation mapping loss (the mean
    # squared distance of the labelled items to the training targets' mean)
    multitask = objectives.Sketch(noise=0.0, reconstruction=1.0, mapping=0.5, classification=2.0)
    multitask.prepare(training.to_tensors(train, "cpu"), 0)
    target_mean = target[:14][labelled[:14] == 1].mean(0)
    mapping = ((target[14:] - target_mean) ** 2).sum(1)[labelled[14:] == 1].mean()
    assert training.trivial_loss(multitask, train, val, 4, "cpu") == pytest.approx(mapping, rel=1e-5)

    triplet = objectives.Contrastive(loss="triplet", transform="crop", margin=0.3)
    colour = rng.random((10, 3, 8, 8)).astype(np.float32)
    data = {"x": colour, "colour": np.zeros(10, dtype=np.int64)}
    triplet.prepare(training.to_tensors(data, "cpu"), 0)
    assert training.trivial_loss(triplet, data, data, 5, "cpu") == pytest.approx(0.3)  # a constant code: the margin


def _records(statuses):
    rows = []
    for (variant, fold), status in statuses.items():
        rows.append({"experiment": "disks", "variant": variant, "fold": fold, "status": status,
                     "collapsed": status == "collapsed", "converged": status != "unconverged",
                     "best_val_loss": 0.01, "trivial_val_loss": 0.05, "improvement": 0.2, "window": 10,
                     "epoch_cap": 120})
    return pd.DataFrame(rows)


def test_a_claim_resting_on_a_model_that_did_not_learn_is_inconclusive_and_names_it():
    records = _records({("default", 0): "unconverged", ("default", 1): "learned", ("hole", 0): "learned",
                        ("nobias", 0): "collapsed", ("crop_seed0", 0): "learned", ("crop_seed1", 0): "collapsed"})
    rows = [claims.row(claims.claim("a", "s", "f", "m"), [1.0, 1.0], ">= 0.99", lambda v: v.mean() >= 0.99, ["default"]),
            claims.row(claims.claim("b", "s", "f", "m"), [2.0], ">= 3", lambda v: v.mean() >= 3, ["hole"]),
            claims.row(claims.claim("c", "s", "f", "m"), [0.9], ">= 0.95", lambda v: v.mean() >= 0.95, ["nobias"]),
            claims.row(claims.claim("d", "s", "f", "m"), [], "> 0", None, []),
            claims.row(claims.claim("e", "s", "f", "m"), [0.5], "> 0", lambda v: v.mean() > 0, ["crop"])]
    judged = {r["id"]: r for r in claims.judge(rows, records, "disks")}
    assert judged["a"]["holds"] == "inconclusive" and "default fold 0 unconverged" in judged["a"]["note"]
    assert "says yes" in judged["a"]["note"] and "fold 1" not in judged["a"]["note"]
    assert judged["b"]["holds"] == "no" and judged["b"]["note"] == "rests on 1 models, all learned"
    assert judged["c"]["holds"] == "inconclusive" and "nobias fold 0 collapsed" in judged["c"]["note"]
    assert judged["d"]["holds"] == "not measured"
    assert judged["e"]["holds"] == "inconclusive" and "crop_seed1 fold 0 collapsed" in judged["e"]["note"]  # seed copies
    with pytest.raises(ValueError, match="claim f: no training record of its variants 'gone'"):
        claims.judge([claims.row(claims.claim("f", "s", "f", "m"), [1.0], "> 0", lambda v: True, ["gone"])], records, "disks")
    assert list(claims.table(list(judged.values())).columns) == claims.COLUMNS


def test_training_table_reads_every_kind_of_model_path(tmp_path):
    record = training.ending(_history([1.0, 0.5, 0.4]), epochs=3, patience=None, trivial_val_loss=1.0, **CONVERGENCE)
    paths = ["models/disks/default/fold2/model.json", "models/positions/encoder/regression/repeat1/model.json",
             "models/perceptual/loss_network/model.json", "models/perceptual/lander_ae/fold0/pixel_decoder.json"]
    for path in paths:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(json.dumps({"architecture": "x", "training": record}))
    table = convergence.table([tmp_path / p for p in paths])
    keys = set(zip(table["experiment"], table["variant"], table["fold"]))
    assert keys == {("disks", "default", 2), ("positions", "encoder_regression", 1), ("perceptual", "loss_network", -1),
                    ("perceptual", "lander_ae_pixel_decoder", 0)}
    assert (table["status"] == "unconverged").all()  # 20 % better over its last epochs
    assert table.set_index("variant").loc["lander_ae_pixel_decoder", "history"].endswith("pixel_decoder_history.csv")
    status = convergence.encoder_status(table)
    assert status[("disks", "default")] == "unconverged: fold 2"


def test_a_model_without_a_record_is_named(tmp_path):
    path = tmp_path / "models/disks/default/fold0/model.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"architecture": "disk_ae"}))
    with pytest.raises(ValueError, match=f"{path}: no record of how training ended"):
        convergence.record_row(path)


def test_saved_record_does_not_reach_the_model_constructor(tmp_path):
    from shapeae.models import DiskAE

    model = DiskAE()
    record = training.ending(_history([1.0, 0.5]), epochs=2, patience=None, trivial_val_loss=1.0, **CONVERGENCE)
    training.save(model, {"architecture": "disk_ae"}, tmp_path / "model.pt", record)
    assert json.loads((tmp_path / "model.json").read_text())["training"]["best_epoch"] == 2
    assert isinstance(training.load(tmp_path / "model.pt"), DiskAE)


def test_scorecard_heatmap_hatches_the_encoders_that_did_not_learn():
    from shapeae import plots, scorecard

    summary = pd.DataFrame({"experiment": "disks", "variant": ["good", "good", "bad", "bad"],
                            "factor": ["radius", "area"] * 2, "probe": "linear", "metric": "r2",
                            "mean": [0.9, 0.8, 0.2, 0.1], "std": 0.0, "n_folds": 2})
    training = {"good": "learned", "bad": "unconverged: fold 0"}
    figure = plots.scorecard_heatmap(scorecard.best_probe(summary), training)
    ax = figure.axes[0]
    hatched = [patch for patch in ax.patches if patch.get_hatch() == "///"]
    labels = [label.get_text() for label in ax.get_yticklabels()]
    assert len(hatched) == 1 and hatched[0].get_y() == labels.index("bad\n(unconverged: fold 0)")
    assert "good" in labels and ax.get_legend() is not None


def test_an_ill_posed_measure_is_inconclusive_whatever_the_models_did():
    records = _records({("best", 0): "learned", ("best", 1): "learned", ("default", 0): "collapsed"})
    ill = claims.row(claims.claim("g", "s", "f", "m"), [0.3, 0.2], "> 0.05", lambda v: v.mean() > 0.05, ["best"])
    ill["ill_posed"] = "the linear probe is underdetermined (n <= d)"
    both = claims.row(claims.claim("h", "s", "f", "m"), [0.3], "> 0.05", lambda v: v.mean() > 0.05, ["default"])
    both["ill_posed"] = "the linear probe is underdetermined (n <= d)"
    fine = claims.row(claims.claim("i", "s", "f", "m"), [0.3], "> 0.05", lambda v: v.mean() > 0.05, ["best"])
    fine["ill_posed"] = ""
    judged = {r["id"]: r for r in claims.judge([ill, both, fine], records, "disks")}
    assert judged["g"]["holds"] == "inconclusive"
    assert judged["g"]["note"] == "the value alone says yes, but the linear probe is underdetermined (n <= d)"
    assert judged["h"]["holds"] == "inconclusive" and "underdetermined" in judged["h"]["note"]
    assert "default fold 0 collapsed" in judged["h"]["note"]
    assert judged["i"]["holds"] == "yes" and "ill_posed" not in judged["i"]
    assert list(claims.table(list(judged.values())).columns) == claims.COLUMNS
