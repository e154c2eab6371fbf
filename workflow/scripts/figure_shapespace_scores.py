"""Part 9 fig. 1 (R^2 into the similarity space) and the size/position decoding figure."""
import pandas as pd

from shapeae import jobs, plots
from shapeae.experiments.shapespace import figures

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
scores = pd.read_csv(sm.input.scores)
plots.save(figures.mapping_bars(scores, sm.params.variants), sm.output.mapping, sm.params.dpi)
plots.save(figures.nuisance_bars(scores, sm.params.variants), sm.output.nuisance, sm.params.dpi)
