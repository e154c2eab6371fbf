"""Part 8 fig. 2a: held-out originals and their reconstructions by the default and best settings."""
import numpy as np

from shapeae import datasets, features, jobs, plots
from shapeae.experiments.shapespace import figures

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
images, factors = datasets.load(sm.input.data)
held_out = [features.load(path, sm.input.data) for path in sm.input.features]
labelled = np.flatnonzero(held_out[0].factors["labelled"].to_numpy() == 1)
pick = labelled[np.linspace(0, len(labelled) - 1, sm.params.n_examples).round().astype(int)]
rows = [h.reconstructions[pick, 0] for h in held_out]
fig = figures.reconstructions(held_out[0].images[pick, 0], rows, sm.params.labels)
plots.save(fig, sm.output[0], sm.params.dpi)
