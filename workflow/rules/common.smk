# Helpers shared by the workflow: config validation, seeds, target lists.
import sys
from pathlib import Path

from snakemake.utils import validate

# The library lives in workflow/shapeae. Snakemake hands this process's sys.path on to every
# `script:` job, so this one line makes it importable in all of them (venv or conda).
sys.path.insert(0, str(Path(workflow.basedir) / "workflow"))

from shapeae import config_checks, seeding  # noqa: E402

SCHEMA = Path(workflow.basedir) / "workflow/schemas/config.schema.yaml"
config_checks.validate_schema(config, SCHEMA)  # short message naming the key
validate(config, schema=str(SCHEMA))  # fills in the schema's defaults
config_checks.check(config)

EXPERIMENTS = list(config["experiments"])


def sorted_keys(node):
    """A copy with every dict's keys sorted: params are compared by repr, which follows key order,
    so without this reordering config.yaml would rerun jobs."""
    if isinstance(node, dict):
        return {key: sorted_keys(node[key]) for key in sorted(node)}
    if isinstance(node, list):
        return [sorted_keys(item) for item in node]
    return node


def config_at(dpath):
    """Params function: the config subtree at `dpath` ("experiments/{experiment}/dataset"), keys sorted."""

    def subtree(wildcards):
        node = config
        for key in dpath.format(**wildcards).split("/"):
            node = node[key]
        return sorted_keys(node)

    return subtree


def variants(experiment):
    return list(config["experiments"][experiment]["variants"])


def folds(experiment):
    return range(config["experiments"][experiment]["n_folds"])


def job_seed(wildcards):
    """Seed of one job: global seed + experiment + variant + fold (whichever the job has)."""
    parts = [wildcards.get(key) for key in ("experiment", "variant", "fold")]
    return seeding.derive_seed(config["seed"], *[p for p in parts if p is not None])


def fold_scores(wildcards):
    return [
        f"results/scores/{wildcards.experiment}/{variant}/fold{fold}.csv"
        for variant in variants(wildcards.experiment)
        for fold in folds(wildcards.experiment)
    ]


def variant_histories(wildcards):
    return expand(
        "results/models/{experiment}/{variant}/fold{fold}/history.csv",
        fold=folds(wildcards.experiment),
        **wildcards,
    )


def variant_features(wildcards):
    return expand(
        "results/features/{experiment}/{variant}/fold{fold}.npz",
        fold=folds(wildcards.experiment),
        **wildcards,
    )


def all_figures():
    figures = []
    for experiment in EXPERIMENTS:
        figures.append(f"results/figures/{experiment}/scores.png")
        for variant in variants(experiment):
            figures += [
                f"results/figures/{experiment}/{variant}/{name}.png"
                for name in FIGURES_PER_VARIANT[experiment]
            ]
    return figures


# Per-variant figures of each experiment, made in figures.smk.
FIGURES_PER_VARIANT = {
    "disks": ["training_curves", "reconstructions", "interpolation", "code_vs_size"],
}
