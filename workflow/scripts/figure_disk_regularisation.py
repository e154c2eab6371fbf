"""Newson fig. 7: radius against code z per regulariser over repeats, and one unseen disk decoded."""
import re

import numpy as np
import pandas as pd

from shapeae import features, jobs, plots

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm.log[0], threads=sm.threads)
tables, by_variant = [], {}
for path in sm.input.features:
    variant, fold = re.search(r"/([^/]+)/fold(\d+)\.npz$", path).groups()
    held_out = features.load(path, sm.input.data)
    tables.append(held_out.factors.assign(variant=variant, fold=int(fold), z=held_out.codes[:, 0]))
    if int(fold) == sm.params.fold:
        by_variant[variant] = held_out
low, high = sm.params.hole
first = by_variant[sm.params.variants[0]]
radius = first.factors["radius"].to_numpy()
example = int(np.argmin(np.abs(radius - (low + high) / 2)))  # the same test fold for every variant
images = [first.images[example, 0]] + [by_variant[v].reconstructions[example, 0] for v in sm.params.variants]
labels = [f"input r={radius[example]:.1f}"] + list(sm.params.variants)
fig = plots.regularisation_curves(pd.concat(tables, ignore_index=True), (low, high), images, labels)
plots.save(fig, sm.output[0], sm.params.dpi)
