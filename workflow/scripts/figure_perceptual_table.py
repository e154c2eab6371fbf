"""Their table 1 from our held-out scores (CSV beside their numbers) and as a figure."""
import pandas as pd

from shapeae import jobs, plots
from shapeae.experiments import perceptual
from shapeae.experiments.perceptual import figures

sm = snakemake  # noqa: F821 -- injected by Snakemake
log = jobs.start(sm)
table = perceptual.table1(pd.read_csv(sm.input[0]), sm.params.variants)
table.to_csv(sm.output.table, index=False)
plots.save(figures.table1(table), sm.output.figure, sm.params.dpi)
log.info("\n%s", table.to_string())
