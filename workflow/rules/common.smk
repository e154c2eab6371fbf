# Helpers every experiment uses: config validation and subtrees, seeds, folds, paths, and the final
# target lists. Each experiment's own helpers live in its rule file (disks.smk, positions.smk, ...).
import sys
from pathlib import Path

# The library lives in workflow/shapeae. Snakemake hands this process's sys.path on to every
# `script:` job, so this one line makes it importable in all of them (venv or conda).
sys.path.insert(0, str(Path(workflow.basedir) / "workflow"))

from shapeae import config_checks, seeding  # noqa: E402

SCHEMA = Path(workflow.basedir) / "workflow/schemas/config.schema.yaml"
config_checks.validate_schema(config, SCHEMA)  # fills in defaults; errors name the key
config_checks.check(config)
config_checks.expand_seeds(config)  # seeds: n -> variants <name>_seed<i>

EXPERIMENTS = list(config["experiments"])


def sorted_keys(node):
    """A copy with every dict's keys sorted: params are compared by repr, which follows key order,
    so without this reordering config.yaml would rerun jobs."""
    if isinstance(node, dict):
        return {key: sorted_keys(node[key]) for key in sorted(node)}
    if isinstance(node, list):
        return [sorted_keys(item) for item in node]
    return node


_REQUIRED = object()


def config_at(dpath, default=_REQUIRED):
    """Params function: the config subtree at `dpath` ("experiments/{experiment}/dataset"), keys
    sorted; `default` where the path is absent (a key only some experiments have)."""

    def subtree(wildcards):
        node = config
        for key in dpath.format(**wildcards).split("/"):
            if key not in node and default is not _REQUIRED:
                return default
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


def fold_scores(wildcards):
    """Every per-fold score table of an experiment scored per (variant, fold)."""
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


# Each experiment plugs into the final targets and the claims table by defining three functions in
# its helper file (workflow/rules/<experiment>_common.smk, included by <experiment>.smk), e.g.
# disks_figures() in disks_common.smk. They are called for the experiments in the config, once all
# files are included (claims.smk comes last).
#   <experiment>_figures()        its figure paths, listed in results/figures/all
#   <experiment>_claims_inputs()  {name: path}, the tables its claims read (inputs of the claims job)
#   <experiment>_claims_params()  {name: value}, the config its claims read (params of the claims job)
def experiment_hook(experiment, name):
    """The function <experiment>_<name> from the experiment's rule file."""
    hook = globals().get(f"{experiment}_{name}")
    if not callable(hook):
        raise ValueError(f"workflow/rules/{experiment}_common.smk must define {experiment}_{name}()")
    return hook


def all_figures():
    figures = ["results/figures/claims.png"]
    for experiment in EXPERIMENTS:
        figures += experiment_hook(experiment, "figures")()
    return figures


def claims_inputs(wildcards):
    inputs = {}
    for experiment in EXPERIMENTS:
        inputs.update(experiment_hook(experiment, "claims_inputs")())
    return inputs


def claims_params():
    params = {}
    for experiment in EXPERIMENTS:
        params.update(experiment_hook(experiment, "claims_params")())
    return params
