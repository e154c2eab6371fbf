"""Newson figs 4 and 13: a bias-free autoencoder's outputs and their radial profiles."""
import numpy as np

from shapeae import features, jobs, plots

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm.log[0], threads=sm.threads)
held_out = features.load(sm.input.features, sm.input.data)
radius = held_out.factors["radius"].to_numpy()
order = np.argsort(radius)
pick = order[np.linspace(0, len(order) - 1, sm.params.n_examples).round().astype(int)]
fig = plots.disk_profiles(held_out.images[pick, 0], held_out.reconstructions[pick, 0], radius[pick])
plots.save(fig, sm.output[0], sm.params.dpi)
