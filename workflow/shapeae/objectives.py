"""Training objectives, chosen by a variant's `objective.kind`; the training loop calls
`training_loss(model, batch, generator)` and `validation_loss(model, batch)` on dicts of tensors.

- `newson` (the default when a variant names none): reconstruction MSE plus one of Newson's psi
  regularisers (regularisers.Objective).
- `sketch`: Bechberger's hybrid objective (shape-space parts 8-9) on denoising inputs:
      reconstruction * BCE(decoder(encoder(noisy x)), clean x)                 (per-pixel mean)
    + mapping * mean over the batch of labelled * sum_d (head_d - target_d)^2  (first 4 units)
    + classification * mean over the batch of unlabelled * cross-entropy(class)
    + encoder_weight_decay * sum of the encoder's squared kernels (Keras l2, biases excluded)
  Validation: the same terms on clean inputs, without the weight decay; and, per epoch, the
  mapping loss alone (mean over the labelled items of the sum of squared errors: his
  `val_mapping_loss`, which picks the epoch of a multi-task model) and the classification
  accuracy on the unlabelled items (what a classifier learns to classify).
- `contrastive`: the OSU report's encoders (4.3.2): positives x+ = T(x) (augment.crop or
  augment.recolour), negatives from the same batch, on L2-normalised embeddings f:
      triplet: mean of max(|f(x) - f(x+)| - |f(x) - f(x-)| + margin, 0), x- = another batch item
      infonce: NT-Xent over the 2B views, temperature tau (SimCLR; the report's unstable baseline)
  Validation: the same loss with transforms drawn afresh from a fixed seed at every evaluation.
- `perceptual`: Pihlgren et al.'s reconstruction losses for an AE or a VAE (models.perceptual):
      pixel:      MSE(decoder(z), x)
      perceptual: MSE(L(decoder(z)), L(x)), L a frozen loss network (AlexNet features[:5], eval mode)
    + kl_weight * mean over the batch of KL(q(z|x) || N(0, 1)) when the model is variational (z is
    then sampled; their 0.01). Validation: the same loss, z = mu.
"""
import numpy as np
import torch
from torch.nn import functional as F

from . import augment, datasets, regularisers
from .models.perceptual import kl_divergence


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

    @property
    def monitor(self):
        """The validation column that picks the best epoch and stops training: his code monitors
        `val_mapping_loss` when mapping is on, else `val_loss`."""
        return "val_mapping_loss" if self.mapping else "val_loss"

    @torch.no_grad()
    def validation_metrics(self, model, val, batch_size):
        """{val_mapping_loss, val_accuracy} of the terms that are on, over the items of `val` (a dict
        of tensors): the mapping loss over the labelled items, the accuracy over the unlabelled ones."""
        model.eval()
        sums = {"sse": 0.0, "labelled": 0.0, "correct": 0.0, "unlabelled": 0.0}
        for i in range(0, len(val["x"]), batch_size):
            batch = {k: v[i : i + batch_size] for k, v in val.items()}
            z = model.encode(batch["x"])
            if self.mapping:
                sums["sse"] += ((model.mapping(z) - batch["target"]).pow(2).sum(1) * batch["labelled"]).sum().item()
                sums["labelled"] += batch["labelled"].sum().item()
            if self.classification:
                hit = (model.classify(z).argmax(1) == batch["class"]).float()
                sums["correct"] += (hit * (1 - batch["labelled"])).sum().item()
                sums["unlabelled"] += (1 - batch["labelled"]).sum().item()
        metrics = {}
        if self.mapping:
            metrics["val_mapping_loss"] = sums["sse"] / max(sums["labelled"], 1)
        if self.classification:
            metrics["val_accuracy"] = sums["correct"] / max(sums["unlabelled"], 1)
        return metrics


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


def triplet_loss(z, z_positive, z_negative, margin):
    d_positive = torch.linalg.vector_norm(z - z_positive, dim=1)
    d_negative = torch.linalg.vector_norm(z - z_negative, dim=1)
    return F.relu(d_positive - d_negative + margin).mean()


def info_nce_loss(z, z_positive, temperature):
    """NT-Xent: each of the 2B views must pick its partner among the other 2B - 1 by cosine
    similarity / temperature."""
    views = F.normalize(torch.cat([z, z_positive]), dim=1)
    similarity = views @ views.T / temperature
    similarity.fill_diagonal_(float("-inf"))
    n = len(z)
    partner = torch.cat([torch.arange(n, 2 * n), torch.arange(n)]).to(z.device)
    return F.cross_entropy(similarity, partner)


class Contrastive:
    """Triplet or InfoNCE loss on positives made by a crop or a recolouring (module docstring)."""

    VALIDATION_SEED = 12345

    def __init__(self, loss="triplet", transform="crop", margin=0.3, temperature=0.5, crop_scale_min=0.5):
        if loss not in ("triplet", "infonce") or transform not in ("crop", "recolour"):
            raise ValueError(f"contrastive loss must be triplet or infonce and transform crop or recolour, "
                             f"got {loss!r}, {transform!r}")
        self.loss, self.transform, self.margin = loss, transform, float(margin)
        self.temperature, self.crop_scale_min = float(temperature), float(crop_scale_min)

    @staticmethod
    def data(images, factors, index):
        return {"x": datasets.as_float(images[index]), "colour": factors["colour"].to_numpy(np.int64)[index]}

    def prepare(self, train, seed):
        from .datasets import colours

        device = train["x"].device
        self.palette = torch.as_tensor(colours.palette_array(), device=device)
        self.generator = torch.Generator(device=device).manual_seed(seed)
        self.start_validation()

    def start_validation(self):
        self.validation_generator = torch.Generator(device=self.palette.device).manual_seed(self.VALIDATION_SEED)

    def positives(self, batch, generator):
        if self.transform == "crop":
            return augment.crop(batch["x"], generator, self.crop_scale_min)
        return augment.recolour(batch["x"], batch["colour"], self.palette, generator)

    def value(self, model, batch, generator):
        x = batch["x"]
        z, z_positive = model.encode(x), model.encode(self.positives(batch, generator))
        if self.loss == "infonce":
            return info_nce_loss(z, z_positive, self.temperature)
        # another item of the batch for each anchor: a random cyclic shift, never the item itself
        shift = torch.randint(1, len(x), (), generator=generator, device=x.device) if len(x) > 1 else 0
        return triplet_loss(z, z_positive, torch.roll(z, int(shift), dims=0), self.margin)

    def training_loss(self, model, batch, generator=None):
        return self.value(model, batch, self.generator)

    def validation_loss(self, model, batch):
        return self.value(model, batch, self.validation_generator)


class Perceptual:
    """Pixel or deep perceptual reconstruction loss, plus the VAE's KL (module docstring)."""

    def __init__(self, loss="pixel", kl_weight=0.01, loss_network=None):
        if loss not in ("pixel", "perceptual"):
            raise ValueError(f"perceptual objective: loss must be pixel or perceptual, got {loss!r}")
        if loss == "perceptual" and loss_network is None:
            raise ValueError("perceptual objective: loss perceptual needs a loss network")
        self.loss, self.kl_weight = loss, float(kl_weight)
        self.loss_network = loss_network.eval().requires_grad_(False) if loss_network is not None else None

    @staticmethod
    def data(images, factors, index):
        return {"x": datasets.as_float(images[index])}

    def prepare(self, train, seed):
        self.generator = torch.Generator(device=train["x"].device).manual_seed(seed)
        if self.loss_network is not None:
            self.loss_network.to(train["x"].device)

    def reconstruction_loss(self, reconstruction, x):
        if self.loss == "pixel":
            return F.mse_loss(reconstruction, x)
        self.loss_network.eval()  # the training loop's model.train() never reaches it
        with torch.no_grad():
            target = self.loss_network(x)
        return F.mse_loss(self.loss_network(reconstruction), target)

    def value(self, model, x, generator=None):
        mu, log_variance = model.posterior(x)
        if log_variance is None:
            return self.reconstruction_loss(model.decode(mu), x)
        z = mu
        if generator is not None:  # training: the reparameterised sample
            eps = torch.randn(mu.shape, generator=generator, device=mu.device)
            z = mu + eps * torch.exp(0.5 * log_variance)
        kl = kl_divergence(mu, log_variance).mean()
        return self.reconstruction_loss(model.decode(z), x) + self.kl_weight * kl

    def training_loss(self, model, batch, generator=None):
        return self.value(model, batch["x"], self.generator)

    def validation_loss(self, model, batch):
        return self.value(model, batch["x"])


KINDS = ("newson", "sketch", "contrastive", "perceptual")


def build(objective=None, regularisation=None, loss_network=None):
    """objective = {"kind": name, **keyword arguments}; no objective (or kind newson) is Newson's,
    with the variant's `regularisation` (psi kind and weight). `loss_network`: the frozen network
    of a perceptual objective."""
    spec = dict(objective or {"kind": "newson"})
    kind = spec.pop("kind")
    if kind == "newson":
        return Newson(**(regularisation or {}), **spec)
    if kind == "sketch":
        return Sketch(**spec)
    if kind == "contrastive":
        return Contrastive(**spec)
    if kind == "perceptual":
        return Perceptual(**spec, loss_network=loss_network)
    raise ValueError(f"unknown objective kind {kind!r}; expected one of {KINDS}")
