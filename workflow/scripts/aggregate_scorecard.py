"""Every encoder's scorecard rows in one tidy table, and their mean and spread over folds, each
encoder marked with how its training ended (column `training`: learned, or which folds did not)."""
import pandas as pd

from shapeae import convergence, jobs, scorecard

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
table = pd.concat([scorecard.read(path) for path in sm.input.tables], ignore_index=True)
table = table.sort_values(scorecard.COLUMNS[:-1], kind="stable").reset_index(drop=True)
training = convergence.encoder_status(convergence.read(sm.input.training))
scorecard.mark_training(table, training).to_csv(sm.output.table, index=False)
scorecard.mark_training(scorecard.summarise(table), training).to_csv(sm.output.summary, index=False)
