"""Training curves of every perceptual-experiment encoder and of the loss network's pretraining."""
import pandas as pd

from shapeae import jobs, plots
from shapeae.experiments.perceptual import figures

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
histories = plots.histories_table(sm.input.histories)
plots.save(figures.training_curves(histories, pd.read_csv(sm.input.loss_network)), sm.output[0], sm.params.dpi)
