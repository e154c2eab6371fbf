"""Encode the held-out fold (codes and reconstructions), the training folds (codes of the inputs
the model trained on: with its salt-and-pepper noise, if any), for the probes, and the validation
fold's clean images (val_codes, and val_mse, each one's reconstruction error: what choices among
variants are made on); a classifier's predicted classes of the held-out items (predicted_class; empty
for a model without a classification head)."""
import numpy as np

from shapeae import datasets, folds, jobs, metrics, training

sm = snakemake  # noqa: F821 -- injected by Snakemake
log = jobs.start(sm, seed=sm.params.seed)
images, _ = datasets.load(sm.input.data)
train, val, test = folds.split(folds.read(sm.input.folds), int(sm.wildcards.fold))
model = training.load(sm.input.model)
codes, reconstructions = training.encode_decode(model, datasets.as_float(images[test]))
classes = training.classify(model, codes)  # a classifier's predicted classes of the held-out items
rest = np.sort(np.r_[train, val])
noise = sm.params.objective.get("noise", 0.0)
train_codes = training.encode(model, images[rest], noise=noise, seed=sm.params.seed)
val_codes = train_codes[np.isin(rest, val)] if noise == 0 else training.encode(model, images[val])
val_mse = (metrics.per_image_mse(datasets.as_float(images[val]), training.decode(model, val_codes))
           if reconstructions is not None else np.empty(0))
np.savez_compressed(sm.output[0], index=test, codes=codes, train_index=rest, train_codes=train_codes,
                    val_index=val, val_codes=val_codes, val_mse=val_mse, predicted_class=classes,
                    reconstructions=reconstructions if reconstructions is not None else np.empty(0, np.float32))
log.info("%d held-out items, %d training items (noise %g), code size %d", len(test), len(rest), noise, codes.shape[1])
