"""Held-out scores of one coloured-shapes encoder: k-NN accuracy of colour and shape, regression
probes of size, orientation and position, the training losses, and the autoencoder's test MSE."""
import pandas as pd

from shapeae import features as held_out, jobs, scores
from shapeae.experiments import colours

sm = snakemake  # noqa: F821 -- injected by Snakemake
log = jobs.start(sm)
features, factors, fold_of = held_out.for_scoring(sm.input.features, sm.input.data, sm.input.folds)
table = colours.evaluation(features, factors, fold_of, pd.read_csv(sm.input.history), sm.params.probes["k"],
                           sm.params.probes["betas"])
scores.tag(table, "colours", sm.wildcards.variant, sm.wildcards.fold).to_csv(sm.output[0], index=False)
log.info("\n%s", table.to_string())
