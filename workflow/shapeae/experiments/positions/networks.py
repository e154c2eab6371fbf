"""Training and scoring of the position networks (Newson et al., section 5).

Encoder (fig. 9): the n one-hots as one full batch; either regression of the position n - a
(proposition 3's output) or the section-3 autoencoder's reconstruction. Decoder (fig. 10): a fresh
batch of positions every step (continuous, or integer only), MSE to the triangular Dirac, Adam with
a cosine-annealed learning rate.
"""
import logging

import numpy as np
import pandas as pd
import torch

from ... import optim
from ...datasets import positions as signals
from ...models import positions as nets

log = logging.getLogger(__name__)


def _adam_loop(model, steps, lr, batch, validation, cosine=False, log_every=100):
    """Run `steps` Adam steps of the loss `batch(step)` returns; history of every log_every-th step:
    that step's training loss and the loss on a fixed validation set, `validation()`."""
    optimiser = optim.Adam(model.parameters(), lr=lr)
    schedule = optim.CosineAnnealing(optimiser, steps) if cosine else None
    rows = []
    for step in range(1, steps + 1):
        optimiser.zero_grad(set_to_none=True)
        loss = batch(step)
        loss.backward()
        optimiser.step()
        if schedule is not None:
            schedule.step()
        if step % log_every == 0 or step == steps:
            with torch.no_grad():
                rows.append({"step": step, "loss": loss.item(), "val_loss": validation().item()})
            log.info("step %d loss %.6g val_loss %.6g", step, rows[-1]["loss"], rows[-1]["val_loss"])
    return pd.DataFrame(rows)


def constant_mse(targets):
    """The loss of the trivial predictor: the MSE of the targets' mean against the targets."""
    targets = torch.as_tensor(targets)
    return float(torch.mean((targets - targets.mean(0, keepdim=True)) ** 2))


def train_encoder(model, objective, steps, lr, n):
    """objective 'regression' (PositionEncoder -> n - a) or 'autoencoder' (PositionAE -> one-hot);
    the history and the trivial predictor's loss. The n one-hots are the whole training set, so the
    full-batch loss is also the loss judged."""
    x = torch.from_numpy(signals.one_hots(n))
    if objective == "regression":
        target = torch.from_numpy(signals.encoder_targets(n))
    elif objective == "autoencoder":
        target = x
    else:
        raise ValueError(f"encoder objective must be 'regression' or 'autoencoder', got {objective!r}")

    def loss(step=None):
        return torch.mean((model(x) - target) ** 2)

    return _adam_loop(model, steps, lr, loss, loss), constant_mse(target)


def train_decoder(model, continuous, steps, lr, batch_size, n, seed, validation_size=1024):
    """The history and the trivial predictor's loss (the mean signal). A fresh batch of positions
    every step; the loss judged is on `validation_size` positions drawn once, from the same
    distribution (continuous, or integers only)."""
    rng = np.random.default_rng(seed)
    held = signals.decoder_positions(validation_size, n, continuous, np.random.default_rng([seed, 1]))
    held_codes, held_signals = torch.from_numpy(signals.position_codes(held, n)), torch.from_numpy(signals.triangular_diracs(held, n))

    def batch(step):
        a = signals.decoder_positions(batch_size, n, continuous, rng)
        z = torch.from_numpy(signals.position_codes(a, n))
        return torch.mean((model(z) - torch.from_numpy(signals.triangular_diracs(a, n))) ** 2)

    def validation():
        return torch.mean((model(held_codes) - held_signals) ** 2)

    return _adam_loop(model, steps, lr, batch, validation, cosine=True), constant_mse(held_signals)


def encoder_of(model):
    return model.encoder if isinstance(model, nets.PositionAE) else model


def encoder_scores(model):
    """Rows (probe, target, metric, value): |cosine| of each layer's filter with [1, 2, 1], their mean."""
    cosines = nets.filter_cosines(encoder_of(model))
    rows = [("filters", f"layer{i + 1}", "abs_cosine_121", float(c)) for i, c in enumerate(cosines)]
    return rows + [("filters", "all_layers", "mean_abs_cosine_121", float(np.mean(cosines)))]


@torch.no_grad()
def decoder_scores(model, n):
    """Relative squared error ||y_hat - y||^2 / ||y||^2 at integer positions (the only ones the
    integer-only decoder saw) and at half-integers (seen by neither), and the position error (px)
    of the output's centroid near its peak at half-integers."""
    rows = []
    for name, a in [("integer", np.arange(n, dtype=np.float64)), ("half_integer", np.arange(n - 1) + 0.5)]:
        y = model(torch.from_numpy(signals.position_codes(a, n)))[:, 0].numpy()
        target = signals.triangular_diracs(a, n)[:, 0]
        relerr = np.sum((y - target) ** 2, axis=1) / np.sum(target**2, axis=1)
        rows.append(("decoder", f"signal_{name}", "relative_error", float(relerr.mean())))
        rows.append(("decoder", f"position_{name}", "abs_error_px", float(np.mean(np.abs(peak_centroid(y) - a)))))
    return rows


def peak_centroid(signals_, half_width=2):
    """Position estimate of each signal: centroid of its positive part within +-half_width of the argmax."""
    t = np.arange(signals_.shape[1])
    peak = signals_.argmax(axis=1)[:, None]
    weights = np.where(np.abs(t[None, :] - peak) <= half_width, np.clip(signals_, 0, None), 0.0)
    total = weights.sum(axis=1)
    return np.where(total > 0, (weights * t).sum(axis=1) / np.where(total > 0, total, 1), peak[:, 0])


def handcrafted_check(max_layers=7):
    """Proposition 3 for the hand-crafted [1, 2, 1] network: max |E(x) - (2^L - a)| over all one-hots."""
    rows = []
    for n_layers in range(1, max_layers + 1):
        n = 2**n_layers
        out = nets.handcrafted_encoder(n_layers)(torch.from_numpy(signals.one_hots(n)))[:, 0].detach().numpy()
        rows.append({"n_layers": n_layers, "n": n,
                     "max_abs_error": float(np.max(np.abs(out - (n - np.arange(n)))))})
    return pd.DataFrame(rows)


def model_spec(part, model, variant, n):
    """The hyperparameters saved beside a position network's weights (models.build reads them)."""
    if part == "decoder":
        return {"architecture": "position_decoder", "depths": model["depths"], "n": n,
                "leaky_slope": model["leaky_slope"]}
    architecture = "position_encoder" if variant["objective"] == "regression" else "position_ae"
    return {"architecture": architecture, "n_layers": n.bit_length() - 1, **model}


def fit(part, model, variant, n, seed, convergence):
    """Train one position network as its config says; the history of its loss and how training
    ended (training.ending over the logged steps' validation loss)."""
    from ... import training

    if part == "encoder":
        history, trivial = train_encoder(model, variant["objective"], variant["steps"], variant["lr"], n)
    else:
        history, trivial = train_decoder(model, variant["continuous"], variant["steps"], variant["lr"],
                                         variant["batch_size"], n, seed)
    record = training.ending(history, epochs=variant["steps"], patience=None, trivial_val_loss=trivial,
                             epoch="step", **convergence)
    log.info("training ended: %s", record)
    return history, record
