"""Newson fig. 8: disks in and around the hole decoded by psi3-regularised models, one row per lambda,
and the hole MSE against lambda (test and validation folds) from the score table."""
import numpy as np
import pandas as pd

from shapeae import features, files, jobs, plots
from shapeae.experiments.disks import figures

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
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

scores = files.csv(sm.input.scores, ["variant", "fold", "probe", "target", "metric", "value"], what="a disks score table")
weight_of = dict(zip(sm.params.variants, sm.params.weights))
series = {("image_unseen", "mse"): "hole, test", ("image_unseen", "val_mse"): "hole, validation",
          ("image_seen", "mse"): "outside, test"}
sweep = scores[scores["variant"].isin(weight_of) & (scores["probe"] == "reconstruction")]
sweep = sweep[[key in series for key in zip(sweep["target"], sweep["metric"])]]
sweep = pd.DataFrame({"lambda": sweep["variant"].map(weight_of), "fold": sweep["fold"].astype(str),
                      "series": [series[key] for key in zip(sweep["target"], sweep["metric"])],
                      "mse": sweep["value"]})
fig = figures.lambda_sweep(rows, labels, [f"r={radius[i]:.1f}" for i in pick],
                           [plots.SEEN if s else plots.UNSEEN for s in seen], sweep)
plots.save(fig, sm.output[0], sm.params.dpi)
