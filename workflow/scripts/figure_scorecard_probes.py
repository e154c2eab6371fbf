"""Heatmap of one experiment: encoders x factors, the best probe's held-out R^2 or accuracy."""
import pandas as pd

from shapeae import jobs, plots, scorecard

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm.log[0], threads=sm.threads)
summary = pd.read_csv(sm.input[0])
best = scorecard.best_probe(summary[summary["experiment"] == sm.wildcards.experiment])
plots.save(plots.scorecard_heatmap(best), sm.output[0], sm.params.dpi)
