"""Held-out scores of one disk autoencoder on one fold."""
from shapeae import features, jobs, scores
from shapeae.experiments.disks import evaluation

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
held_out = features.load(sm.input.features, sm.input.data)
table = evaluation.disk_scores(held_out.images, held_out.reconstructions, held_out.codes, held_out.factors,
                               sm.params.radius_bins, sm.params.radius_max, sm.params.train_exclude,
                               held_out.val_mse, held_out.val_factors)
scores.tag(table, sm.wildcards.experiment, sm.wildcards.variant, sm.wildcards.fold).to_csv(sm.output[0], index=False)
