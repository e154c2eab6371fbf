# Helpers shared by all rule files: config validation, seeds, target lists.
import sys
from pathlib import Path

from snakemake.utils import validate

# The library lives in workflow/shapeae; make it importable here and in every job's script,
# whichever Python environment (venv, conda) runs them.
LIBRARY = str(Path(workflow.basedir) / "workflow")
sys.path.insert(0, LIBRARY)
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [LIBRARY, os.environ.get("PYTHONPATH")]))

from shapeae import config_checks, seeding  # noqa: E402

SCHEMA = Path(workflow.basedir) / "workflow/schemas/config.schema.yaml"
config_checks.validate_schema(config, SCHEMA)  # short message naming the key
validate(config, schema=str(SCHEMA))  # fills in the schema's defaults
config_checks.check(config)

EXPERIMENTS = list(config["experiments"])


wildcard_constraints:
    experiment="|".join(EXPERIMENTS),
    variant="[A-Za-z0-9_]+",
    fold=r"\d+",


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


# Per-variant figures of each experiment (rules in figures.smk).
FIGURES_PER_VARIANT = {
    "disks": ["training_curves", "reconstructions", "interpolation", "code_vs_size"],
}
