"""Newson fig. 8: disks in and around the hole decoded by psi3-regularised models, one row per lambda."""
import numpy as np

from shapeae import features, jobs, plots

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm.log[0], threads=sm.threads)
held_out = features.load_all(sm.input.features, sm.input.data)
outputs = {variant: held_out[variant, sm.params.fold] for variant in sm.params.variants}
first = outputs[sm.params.variants[0]]
radius = first.factors["radius"].to_numpy()
low, high = sm.params.hole
targets = np.linspace(low - 3, high + 3, sm.params.n_examples)
pick = [int(np.argmin(np.abs(radius - t))) for t in targets]
rows = [first.images[pick, 0]] + [outputs[v].reconstructions[pick, 0] for v in sm.params.variants]
labels = ["input"] + [f"λ={w:g}" for w in sm.params.weights]
seen = [not (low <= radius[i] < high) for i in pick]
fig = plots.image_rows(rows, labels, [f"r={radius[i]:.1f}" for i in pick],
                       [plots.SEEN if s else plots.UNSEEN for s in seen])
plots.save(fig, sm.output[0], sm.params.dpi)
