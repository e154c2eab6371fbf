# Helpers shared by the workflow: config validation, seeds, target lists.
import sys
from pathlib import Path

# The library lives in workflow/shapeae. Snakemake hands this process's sys.path on to every
# `script:` job, so this one line makes it importable in all of them (venv or conda).
sys.path.insert(0, str(Path(workflow.basedir) / "workflow"))

from shapeae import config_checks, seeding  # noqa: E402

SCHEMA = Path(workflow.basedir) / "workflow/schemas/config.schema.yaml"
config_checks.validate_schema(config, SCHEMA)  # fills in defaults; errors name the key
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


def folds(experiment, variant):
    """Folds a variant trains: its `folds`, else all."""
    spec = config["experiments"][experiment]
    return spec["variants"][variant].get("folds") or list(range(spec["n_folds"]))


def figure_fold(experiment, variant):
    """Whose model per-model figures draw: figures.fold if the variant trained it, else its first."""
    trained = folds(experiment, variant)
    return config["figures"]["fold"] if config["figures"]["fold"] in trained else trained[0]


def job_seed(wildcards):
    """Seed of one job: global seed + experiment + variant + fold (whichever the job has)."""
    parts = [wildcards.get(key) for key in ("experiment", "variant", "fold")]
    return seeding.derive_seed(config["seed"], *[p for p in parts if p is not None])


def claims_inputs(wildcards):
    return {
        experiment: f"results/tables/{experiment}/scores.csv"
        for experiment in EXPERIMENTS
    }


def fold_scores(wildcards):
    return [
        f"results/scores/{wildcards.experiment}/{variant}/fold{fold}.csv"
        for variant in variants(wildcards.experiment)
        for fold in folds(wildcards.experiment, variant)
    ]


def variant_histories(wildcards):
    return expand(
        "results/models/{experiment}/{variant}/fold{fold}/history.csv",
        fold=folds(wildcards.experiment, wildcards.variant),
        **wildcards,
    )


def variant_features(wildcards):
    return expand(
        "results/features/{experiment}/{variant}/fold{fold}.npz",
        fold=folds(wildcards.experiment, wildcards.variant),
        **wildcards,
    )


def figure_features(wildcards):
    fold = figure_fold(wildcards.experiment, wildcards.variant)
    return f"results/features/{wildcards.experiment}/{wildcards.variant}/fold{fold}.npz"


def figure_model(wildcards):
    fold = figure_fold(wildcards.experiment, wildcards.variant)
    return f"results/models/{wildcards.experiment}/{wildcards.variant}/fold{fold}/model.pt"


def group_features(group):
    """Input function: features of every fold of every variant in experiments.disks.figures.<group>."""

    def inputs(wildcards):
        group_variants = config["experiments"][wildcards.experiment]["figures"][group]
        return [
            f"results/features/{wildcards.experiment}/{variant}/fold{fold}.npz"
            for variant in group_variants
            for fold in folds(wildcards.experiment, variant)
        ]

    return inputs


def group_fold(experiment, group):
    """The first fold every variant of a figure group trained (config_checks ensures one exists)."""
    members = config["experiments"][experiment]["figures"][group]
    return min(set.intersection(*(set(folds(experiment, v)) for v in members)))


def group_hole(experiment, group):
    """The radius range the group's variants never saw: [low, high) of the first one's exclusion."""
    first = config["experiments"][experiment]["figures"][group][0]
    return config["experiments"][experiment]["variants"][first]["train_exclude"]["radius"][0]


def group_weights(experiment, group):
    members = config["experiments"][experiment]["figures"][group]
    return [config["experiments"][experiment]["variants"][v]["regularisation"]["weight"] for v in members]


def variant_figures(experiment, variant):
    """Per-variant figures: curves and reconstructions for all (figs 2, 5, 6); fig. 3 for models
    trained on every radius without a penalty; figs 4, 11-13 for bias-free ones."""
    spec = config["experiments"][experiment]["variants"][variant]
    names = ["training_curves", "reconstructions"]
    if not spec["train_exclude"] and spec["regularisation"]["kind"] == "none":
        names += ["interpolation", "code_vs_size"]
    if not spec["model"].get("bias", True):
        names += ["profiles", "decoder_theory"]
    return names


def position_models(part):
    """Every trained position network of one part (encoder or decoder), all variants and repeats."""
    spec = config["experiments"]["positions"][part]["variants"]
    return [
        f"results/models/positions/{part}/{variant}/repeat{repeat}/model.pt"
        for variant, settings in spec.items()
        for repeat in range(settings["repeats"])
    ]


def all_figures():
    figures = ["results/figures/claims.png"]
    if "positions" in EXPERIMENTS:
        figures += ["results/figures/positions/filters.png", "results/figures/positions/decoder.png"]
    for experiment in set(EXPERIMENTS) & {"disks"}:
        figures.append(f"results/figures/{experiment}/scores.png")
        figures += [f"results/figures/{experiment}/{group}.png" for group in config["experiments"][experiment]["figures"]]
        for variant in variants(experiment):
            figures += [
                f"results/figures/{experiment}/{variant}/{name}.png" for name in variant_figures(experiment, variant)
            ]
    return figures
