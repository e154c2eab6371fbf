"""Encode the held-out fold (codes and reconstructions) and the training folds (codes of the inputs
the model trained on: with its salt-and-pepper noise, if any), for the probes."""
import numpy as np

from shapeae import datasets, folds, jobs, training

sm = snakemake  # noqa: F821 -- injected by Snakemake
log = jobs.start(sm.log[0], threads=sm.threads, seed=sm.params.seed)
images, _ = datasets.load(sm.input.data)
train, val, test = folds.split(folds.read(sm.input.folds), int(sm.wildcards.fold))
model = training.load(sm.input.model)
codes, reconstructions = training.encode_decode(model, datasets.as_float(images[test]))
rest = np.sort(np.r_[train, val])
noise = sm.params.objective.get("noise", 0.0)
train_codes = training.encode(model, images[rest], noise=noise, seed=sm.params.seed)
np.savez_compressed(sm.output[0], index=test, codes=codes, train_index=rest, train_codes=train_codes,
                    reconstructions=reconstructions if reconstructions is not None else np.empty(0, np.float32))
log.info("%d held-out items, %d training items (noise %g), code size %d", len(test), len(rest), noise, codes.shape[1])
