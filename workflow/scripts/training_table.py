"""results/tables/training.csv: how every model's training ended (the record in its model.json)."""
from shapeae import convergence, jobs

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
convergence.table(sm.input).to_csv(sm.output[0], index=False)
