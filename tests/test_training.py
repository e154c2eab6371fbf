import numpy as np
import pytest
import torch

from shapeae import models, seeding, training
from shapeae.datasets import as_float, disks

SPEC = {"architecture": "disk_ae", "depths": [1, 8, 4, 4, 3, 2, 1], "bias": True, "leaky_slope": 0.2}


def _data():
    images, _ = disks.generate(60, 64, 32.0, 1.0, 16, seed=0)
    x = as_float(images)
    return x[:40], x[40:]


def _train(seed=5, epochs=4):
    torch.set_num_threads(1)
    seeding.seed_everything(seed)
    model = models.build(SPEC)
    train, val = _data()
    history = training.fit(model, train, val, epochs=epochs, batch_size=10, lr=1e-3, seed=seed, device="cpu")
    return model, history


def test_fit_logs_every_epoch_and_keeps_best_validation_weights():
    model, history = _train()
    assert list(history.columns) == ["epoch", "loss", "val_loss", "seconds"]
    assert history["epoch"].tolist() == [1, 2, 3, 4]
    assert history["loss"].iloc[-1] < history["loss"].iloc[0]
    _, val = _data()
    restored = training.evaluate(model, training.to_device(val, "cpu"), training.mse_loss, 100)
    assert restored == np.float64(history["val_loss"].min()) or abs(restored - history["val_loss"].min()) < 1e-7


def test_same_seed_same_weights():
    a, _ = _train(seed=9, epochs=2)
    b, _ = _train(seed=9, epochs=2)
    for (name, pa), pb in zip(a.state_dict().items(), b.state_dict().values()):
        assert torch.equal(pa, pb), name


def test_save_load_round_trip(tmp_path):
    model, _ = _train(epochs=1)
    path = tmp_path / "model.pt"
    training.save(model, SPEC, path)
    assert (tmp_path / "model.json").exists()
    loaded = training.load(path)
    x = torch.rand(3, 1, 64, 64)
    torch.testing.assert_close(loaded(x), model.eval()(x))


def test_encode_decode_shapes():
    model = models.build(SPEC)
    codes, recon = training.encode_decode(model, np.random.rand(7, 1, 64, 64).astype(np.float32), batch_size=3)
    assert codes.shape == (7, 1) and recon.shape == (7, 1, 64, 64)
    assert codes.dtype == np.float32


def test_derived_seeds_differ_by_part_and_are_stable():
    assert seeding.derive_seed(1, "disks", "default", 0) == seeding.derive_seed(1, "disks", "default", 0)
    assert seeding.derive_seed(1, "disks", "default", 0) != seeding.derive_seed(1, "disks", "default", 1)
    assert 0 <= seeding.derive_seed(123, "x") < 2**31


def test_learning_rate_schedules():
    from shapeae import optim, training

    def rates(schedule, steps=10):
        optimiser = optim.Adam([torch.nn.Parameter(torch.zeros(1))], lr=1e-3)
        scheduler = training.learning_rate_schedule(optimiser, schedule, steps)
        seen = []
        for _ in range(steps):
            seen.append(optimiser.lr)
            optimiser.step()
            scheduler.step()
        return seen + [optimiser.lr]

    assert rates("constant") == [1e-3] * 11
    cosine = rates("cosine")
    assert cosine[0] == 1e-3 and cosine[5] == pytest.approx(0.5e-3) and cosine[-1] == pytest.approx(0, abs=1e-12)
    with pytest.raises(ValueError, match="schedule"):
        rates("linear")


class ScriptedMappingObjective:
    """Reconstruction MSE in training; its validation mapping loss is read from a script, and the
    weights at every validation are kept, so a test can tell which epoch fit restored."""

    monitor = "val_mapping_loss"

    def __init__(self, mapping_losses):
        self.mapping_losses, self.snapshots = list(mapping_losses), []

    def prepare(self, train, seed):
        pass

    def training_loss(self, model, batch, generator=None):
        return training.mse_loss(model, batch["x"])

    def validation_loss(self, model, batch):
        return training.mse_loss(model, batch["x"])

    def validation_metrics(self, model, val, batch_size):
        self.snapshots.append({k: v.clone() for k, v in model.state_dict().items()})
        return {"val_mapping_loss": self.mapping_losses[len(self.snapshots) - 1]}


@pytest.mark.parametrize("patience, epochs_run", [(None, 5), (2, 4)])
def test_a_multitask_checkpoint_is_the_epoch_of_the_lowest_validation_mapping_loss(patience, epochs_run):
    torch.set_num_threads(1)
    seeding.seed_everything(0)
    model = models.build(SPEC)
    train, val = _data()
    objective = ScriptedMappingObjective([0.5, 0.3, 0.4, 0.35, 0.6])  # best at epoch 2, whatever val_loss does
    history = training.fit(model, train, val, epochs=5, batch_size=10, lr=1e-3, seed=0, device="cpu",
                           objective=objective, patience=patience)
    assert list(history.columns) == ["epoch", "loss", "val_loss", "val_mapping_loss", "seconds"]
    assert len(history) == epochs_run  # patience 2: epochs 3 and 4 bring nothing better than epoch 2
    assert history["val_loss"].idxmin() != 1  # the total validation loss alone would pick another epoch
    for name, value in model.state_dict().items():
        assert torch.equal(value, objective.snapshots[1][name]), name
    record = training.ending(history, epochs=5, patience=patience, trivial_val_loss=1.0, window=2, tolerance=0.02,
                             loss=training.monitored(objective))
    assert record["monitor"] == "val_mapping_loss" and record["best_epoch"] == 2
    assert record["best_val_loss"] == 0.3 and not record["collapsed"]
