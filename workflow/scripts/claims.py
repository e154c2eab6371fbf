"""results/claims.csv and its figure: which published findings this run reproduces."""
import pandas as pd

from shapeae import claims, jobs, plots

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm.log[0], threads=sm.threads)
table = claims.table(claims.newson_claims(pd.read_csv(sm.input.disks), sm.params.disk_variants))
table.to_csv(sm.output.table, index=False)
plots.save(plots.claims_table(table), sm.output.figure, sm.params.dpi)
