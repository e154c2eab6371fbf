"""Training objectives, chosen by a variant's `objective.kind`; the training loop calls
`training_loss(model, batch, generator)` and `validation_loss(model, batch)` on dicts of tensors.

- `newson` (the default when a variant names none): reconstruction MSE plus one of Newson's psi
  regularisers (regularisers.Objective).
- `sketch`: Bechberger's hybrid objective (shape-space parts 8-9) on denoising inputs:
      reconstruction * BCE(decoder(encoder(noisy x)), clean x)                 (per-pixel mean)
    + mapping * mean over the batch of labelled * sum_d (head_d - target_d)^2  (first 4 units)
    + classification * mean over the batch of unlabelled * cross-entropy(class)
    + encoder_weight_decay * sum of the encoder's squared kernels (Keras l2, biases excluded)
  Validation: the same terms on clean inputs, without the weight decay.
"""
import numpy as np
import torch
from torch.nn import functional as F

from . import datasets, regularisers


def salt_and_pepper(x, p, generator=None):
    """Replace each pixel with probability p by 0 or 1, equally likely (drawn on x's device)."""
    if p == 0:
        return x
    hit = torch.rand(x.shape, generator=generator, device=x.device) < p
    value = (torch.rand(x.shape, generator=generator, device=x.device) < 0.5).to(x.dtype)
    return torch.where(hit, value, x)


class Sketch:
    """Denoising reconstruction + mapping head + classification head (see the module docstring)."""

    def __init__(self, noise=0.1, reconstruction=1.0, mapping=0.0, classification=0.0,
                 encoder_weight_decay=0.0):
        self.noise, self.reconstruction, self.mapping = float(noise), float(reconstruction), float(mapping)
        self.classification, self.encoder_weight_decay = float(classification), float(encoder_weight_decay)

    @staticmethod
    def data(images, factors, index):
        """Per-item arrays of the items `index`: images, the target coordinates (factors space_*,
        zero where unlabelled), the labelled mask and the class."""
        rows = factors.iloc[index]
        target = rows.filter(regex=r"^space_\d+$").to_numpy(np.float32)
        return {"x": datasets.as_float(images[index]), "target": np.nan_to_num(target),
                "labelled": rows["labelled"].to_numpy(np.float32), "class": rows["class"].to_numpy(np.int64)}

    def prepare(self, train, seed):
        # its own generator on the data's device: the noise is drawn where the batch lives
        self.generator = torch.Generator(device=train["x"].device).manual_seed(seed)

    def terms(self, model, batch, x_in):
        z = model.encode(x_in)
        loss = torch.zeros((), device=x_in.device)
        if self.reconstruction:
            loss = loss + self.reconstruction * F.binary_cross_entropy_with_logits(model.decode_logits(z), batch["x"])
        if self.mapping:
            error = (model.mapping(z) - batch["target"]).pow(2).sum(1)
            loss = loss + self.mapping * (error * batch["labelled"]).mean()
        if self.classification:
            cross_entropy = F.cross_entropy(model.classify(z), batch["class"], reduction="none")
            loss = loss + self.classification * (cross_entropy * (1 - batch["labelled"])).mean()
        return loss

    def training_loss(self, model, batch, generator=None):
        loss = self.terms(model, batch, salt_and_pepper(batch["x"], self.noise, self.generator))
        if self.encoder_weight_decay:
            loss = loss + self.encoder_weight_decay * regularisers.squared_weights(model.encoder)
        return loss

    def validation_loss(self, model, batch):
        return self.terms(model, batch, batch["x"])


class Newson(regularisers.Objective):
    """Newson's objective in the loop's protocol: psi1 draws each item's neighbour per batch."""

    @staticmethod
    def data(images, factors, index):
        return {"x": datasets.as_float(images[index])}

    def prepare(self, train, seed):
        self.train_x = train["x"]
        self.neighbour_table = (regularisers.nearest_neighbours(train["x"].cpu(), self.neighbours)
                                if self.needs_neighbours else None)

    def training_loss(self, model, batch, generator=None):
        x_neighbour = None
        if self.neighbour_table is not None:  # psi1: one random neighbour of each batch element
            index = batch["index"]
            pick = torch.randint(self.neighbour_table.shape[1], (len(index),), generator=generator)
            x_neighbour = self.train_x[self.neighbour_table[index, pick].to(self.train_x.device)]
        return self(model, batch["x"], x_neighbour)

    def validation_loss(self, model, batch):
        return torch.mean((model(batch["x"]) - batch["x"]) ** 2)


KINDS = ("newson", "sketch")


def build(objective=None, regularisation=None):
    """objective = {"kind": name, **keyword arguments}; no objective (or kind newson) is Newson's,
    with the variant's `regularisation` (psi kind and weight)."""
    spec = dict(objective or {"kind": "newson"})
    kind = spec.pop("kind")
    if kind == "newson":
        return Newson(**(regularisation or {}), **spec)
    if kind == "sketch":
        return Sketch(**spec)
    raise ValueError(f"unknown objective kind {kind!r}; expected one of {KINDS}")
