"""Newson fig. 3 (right): held-out codes z against disk radius and area, every fold."""
import pandas as pd

from shapeae import features, jobs, plots
from shapeae.experiments.disks import figures

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
table = pd.concat([held_out.factors.assign(z=held_out.codes[:, 0], fold=fold)
                   for (_, fold), held_out in features.load_all(sm.input.features, sm.input.data).items()],
                  ignore_index=True)
plots.save(figures.code_against_size(table), sm.output[0], sm.params.dpi)
