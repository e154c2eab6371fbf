"""results/claims.csv and its figure: which published findings this run reproduces."""
import pandas as pd

from shapeae import claims, convergence, jobs, plots, scores
from shapeae.experiments import colours, disks, perceptual, positions, shapespace

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)


def scores_of(experiment, columns=scores.COLUMNS):
    """The experiment's score table; empty when the run has none, so its findings read "not measured"."""
    return scores.read(sm.input[experiment], columns) if experiment in sm.input.keys() else pd.DataFrame(columns=columns)


records = convergence.read(sm.input.training)  # how every model's training ended
rows = claims.judge(disks.claims(scores_of("disks"), sm.params.get("disk_variants", {}), sm.params.get("disk_radius_max")),
                    records, "disks")
rows += claims.judge(positions.claims(scores_of("positions"), sm.params.get("position_encoders", {})), records, "positions")
rows += claims.judge(shapespace.claims(scores_of("shapespace"), scores_of("shapespace_noise", ["variant", "fold", "noise", "bce", "blank_bce"]),
                                       sm.params.get("shapespace_variants", {}), records), records, "shapespace")
rows += claims.judge(colours.claims(scores_of("colours"), sm.params.get("colour_variants", {})), records, "colours")
rows += claims.judge(perceptual.claims(scores_of("perceptual", scores.COLUMNS + ["loss_network"]),
                                       sm.params.get("perceptual_variants", {})), records, "perceptual")
table = claims.table(rows)
table.to_csv(sm.output.table, index=False)
plots.save(plots.claims_table(table), sm.output.figure, sm.params.dpi)
