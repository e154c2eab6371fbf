"""Part 8 fig. 2b-c and the BCE-against-noise curves: reconstructions of one held-out image under
several noise patterns and levels, and test BCE against the noise level."""
import numpy as np
import pandas as pd

from shapeae import jobs, plots
from shapeae.experiments.shapespace import figures

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
noise = pd.concat([pd.read_csv(path) for path in sm.input.tables], ignore_index=True)
plots.save(figures.bce_against_noise(noise), sm.output.bce, sm.params.dpi)
with np.load(sm.input.examples) as ex:
    patterns = figures.noise_examples(ex["pattern_inputs"], ex["pattern_outputs"],
                                      [f"pattern {i + 1}" for i in range(len(ex["pattern_inputs"]))])
    levels = figures.noise_examples(ex["level_inputs"], ex["level_outputs"], [f"{p:.0%}" for p in ex["levels"]])
plots.save(patterns, sm.output.patterns, sm.params.dpi)
plots.save(levels, sm.output.levels, sm.params.dpi)
