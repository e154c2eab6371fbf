"""Newson fig. 7: radius against code z per regulariser over repeats, the decoded radius's error, and
one unseen disk decoded."""
import numpy as np
import pandas as pd

from shapeae import features, jobs, plots
from shapeae.experiments.disks import evaluation, figures

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
held_out = features.load_all(sm.input.features, sm.input.data)
tables = [h.factors.assign(variant=variant, fold=fold, z=h.codes[:, 0],
                           radius_error=abs(evaluation.decoded_radius(h.reconstructions) - h.factors["radius"]))
          for (variant, fold), h in held_out.items()]
by_variant = {variant: held_out[variant, sm.params.fold] for variant in sm.params.variants}
low, high = sm.params.hole
first = by_variant[sm.params.variants[0]]
radius = first.factors["radius"].to_numpy()
example = int(np.argmin(np.abs(radius - (low + high) / 2)))  # the same test fold for every variant
images = [first.images[example, 0]] + [by_variant[v].reconstructions[example, 0] for v in sm.params.variants]
labels = [f"input r={radius[example]:.1f}"] + list(sm.params.variants)
fig = figures.regularisation_curves(pd.concat(tables, ignore_index=True), (low, high), images, labels)
plots.save(fig, sm.output[0], sm.params.dpi)
