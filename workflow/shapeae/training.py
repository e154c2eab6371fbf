"""The training loop shared by every autoencoder: Adam, mini-batches, best-validation checkpoint,
and the record of how training ended (DESIGN.md, "Verdicts rest on trained models")."""
import copy
import json
import logging
import time

import numpy as np
import pandas as pd
import torch

from . import optim

log = logging.getLogger(__name__)


def to_device(x, device):
    # channels-last halves the step time of these narrow convolutions on CPU
    return torch.as_tensor(x).to(device).contiguous(memory_format=torch.channels_last)


def to_tensors(data, device):
    """Per-item arrays as tensors on `device`: images (4-D) channels-last. `data` is an image array
    or a dict of per-item arrays with the images under "x"."""
    if not isinstance(data, dict):
        data = {"x": data}
    return {name: to_device(v, device) if np.ndim(v) == 4 else torch.as_tensor(v).to(device)
            for name, v in data.items()}


def mse_loss(model, x):
    return torch.mean((model(x) - x) ** 2)


@torch.no_grad()
def evaluate(model, data, loss_fn, batch_size):
    """Mean of loss_fn(model, batch) over the items of `data` (a tensor or a dict of tensors)."""
    model.eval()
    n = len(data["x"]) if isinstance(data, dict) else len(data)
    total = 0.0
    for i in range(0, n, batch_size):
        batch = ({k: v[i : i + batch_size] for k, v in data.items()} if isinstance(data, dict)
                 else data[i : i + batch_size])
        size = len(batch["x"]) if isinstance(batch, dict) else len(batch)
        total += loss_fn(model, batch).item() * size
    return total / n


def fit(model, train, val, *, epochs, batch_size, lr, seed, device, objective=None, patience=None,
        schedule="constant"):
    """Train `model` in place; return the history and leave the best-validation weights loaded.

    train, val: image arrays, or dicts of per-item arrays with the images under "x" (what the
    objective needs: targets, classes, masks). `objective` (default: Newson's plain reconstruction
    MSE) is one of objectives.KINDS. One log line and one history row per epoch: training objective
    (mean over batches), validation loss, the objective's own validation metrics (if it has
    `validation_metrics`), seconds. The objective's `monitor` column (default val_loss) picks the
    best epoch; with `patience`, training stops after that many epochs without a better one (his
    early stopping).
    `schedule`: "constant" learning rate, or "cosine" annealing from lr to 0 over all the steps.
    """
    from . import objectives

    objective = objective or objectives.build()
    model.to(device).to(memory_format=torch.channels_last)
    train, val = to_tensors(train, device), to_tensors(val, device)
    objective.prepare(train, seed)
    optimiser = adam(model, lr)
    steps = epochs * -(-len(train["x"]) // batch_size)
    scheduler = learning_rate_schedule(optimiser, schedule, steps)
    order = torch.Generator().manual_seed(seed)
    monitor = monitored(objective)
    best = (float("inf"), None, 0)
    rows = []
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        model.train()
        batch_losses = []
        for batch in torch.randperm(len(train["x"]), generator=order).split(batch_size):
            index = batch.to(device)
            items = {name: v[index] for name, v in train.items()}
            items["index"] = batch
            optimiser.zero_grad(set_to_none=True)
            loss = objective.training_loss(model, items, order)
            loss.backward()
            optimiser.step()
            scheduler.step()
            batch_losses.append(loss.detach())
        if hasattr(objective, "start_validation"):  # validation transforms drawn the same every epoch
            objective.start_validation()
        row = {"epoch": epoch, "loss": torch.stack(batch_losses).mean().item(),
               "val_loss": evaluate(model, val, objective.validation_loss, batch_size)}
        if hasattr(objective, "validation_metrics"):
            row.update(objective.validation_metrics(model, val, batch_size))
        row["seconds"] = time.perf_counter() - start
        rows.append(row)
        log.info("epoch %d %s", epoch, " ".join(f"{k} {v:.6g}" for k, v in row.items() if k != "epoch"))
        if row[monitor] < best[0]:
            best = (row[monitor], copy.deepcopy(model.state_dict()), epoch)
        elif patience is not None and epoch - best[2] >= patience:
            log.info("early stop: no better %s for %d epochs", monitor.replace("_", " "), patience)
            break
    model.load_state_dict(best[1])
    log.info("best %s %.6g at epoch %d", monitor.replace("_", " "), best[0], best[2])
    return pd.DataFrame(rows)


def monitored(objective):
    """The history column that picks the best epoch: the objective's `monitor`, else val_loss."""
    return getattr(objective, "monitor", "val_loss")


# A model whose best validation loss is within this fraction of the trivial predictor's learned
# nothing the trivial predictor does not know (DESIGN.md: 5 %).
COLLAPSE_MARGIN = 0.05
# A model whose best validation loss is below this fraction of the trivial predictor's has reached
# its target (R^2 > 0.999 for an MSE): a loss that vanishes, like the position encoder's exact
# regression, keeps halving, so its relative fall says nothing about convergence any more.
NEGLIGIBLE_LOSS = 1e-3


class Trivial(torch.nn.Module):
    """The best constant predictor of the training data, in every model's interface, so that an
    objective scores it as it scores the model: the mean training image for reconstruction (for
    line drawings under BCE that is the blank page: white but for a faint average of the strokes;
    an exactly white page would score an infinite BCE), the training mean of a mapping head's
    targets (over labelled items), the class prior for a classifier (its argmax is the majority
    class; a one-hot majority would score an infinite cross-entropy), a constant code for an
    encoder (a contrastive loss then equals its margin, or log(2B - 1) for InfoNCE)."""

    def __init__(self, train, n_classes=0):
        super().__init__()
        image = train["target"] if np.ndim(train.get("target")) == 4 else train["x"]  # decoders fed codes
        self.register_buffer("image", as_float32(np.mean(image, axis=0, dtype=np.float64))[None])
        labelled = np.asarray(train.get("labelled", np.ones(len(train["x"]))), dtype=np.float64)
        if np.ndim(train.get("target")) == 2:  # a mapping head's targets, weighted by `labelled`
            self.register_buffer("target", as_float32(np.average(train["target"], axis=0, weights=labelled + 1e-12))[None])
        labels = train.get("class", train.get("label"))
        if labels is not None:  # a classification head: the sketch objective classifies the unlabelled items
            labels = np.asarray(labels)[labelled == 0] if (labelled == 0).any() else np.asarray(labels)
            counts = np.bincount(labels, minlength=n_classes) + 1e-12
            self.register_buffer("log_prior", as_float32(np.log(counts / counts.sum()))[None])

    def encode(self, x):
        return self.image.new_zeros(len(x), 1)

    def posterior(self, x):
        return self.encode(x), None

    def decode(self, z):
        return self.image.expand(len(z), *self.image.shape[1:])

    def decode_logits(self, z):
        return torch.logit(self.decode(z), eps=1e-6)

    def forward(self, x):
        return self.decode(x)

    def mapping(self, z):
        return self.target.expand(len(z), -1)

    def classify(self, x):
        return self.log_prior.expand(len(x), -1)


def as_float32(array):
    return torch.as_tensor(np.asarray(array, dtype=np.float32))


def trivial_loss(objective, train, val, batch_size, device):
    """The monitored validation loss (`monitored`) of the trivial predictor of `train` (Trivial),
    scored by `objective` (already prepared by fit) on `val` as fit scores the model."""
    if not isinstance(train, dict):
        train, val = {"x": train}, {"x": val}
    if hasattr(objective, "start_validation"):
        objective.start_validation()
    labels = [np.max(data[key]) + 1 for data in (train, val) for key in ("class", "label") if key in data]
    trivial, val = Trivial(train, n_classes=int(max(labels, default=0))).to(device), to_tensors(val, device)
    monitor = monitored(objective)
    if monitor == "val_loss":
        return evaluate(trivial, val, objective.validation_loss, batch_size)
    return objective.validation_metrics(trivial, val, batch_size)[monitor]


def ending(history, *, epochs, patience, trivial_val_loss, window, tolerance, loss="val_loss", epoch="epoch"):
    """How a training run ended, from its history (one row per epoch, or per logged step) and its
    monitored column `loss` (the validation loss that picked the best epoch; kept as "monitor"):

    stopped: "early_stopping" when the last `patience` epochs brought no better validation loss,
        else "epoch_cap"; best_epoch and best_val_loss;
    improvement: the relative fall of the best validation loss over the last `window` epochs
        (at most all but the first), 1 - best / (best before them);
    collapsed: the best validation loss is within COLLAPSE_MARGIN of the trivial predictor's;
    converged: stopped early, or improvement < tolerance, or the best validation loss is negligible
        (below NEGLIGIBLE_LOSS times the trivial predictor's).
    """
    values = history[loss].to_numpy(dtype=float)
    best_row = int(np.argmin(values))
    best, best_epoch, last_epoch = float(values[best_row]), int(history[epoch].iloc[best_row]), int(history[epoch].iloc[-1])
    stopped_early = patience is not None and last_epoch - best_epoch >= patience
    window = min(window, len(values) - 1)  # a shorter run is judged against its first epoch
    before = values[: len(values) - window].min()
    improvement = float(1 - best / before) if before > 0 and window else None  # one epoch: nothing to judge
    return {"monitor": loss, "stopped": "early_stopping" if stopped_early else "epoch_cap", "epochs_run": last_epoch,
            "epoch_cap": int(epochs), "best_epoch": best_epoch, "best_val_loss": best, "window": int(window),
            "improvement": improvement, "tolerance": float(tolerance), "trivial_val_loss": float(trivial_val_loss),
            "collapsed": bool(best >= (1 - COLLAPSE_MARGIN) * trivial_val_loss),
            "converged": bool(stopped_early or (improvement is not None and improvement < tolerance)
                              or best <= NEGLIGIBLE_LOSS * trivial_val_loss)}


def fit_and_record(model, train, val, *, convergence, **fit_arguments):
    """fit, then how it ended (ending): the history and the record that model.json keeps."""
    from . import objectives

    fit_arguments["objective"] = fit_arguments.get("objective") or objectives.build()
    history = fit(model, train, val, **fit_arguments)
    objective = fit_arguments["objective"]
    trivial = trivial_loss(objective, train, val, fit_arguments["batch_size"], fit_arguments["device"])
    record = ending(history, epochs=fit_arguments["epochs"], patience=fit_arguments.get("patience"),
                    trivial_val_loss=trivial, loss=monitored(objective), **convergence)
    log.info("training ended: %s", record)
    return history, record


def adam(model, lr):
    """Adam with the fused kernel (one call per step instead of a dozen per parameter tensor: 20 %
    faster per step for the coloured-shapes AE at batch 32 on one CPU thread); the same update rule.
    optim.Adam, not torch.optim's: the same kernel without 2 s of torch._dynamo import per job."""
    return optim.Adam(model.parameters(), lr=lr, fused=True)


def learning_rate_schedule(optimiser, schedule, steps):
    if schedule == "constant":
        return optim.Constant(optimiser)
    if schedule == "cosine":
        return optim.CosineAnnealing(optimiser, steps)
    raise ValueError(f"unknown learning-rate schedule {schedule!r}; expected constant or cosine")


def save(model, spec, path, record=None):
    """state_dict at `path`, hyperparameters as JSON beside it (same name, .json), with how
    training ended (`record`, from ending()) under the key "training"."""
    state = {k: v.detach().cpu().contiguous() for k, v in model.state_dict().items()}
    torch.save(state, path)
    with open(spec_path(path), "w") as f:
        json.dump({**spec, "training": record} if record else spec, f, indent=2, sort_keys=True)


def load(path, device="cpu"):
    from . import files, models

    spec = files.json_file(spec_path(path))
    spec.pop("training", None)  # how training ended: a record, not a hyperparameter
    with files.reading(spec_path(path), "a model ShapeAE can build"):
        model = models.build(spec)
    state = files.state_dict(path, device)
    try:
        model.load_state_dict(state)
    except (RuntimeError, KeyError, TypeError) as error:
        lines = str(error).strip().splitlines()
        detail = (lines[1] if len(lines) > 1 else lines[0]).strip()  # the first mismatch, under torch's header
        raise files.InputFileError(f"{spec_path(path)}: does not describe the weights in {path} ({detail})") from error
    return model.to(device).eval()


def spec_path(model_path):
    return str(model_path).rsplit(".", 1)[0] + ".json"


@torch.no_grad()
def encode_decode(model, x, batch_size=500):
    """Codes (N, d) and reconstructions (N, C, H, W; None for a model without a decoder) as NumPy
    float32."""
    model.eval()
    device = next(model.parameters()).device
    has_decoder = getattr(model, "decoder", None) is not None
    codes, outputs = [], []
    for i in range(0, len(x), batch_size):
        batch = to_device(x[i : i + batch_size], device)
        z = model.encode(batch)
        codes.append(z.cpu())
        if has_decoder:
            outputs.append(model.decode(z).cpu())
    reconstructions = torch.cat(outputs).contiguous().numpy() if has_decoder else None
    return torch.cat(codes).numpy(), reconstructions


@torch.no_grad()
def classify(model, codes, batch_size=500):
    """The predicted class (argmax of the classification head) of each code (N, d) as int64 NumPy;
    empty for a model without a head (`classifier` None or absent)."""
    if getattr(model, "classifier", None) is None:
        return np.empty(0, np.int64)
    device = next(model.parameters()).device
    return torch.cat([model.classify(torch.as_tensor(codes[i : i + batch_size]).to(device)).argmax(1).cpu()
                      for i in range(0, len(codes), batch_size)]).numpy()


@torch.no_grad()
def encode(model, images, noise=0.0, seed=0, batch_size=500):
    """Codes (N, d) of uint8 images, converted per batch; with salt-and-pepper noise at rate
    `noise` (the inputs a denoising model saw in training)."""
    from . import datasets, objectives

    model.eval()
    device = next(model.parameters()).device
    generator = torch.Generator(device=device).manual_seed(seed)
    codes = []
    for i in range(0, len(images), batch_size):
        batch = to_device(datasets.as_float(images[i : i + batch_size]), device)
        codes.append(model.encode(objectives.salt_and_pepper(batch, noise, generator)).cpu())
    return torch.cat(codes).numpy()


@torch.no_grad()
def decode(model, codes, batch_size=500):
    """Images (N, C, H, W) float32 NumPy decoded from codes (N, d)."""
    model.eval()
    device = next(model.parameters()).device
    return torch.cat([model.decode(torch.as_tensor(codes[i : i + batch_size]).to(device)).cpu()
                      for i in range(0, len(codes), batch_size)]).numpy()
