"""The training loop shared by every autoencoder: Adam, mini-batches, best-validation checkpoint."""
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
    (mean over batches), validation loss (which picks the best epoch), seconds. With `patience`,
    training stops after that many epochs without a better validation loss (his early stopping).
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
        val_loss = evaluate(model, val, objective.validation_loss, batch_size)
        seconds = time.perf_counter() - start
        rows.append({"epoch": epoch, "loss": torch.stack(batch_losses).mean().item(),
                     "val_loss": val_loss, "seconds": seconds})
        log.info("epoch %d loss %.6g val_loss %.6g time %.2fs", epoch, rows[-1]["loss"], val_loss, seconds)
        if val_loss < best[0]:
            best = (val_loss, copy.deepcopy(model.state_dict()), epoch)
        elif patience is not None and epoch - best[2] >= patience:
            log.info("early stop: no better validation loss for %d epochs", patience)
            break
    model.load_state_dict(best[1])
    log.info("best validation loss %.6g at epoch %d", best[0], best[2])
    return pd.DataFrame(rows)


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


def save(model, spec, path):
    """state_dict at `path`, hyperparameters as JSON beside it (same name, .json)."""
    state = {k: v.detach().cpu().contiguous() for k, v in model.state_dict().items()}
    torch.save(state, path)
    with open(spec_path(path), "w") as f:
        json.dump(spec, f, indent=2, sort_keys=True)


def load(path, device="cpu"):
    from . import files, models

    spec = files.json_file(spec_path(path))
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
