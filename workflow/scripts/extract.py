"""Encode and decode the held-out fold: codes z and reconstructions."""
import numpy as np

from shapeae import datasets, folds, jobs, training

sm = snakemake  # noqa: F821 -- injected by Snakemake
log = jobs.start(sm.log[0], threads=sm.threads)
images, _ = datasets.load(sm.input.data)
_, _, test = folds.split(folds.read(sm.input.folds), int(sm.wildcards.fold))
codes, reconstructions = training.encode_decode(training.load(sm.input.model), datasets.as_float(images[test]))
np.savez_compressed(sm.output[0], index=test, codes=codes, reconstructions=reconstructions)
log.info("%d held-out items, code size %d", len(test), codes.shape[1])
