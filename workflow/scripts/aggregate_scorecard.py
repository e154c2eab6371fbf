"""Every encoder's scorecard rows in one tidy table, and their mean and spread over folds."""
import pandas as pd

from shapeae import jobs, scorecard

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm.log[0], threads=sm.threads)
table = pd.concat([scorecard.read(path) for path in sm.input], ignore_index=True)
table = table.sort_values(scorecard.COLUMNS[:-1], kind="stable").reset_index(drop=True)
table.to_csv(sm.output.table, index=False)
scorecard.summarise(table).to_csv(sm.output.summary, index=False)
