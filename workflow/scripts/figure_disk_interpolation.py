"""Newson fig. 3 (left): decode codes spaced linearly between a small and a large held-out disk."""
import numpy as np
import torch

from shapeae import jobs, plots, training
from shapeae.experiments.disks import figures

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
model = training.load(sm.input.model)
with np.load(sm.input.features) as f:
    codes = f["codes"][:, 0]
z = np.linspace(codes.min(), codes.max(), sm.params.n_examples, dtype=np.float32)
with torch.no_grad():
    decoded = model.decode(torch.from_numpy(z)[:, None]).numpy()
plots.save(figures.latent_interpolation(decoded[:, 0], z), sm.output[0], sm.params.dpi)
