"""The report's front page (claims table, a paragraph per experiment) and the numbers line of every
figure's caption, from this run's claims and scorecard tables."""
from pathlib import Path

import pandas as pd

from shapeae import convergence, jobs, report
from shapeae.experiments import colours, disks, perceptual, positions, shapespace

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
MODULES = {"disks": disks, "positions": positions, "shapespace": shapespace, "colours": colours, "perceptual": perceptual}

claims = pd.read_csv(sm.input.claims)
scorecard = pd.read_csv(sm.input.scorecard) if "scorecard" in sm.input.keys() else None
training = convergence.read(sm.input.training)
experiments = {name: (MODULES[name].REPORT_SUMMARY, MODULES[name].CLAIM_IDS, figures)
               for name, figures in sm.params.figures.items()}
Path(sm.output.front_page).write_text(report.front_page(claims, experiments, scorecard))
experiment_claims = {name: MODULES[name].CLAIM_IDS for name in MODULES}
for figure, caption in zip(sm.params.captioned, sm.output.captions):
    Path(caption).write_text(report.caption_numbers(figure, claims, experiment_claims, scorecard, training) + "\n")
