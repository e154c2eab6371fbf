"""Every held-out score of an experiment, per variant and fold."""
import pandas as pd

from shapeae import jobs, plots

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
plots.save(plots.score_strips(pd.read_csv(sm.input[0])), sm.output[0], sm.params.dpi)
