# ShapeAE: autoencoders on simple geometric images. See README.md.
import os

from snakemake.utils import min_version

min_version("9.0")


# config.yaml beside this file (whatever --directory says), unless --configfile names config files:
# then those alone, merged in order, e.g. --configfile config.yaml presets/paper.yaml. Cluster jobs
# are handed the same files, so they see the same config (--replace-workflow-config is not passed on).
if not workflow.overwrite_configfiles:

    configfile: os.path.join(workflow.basedir, "config.yaml")


# The report's front page (snakemake --report report.html): it includes results/report/front_page.rst,
# which a rule writes from this run's claims table (claims.smk).
report: "workflow/report/workflow.rst"


include: "workflow/rules/common.smk"


wildcard_constraints:
    experiment="|".join(EXPERIMENTS),
    variant="[A-Za-z0-9_]+",
    fold=r"\d+",


# The generic stages, keyed by {experiment}.
include: "workflow/rules/datasets.smk"
include: "workflow/rules/folds.smk"
include: "workflow/rules/train.smk"
include: "workflow/rules/extract.smk"
include: "workflow/rules/scores.smk"
# One file per experiment: its scores, analyses and figures.
include: "workflow/rules/disks.smk"
include: "workflow/rules/positions.smk"
include: "workflow/rules/shapespace.smk"
include: "workflow/rules/colours.smk"
include: "workflow/rules/perceptual.smk"
# Every encoder of every experiment, scored the same way.
include: "workflow/rules/scorecard.smk"
# Last: the claims table and the figure manifest collect what each experiment file adds.
include: "workflow/rules/claims.smk"


rule all:
    input:
        "results/figures/all",
    default_target: True
