"""Held-out scores of one shape-space encoder: transfer probes into the similarity space, decoding
of size and position, the mapping head (multi-task variants) and the test BCE (autoencoders)."""
import numpy as np

from shapeae import datasets, folds, jobs, scores
from shapeae.experiments import shapespace

sm = snakemake  # noqa: F821 -- injected by Snakemake
log = jobs.start(sm.log[0], threads=sm.threads)
images, factors = datasets.load(sm.input.data)
fold_of = folds.read(sm.input.folds).set_index("index")["fold"].sort_index().to_numpy()
with np.load(sm.input.features) as f:
    features = dict(f)
features["images"] = datasets.as_float(images[features["index"]])
table = shapespace.evaluation(features, factors, fold_of, sm.params.probes["betas"],
                              mapping=sm.params.objective.get("mapping", 0) > 0)
scores.tag(table, "shapespace", sm.wildcards.variant, sm.wildcards.fold).to_csv(sm.output[0], index=False)
log.info("\n%s", table.to_string())
