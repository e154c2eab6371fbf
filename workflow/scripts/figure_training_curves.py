"""Training and validation loss per epoch for every fold of one variant."""
import re

import pandas as pd

from shapeae import jobs, plots

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
history = pd.concat(
    [pd.read_csv(path).assign(fold=int(re.search(r"fold(\d+)", path).group(1))) for path in sm.input],
    ignore_index=True,
)
plots.save(plots.training_curves(history), sm.output[0], sm.params.dpi)
