# ShapeAE: autoencoders on simple geometric images. See README.md.
import os

from snakemake.utils import min_version

min_version("9.0")


# config.yaml beside this file, whatever --directory says; --configfile overlays it
# (e.g. presets/paper.yaml); add --replace-workflow-config to replace it (the smoke config does).
configfile: os.path.join(workflow.basedir, "config.yaml")


include: "workflow/rules/common.smk"


wildcard_constraints:
    experiment="|".join(EXPERIMENTS),
    variant="[A-Za-z0-9_]+",
    fold=r"\d+",


include: "workflow/rules/datasets.smk"
include: "workflow/rules/folds.smk"
include: "workflow/rules/train.smk"
include: "workflow/rules/extract.smk"
include: "workflow/rules/scores.smk"
include: "workflow/rules/figures.smk"
include: "workflow/rules/positions.smk"
include: "workflow/rules/claims.smk"


rule all:
    input:
        "results/figures/all",
    default_target: True
