"""The training loop shared by every autoencoder: Adam, mini-batches, best-validation checkpoint."""
import copy
import json
import logging
import time

import pandas as pd
import torch

from . import regularisers

log = logging.getLogger(__name__)


def to_device(x, device):
    # channels-last halves the step time of these narrow convolutions on CPU
    return torch.as_tensor(x).to(device).contiguous(memory_format=torch.channels_last)


def mse_loss(model, x):
    return torch.mean((model(x) - x) ** 2)


@torch.no_grad()
def evaluate(model, x, loss_fn, batch_size):
    model.eval()
    total = sum(loss_fn(model, x[i : i + batch_size]).item() * len(x[i : i + batch_size])
                for i in range(0, len(x), batch_size))
    return total / len(x)


def fit(model, train_x, val_x, *, epochs, batch_size, lr, seed, device, objective=None):
    """Train `model` in place; return the history and leave the best-validation weights loaded.

    `objective` (default: plain reconstruction MSE) is a regularisers.Objective. One log line and
    one history row per epoch: training objective (mean over batches), validation reconstruction
    MSE (which picks the best epoch), seconds.
    """
    objective = objective or regularisers.Objective()
    model.to(device).to(memory_format=torch.channels_last)
    train_x, val_x = to_device(train_x, device), to_device(val_x, device)
    neighbours = (regularisers.nearest_neighbours(train_x.cpu(), objective.neighbours)
                  if objective.needs_neighbours else None)
    optimiser = torch.optim.Adam(model.parameters(), lr=lr)
    order = torch.Generator().manual_seed(seed)
    best = (float("inf"), None, 0)
    rows = []
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        model.train()
        batch_losses = []
        for batch in torch.randperm(len(train_x), generator=order).split(batch_size):
            x_neighbour = None
            if neighbours is not None:  # psi1: one random neighbour of each batch element
                pick = torch.randint(neighbours.shape[1], (len(batch),), generator=order)
                x_neighbour = train_x[neighbours[batch, pick].to(device)]
            optimiser.zero_grad(set_to_none=True)
            loss = objective(model, train_x[batch.to(device)], x_neighbour)
            loss.backward()
            optimiser.step()
            batch_losses.append(loss.item())
        val_loss = evaluate(model, val_x, mse_loss, batch_size)
        seconds = time.perf_counter() - start
        rows.append({"epoch": epoch, "loss": sum(batch_losses) / len(batch_losses),
                     "val_loss": val_loss, "seconds": seconds})
        log.info("epoch %d loss %.6g val_loss %.6g time %.2fs", epoch, rows[-1]["loss"], val_loss, seconds)
        if val_loss < best[0]:
            best = (val_loss, copy.deepcopy(model.state_dict()), epoch)
    model.load_state_dict(best[1])
    log.info("best validation loss %.6g at epoch %d", best[0], best[2])
    return pd.DataFrame(rows)


def save(model, spec, path):
    """state_dict at `path`, hyperparameters as JSON beside it (same name, .json)."""
    state = {k: v.detach().cpu().contiguous() for k, v in model.state_dict().items()}
    torch.save(state, path)
    with open(spec_path(path), "w") as f:
        json.dump(spec, f, indent=2, sort_keys=True)


def load(path, device="cpu"):
    from . import models

    with open(spec_path(path)) as f:
        spec = json.load(f)
    model = models.build(spec)
    model.load_state_dict(torch.load(path, map_location=device, weights_only=True))
    return model.to(device).eval()


def spec_path(model_path):
    return str(model_path).rsplit(".", 1)[0] + ".json"


@torch.no_grad()
def encode_decode(model, x, batch_size=500):
    """Codes (N, d) and reconstructions (N, C, H, W) as NumPy float32."""
    model.eval()
    device = next(model.parameters()).device
    codes, outputs = [], []
    for i in range(0, len(x), batch_size):
        batch = to_device(x[i : i + batch_size], device)
        z = model.encode(batch)
        codes.append(z.cpu())
        outputs.append(model.decode(z).cpu())
    return torch.cat(codes).numpy(), torch.cat(outputs).contiguous().numpy()
