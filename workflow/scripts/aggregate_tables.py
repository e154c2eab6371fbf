"""Concatenate tidy per-job tables into one."""
import pandas as pd

from shapeae import jobs

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
pd.concat([pd.read_csv(path) for path in sm.input], ignore_index=True).to_csv(sm.output[0], index=False)
