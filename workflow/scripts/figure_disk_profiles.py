"""Newson figs 4 and 13: a bias-free autoencoder's outputs and their radial profiles."""
from shapeae import features, jobs, plots
from shapeae.experiments.disks import figures

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
held_out = features.load(sm.input.features, sm.input.data)
radius = held_out.factors["radius"].to_numpy()
pick = features.spread_by(radius, sm.params.n_examples)
fig = figures.disk_profiles(held_out.images[pick, 0], held_out.reconstructions[pick, 0], radius[pick])
plots.save(fig, sm.output[0], sm.params.dpi)
