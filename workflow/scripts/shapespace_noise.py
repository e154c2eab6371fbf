"""Noise study of one shape-space autoencoder (his part 8, fig. 2): test BCE under salt-and-pepper
noise at several levels and patterns, and one test image's reconstructions under them."""
import numpy as np

from shapeae import datasets, folds, jobs, training
from shapeae.experiments.shapespace import noise

sm = snakemake  # noqa: F821 -- injected by Snakemake
log = jobs.start(sm, seed=sm.params.seed)
images, factors = datasets.load(sm.input.data)
_, _, test = folds.split(folds.read(sm.input.folds), int(sm.wildcards.fold))
test = test[datasets.trained_on(factors)[test]]  # the images of the kind it trained on, not the probes' extras
model = training.load(sm.input.model)
x = datasets.as_float(images[test])
levels, patterns = sm.params.noise["levels"], sm.params.noise["patterns"]
table = noise.noise_study(model, x, levels, patterns, sm.params.seed)
table.assign(variant=sm.wildcards.variant, fold=int(sm.wildcards.fold)).to_csv(sm.output.table, index=False)
example = int(np.flatnonzero(factors["labelled"].to_numpy()[test] == 1)[0])  # a base-shape image
np.savez_compressed(sm.output.examples, image=x[example, 0],
                    **noise.noisy_reconstructions(model, x[example], levels, patterns, sm.params.seed,
                                                      pattern_level=sm.params.objective["noise"]))
log.info("\n%s", table.groupby("noise")["bce"].mean().to_string())
