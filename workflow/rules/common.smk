# Helpers every experiment uses: config validation and subtrees, seeds, folds, paths, and the final
# target lists. Each experiment's own helpers live in its rule file (disks.smk, positions.smk, ...).
import re
import sys
from pathlib import Path

# The library lives in workflow/shapeae. Snakemake hands this process's sys.path on to every
# `script:` job, so this one line makes it importable in all of them (venv or conda).
sys.path.insert(0, str(Path(workflow.basedir) / "workflow"))

from shapeae import config_checks, convergence, seeding  # noqa: E402

SCHEMA = Path(workflow.basedir) / "workflow/schemas/config.schema.yaml"
# Paper scale as one switch: `preset: paper` (--profile profiles/paper) merges presets/paper.yaml.
config_checks.apply_preset(config, Path(workflow.basedir) / "presets", workflow.config_settings.overwrite_config)
config_checks.validate_schema(config, SCHEMA)  # fills in defaults; errors name the key
config_checks.check(config)
config_checks.expand_seeds(config)  # seeds: n -> variants <name>_seed<i>

EXPERIMENTS = config_checks.experiments_in_study_order(config, SCHEMA)

# Scheduling order (Snakemake's `priority:`, higher first among jobs that are ready): on a few cores
# the long training jobs start first and the many short jobs that read their models fill in behind
# them, so that no core idles at the end beside a training job that started late. Jobs that unlock
# training (datasets, folds, the perceptual loss network) go before it.
PRIORITY_UNLOCKS_TRAINING = 3
PRIORITY_TRAINING = 2
PRIORITY_FIGURE_MODEL = 1  # a model trained only for a figure (fig. 1's refitted decoders)


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


def dataset_ids():
    """{dataset id: (experiment, its config subtree)}: an experiment's `dataset` has the id
    <experiment> (results/datasets/<experiment>.npz); each entry of its `datasets` has the id
    <experiment>/<name>, drawn by the entry's `generator`."""
    ids = {}
    for experiment, spec in config["experiments"].items():
        if "dataset" in spec:
            ids[experiment] = (experiment, spec["dataset"])
        for name, dataset in spec.get("datasets", {}).items():
            ids[f"{experiment}/{name}"] = (experiment, dataset)
    return ids


DATA_PATTERN = "|".join(re.escape(data) for data in dataset_ids())


def dataset_spec(wildcards):
    """The generator's keyword arguments (sorted) for the dataset id {data}."""
    spec = dict(dataset_ids()[wildcards.data][1])
    spec.pop("generator", None)
    return sorted_keys(spec)


def dataset_generator(wildcards):
    """A named dataset's `generator`; an experiment's own dataset is drawn by the experiment's."""
    return dataset_ids()[wildcards.data][1].get("generator", wildcards.data)


def dataset_n_folds(wildcards):
    return config["experiments"][dataset_ids()[wildcards.data][0]]["n_folds"]


def dataset_seed(wildcards):
    return seeding.derive_seed(config["seed"], *wildcards.data.split("/"))


def variant_dataset(experiment, variant):
    """The dataset id a variant trains on: its `dataset` among the experiment's `datasets`, else the
    experiment's own."""
    name = config["experiments"][experiment]["variants"][variant].get("dataset")
    return f"{experiment}/{name}" if name else experiment


def variant_data(wildcards):
    """Inputs data and folds of the dataset a (experiment, variant) job reads."""
    data = variant_dataset(wildcards.experiment, wildcards.variant)
    return {"data": f"results/datasets/{data}.npz", "folds": f"results/folds/{data}.csv"}


def training_inputs(wildcards):
    """variant_data, and the loss network of a variant trained with a perceptual loss."""
    inputs = variant_data(wildcards)
    objective = config["experiments"][wildcards.experiment]["variants"][wildcards.variant].get("objective") or {}
    if objective.get("loss") == "perceptual":
        inputs["loss_network"] = f"results/models/{wildcards.experiment}/loss_network/model.pt"
    return inputs


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


def variant_models(experiment):
    """model.json of every (variant, fold) rule train trains for an experiment."""
    return [
        f"results/models/{experiment}/{variant}/fold{fold}/model.json"
        for variant in variants(experiment)
        for fold in folds(experiment, variant)
    ]


# Each experiment plugs into the final targets and the claims table by defining four functions in
# its helper file (workflow/rules/<experiment>_common.smk, included by <experiment>.smk), e.g.
# disks_figures() in disks_common.smk. They are called for the experiments in the config, once all
# files are included (claims.smk comes last).
#   <experiment>_figures()        its figure paths, listed in results/figures/all
#   <experiment>_models()         the model.json of every model it trains (the training table's rows)
#   <experiment>_claims_inputs()  {name: path}, the tables its claims read (inputs of the claims job)
#   <experiment>_claims_params()  {name: value}, the config its claims read (params of the claims job)
def experiment_hook(experiment, name):
    """The function <experiment>_<name> from the experiment's rule file."""
    hook = globals().get(f"{experiment}_{name}")
    if not callable(hook):
        raise ValueError(f"workflow/rules/{experiment}_common.smk must define {experiment}_{name}()")
    return hook


def all_models(wildcards=None):
    """Input function: model.json of every model of the run, for the training table (train.smk)."""
    return [path for experiment in EXPERIMENTS for path in experiment_hook(experiment, "models")()]


def all_histories(wildcards=None):
    return [convergence.identify(path)[3] for path in all_models()]


def all_figures():
    figures = ["results/figures/claims.png", "results/figures/convergence.png"]
    for experiment in EXPERIMENTS:
        figures += experiment_hook(experiment, "figures")()
    return figures


def figures_by_experiment():
    """{experiment: its figures relative to results/figures, sorted} (the report's front page lists them;
    sorted, so that reordering variants in config.yaml does not change the params that hold them)."""
    return {e: sorted(f.removeprefix("results/figures/") for f in experiment_hook(e, "figures")()) for e in EXPERIMENTS}


def caption_numbers_path(figure):
    """The caption include of a figure: the line of this run's numbers it supports (report.py)."""
    return f"results/report/captions/{figure.removeprefix('results/figures/')}.rst"


def front_page_inputs(wildcards):
    inputs = {"claims": "results/claims.csv", "training": "results/tables/training.csv"}
    if SCORED_EXPERIMENTS:  # scorecard_common.smk
        inputs["scorecard"] = "results/tables/scorecard_summary.csv"
    return inputs


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
