"""All per-fold scores of an experiment in one tidy table, and their mean and spread over folds."""
import pandas as pd

from shapeae import jobs, scores

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
table = pd.concat([scores.read(path, scores.COLUMNS) for path in sm.input], ignore_index=True)
table = table.sort_values(scores.COLUMNS[:-1], kind="stable").reset_index(drop=True)
table.to_csv(sm.output.scores, index=False)
scores.summarise(table).to_csv(sm.output.summary, index=False)
