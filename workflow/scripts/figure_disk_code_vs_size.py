"""Newson fig. 3 (right): held-out codes z against disk radius and area, every fold."""
import re

import numpy as np
import pandas as pd

from shapeae import features, jobs, plots

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm.log[0], threads=sm.threads)

tables = []
for path in sm.input.features:
    held_out = features.load(path, sm.input.data)
    tables.append(held_out.factors.assign(z=held_out.codes[:, 0], fold=int(re.search(r"fold(\d+)", path).group(1))))
plots.save(plots.code_against_size(pd.concat(tables, ignore_index=True)), sm.output[0], sm.params.dpi)
