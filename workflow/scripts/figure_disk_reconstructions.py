"""Newson figs 2, 5, 6: held-out disks of increasing radius and their reconstructions."""
from shapeae import datasets, features, jobs, plots
from shapeae.experiments.disks import figures

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
held_out = features.load(sm.input.features, sm.input.data)
radius = held_out.factors["radius"].to_numpy()
pick = features.spread_by(radius, sm.params.n_examples)
seen = datasets.outside(held_out.factors, sm.params.train_exclude)[pick] if sm.params.train_exclude else None
fig = figures.disk_reconstructions(held_out.images[pick, 0], held_out.reconstructions[pick, 0], radius[pick], seen)
plots.save(fig, sm.output[0], sm.params.dpi)
