"""Assign every image of a dataset to one of K folds."""
from shapeae import datasets, folds, jobs

sm = snakemake  # noqa: F821 -- injected by Snakemake
log = jobs.start(sm.log[0], threads=sm.threads)
images, _ = datasets.load(sm.input[0])
table = folds.assign(len(images), sm.params.n_folds, sm.params.seed)
table.to_csv(sm.output[0], index=False)
log.info("fold sizes %s", table["fold"].value_counts().sort_index().tolist())
