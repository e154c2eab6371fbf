"""Heatmap of one experiment: encoders x factors, the best probe's held-out R^2 or accuracy; the
encoders that did not learn hatched."""
import pandas as pd

from shapeae import jobs, plots, scorecard

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
summary = pd.read_csv(sm.input[0])
own = summary[summary["experiment"] == sm.wildcards.experiment]
training = dict(zip(own["variant"], own["training"]))  # encoders that did not learn are hatched
plots.save(plots.scorecard_heatmap(scorecard.best_probe(own), training), sm.output[0], sm.params.dpi)
