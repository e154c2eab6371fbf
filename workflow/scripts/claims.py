"""results/claims.csv and its figure: which published findings this run reproduces."""
import pandas as pd

from shapeae import claims, jobs, plots

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm.log[0], threads=sm.threads)
empty = pd.DataFrame(columns=["experiment", "variant", "fold", "probe", "target", "metric", "value"])
disks = pd.read_csv(sm.input.disks) if "disks" in sm.input.keys() else empty
positions = pd.read_csv(sm.input.positions) if "positions" in sm.input.keys() else empty
rows = claims.newson_claims(disks, sm.params.disk_variants, sm.params.disk_radius_max)
rows.append(claims.position_claims(positions, sm.params.position_encoders))
table = claims.table(rows)
table.to_csv(sm.output.table, index=False)
plots.save(plots.claims_table(table), sm.output.figure, sm.params.dpi)
