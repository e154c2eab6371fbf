# ShapeAE: autoencoders on simple geometric images. See README.md.
from snakemake.utils import min_version

min_version("9.0")


configfile: "config.yaml"


include: "workflow/rules/common.smk"
include: "workflow/rules/datasets.smk"
include: "workflow/rules/folds.smk"
include: "workflow/rules/train.smk"
include: "workflow/rules/extract.smk"
include: "workflow/rules/scores.smk"
include: "workflow/rules/figures.smk"


rule all:
    input:
        "results/figures/all",
    default_target: True
