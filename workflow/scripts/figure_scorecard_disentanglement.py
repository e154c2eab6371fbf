"""MIG and DCI (disentanglement, completeness, informativeness) of every encoder, mean +- sd over folds."""
import pandas as pd

from shapeae import jobs, plots

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
summary = pd.read_csv(sm.input[0])
plots.save(plots.disentanglement_bars(summary[summary["factor"] == "all"]), sm.output[0], sm.params.dpi)
