"""Bad configs, fuzzed from the smoke config: every one stops the run before any job, with a message
that names the key at fault, and leaves every file under results/ byte-identical.

Each case is (the dotted key to change, its bad value or DELETE, the key the message must name, a
piece of the message). Cases run as real `snakemake` invocations on a copy of a finished smoke run,
two at a time.
"""
import copy
import hashlib
from concurrent.futures import ThreadPoolExecutor

import pytest
import yaml

from workflow_helpers import SMOKE_CONFIG, snakemake

DELETE = object()
D, P, S, C, L = ("experiments.disks", "experiments.positions", "experiments.shapespace", "experiments.colours",
                 "experiments.perceptual")

CASES = [
    # top level, compute, figures, scorecard, preset
    ("seed", "seven", "seed", "is not of type 'integer'"),
    ("seed", -1, "seed", "less than the minimum"),
    ("seed", None, "seed", "None is not of type 'integer'"),
    ("seeds", 3, "(top level)", "'seeds' was unexpected"),
    ("experiments", DELETE, "(top level)", "'experiments' is a required property"),
    ("experiments", {}, "experiments", "should be non-empty"),
    ("experiments.circles", {"n": 1}, "experiments", "'circles' was unexpected"),
    ("compute.device", "gpu", "compute.device", "'gpu' is not one of"),
    ("compute.train_threads", 0, "compute.train_threads", "less than the minimum"),
    ("figures.dpi", 72, "figures.dpi", "less than the minimum"),
    ("figures.fold", 7, "figures.fold", "fold 7 does not exist"),
    ("figures.colour", "red", "figures", "'colour' was unexpected"),
    ("scorecard.mig.bins", 1, "scorecard.mig.bins", "less than the minimum"),
    ("scorecard.dci.max_features", "half", "scorecard.dci.max_features", "'half' is not one of"),
    ("scorecard.dci.max_features", "sqrt", "scorecard.dci.max_features", "needs booster sklearn"),
    ("scorecard.skip_factors", {"shapspace": ["drawing"]}, "scorecard.skip_factors", "'shapspace' is not one of"),
    ("scorecard.mlp.hosts", [[0]], "scorecard.mlp.hosts.0.0", "less than the minimum"),
    ("scorecard.betas", [], "scorecard.betas", "should be non-empty"),
    ("preset", "papr", "preset", "'papr' is not a preset"),
    # disks
    (f"{D}.dataset.n_images", "many", f"{D}.dataset.n_images", "is not of type 'integer'"),
    (f"{D}.dataset.blur_sigma", -1.0, f"{D}.dataset.blur_sigma", "minimum"),
    (f"{D}.dataset.n_images", DELETE, f"{D}.dataset", "'n_images' is a required property"),
    (f"{D}.dataset.colour", "red", f"{D}.dataset", "'colour' was unexpected"),
    # (a whole `training` block: the smoke config's variants share one through a YAML alias)
    (f"{D}.variants.default.training", {"epochs": 0, "batch_size": 8, "lr": 0.01}, f"{D}.variants.default.training.epochs",
     "less than the minimum"),
    (f"{D}.variants.default.training", {"epochs": 2, "batch_size": 8, "lr": None}, f"{D}.variants.default.training.lr",
     "None is not of type"),
    (f"{D}.variants.default.model.depths", [1, 8, 4, 1], f"{D}.variants.default.model.depths", "log2(64) + 1 = 7 depths"),
    (f"{D}.variants.hole_psi1.train_exclude.radius", [[18, 11]], f"{D}.variants.hole_psi1.train_exclude.radius",
     "excludes nothing"),
    (f"{D}.variants.hole_psi3.regularisation.kind", "l2", f"{D}.variants.hole_psi3.regularisation.kind", "'l2' is not one of"),
    (f"{D}.figures.regularisation", ["hole_psi1", "hole_psi9"], f"{D}.figures.regularisation", "unknown variants ['hole_psi9']"),
    (f"{D}.scores.radius_bins", [0, 18, 11, 32], f"{D}.scores.radius_bins", "must increase strictly"),
    (f"{D}.variants.default.folds", [5], f"{D}.variants.default.folds", "folds [5] do not exist"),
    # positions
    (f"{P}.n", 12, f"{P}.n", "12 is not one of"),
    (f"{P}.decoder.model.depths", [1, 2, 4], f"{P}.decoder.model.depths", "not n = 16"),
    (f"{P}.encoder.variants.regression.objective", "classify", f"{P}.encoder.variants.regression.objective", "is not one of"),
    (f"{P}.encoder.variants.regression.steps", -5, f"{P}.encoder.variants.regression.steps", "less than the minimum"),
    # shapespace
    (f"{S}.variants.best.model.image_size", 112, f"{S}.variants.best.model.image_size", "differs from dataset.image_size"),
    (f"{S}.noise.levels", [0.1, 0.55], f"{S}.noise.levels", "must start at 0"),
    (f"{S}.noise.variants", ["classifier"], f"{S}.noise.variants", "is not an autoencoder variant"),
    (f"{S}.variants.classifier.model.n_classes", 7, f"{S}.variants.classifier.model.n_classes", "outputs, got 7"),
    (f"{S}.probes.betas", [], f"{S}.probes.betas", "should be non-empty"),
    (f"{S}.variants.default.objective.noise", 1.5, f"{S}.variants.default.objective.noise", "maximum"),
    (f"{S}.n_folds", DELETE, S, "'n_folds' is a required property"),
    # colours
    (f"{C}.dataset.size_range", [0.45, 0.25], f"{C}.dataset.size_range", "low <= high"),
    (f"{C}.dataset.shapes", ["circle", "hexagon"], f"{C}.dataset.shapes.1", "'hexagon' is not one of"),
    (f"{C}.figures.embedding", ["autoencoder"], f"{C}.figures.embedding", "is not a contrastive_encoder variant"),
    (f"{C}.variants.triplet_crop.objective.loss", "ntxent", f"{C}.variants.triplet_crop.objective.loss", "'ntxent' is not one of"),
    (f"{C}.variants.triplet_crop.objective.margin", -0.3, f"{C}.variants.triplet_crop.objective.margin", "minimum"),
    (f"{C}.probes.k", 0, f"{C}.probes.k", "less than the minimum"),
    (f"{C}.variants.autoencoder.model.image_size", 32, f"{C}.variants.autoencoder.model.image_size", "differs from"),
    # perceptual
    (f"{L}.variants.lander_ae.dataset", "moon", f"{L}.variants.lander_ae.dataset", "'moon' is not one of"),
    (f"{L}.figures.reconstruction", ["lander_ae", "clutter_ae"], f"{L}.figures.reconstruction", "must share one dataset"),
    (f"{L}.figures.reconstruction", ["lander_xx"], f"{L}.figures.reconstruction", "unknown variants ['lander_xx']"),
    (f"{L}.datasets.clutter.n_clutter", [5, 2], f"{L}.datasets.clutter.n_clutter", "low <= high"),
    (f"{L}.variants.lander_pvae.objective.kl_weight", -1, f"{L}.variants.lander_pvae.objective.kl_weight", "minimum"),
    (f"{L}.probes.hosts", [[-3]], f"{L}.probes.hosts.0.0", "less than the minimum"),
    (f"{L}.loss_network.training.batch_size", 0, f"{L}.loss_network.training.batch_size", "less than the minimum"),
]


def changed(dotted_key, value):
    config = copy.deepcopy(yaml.safe_load(SMOKE_CONFIG.read_text()))
    *parents, last = dotted_key.split(".")
    node = config
    for key in parents:
        node = node[key]
    if value is DELETE:
        del node[last]
    else:
        node[last] = value
    return yaml.safe_dump(config)


def digests(root):
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((root / "results").rglob("*")) if p.is_file()}


def test_every_bad_config_stops_before_any_job_naming_its_key(smoke_copy, tmp_path):
    assert len(CASES) >= 40
    files = []
    for i, (key, value, _, _) in enumerate(CASES):
        files.append(tmp_path / f"case{i}.yaml")
        files[-1].write_text(changed(key, value))
    files += [tmp_path / "invalid.yaml", tmp_path / "empty.yaml"]
    files[-2].write_text("experiments:\n  disks: [unclosed\n")
    files[-1].write_text("")
    before = digests(smoke_copy)

    def run(path):
        return snakemake(smoke_copy, "results/figures/all", config=path, check=False)

    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(run, files))
    failures = []
    for (key, _, named, message), result in zip(CASES, results):
        out = result.stdout + result.stderr
        if result.returncode == 0 or f"config key '{named}'" not in out or message not in out:
            failures.append(f"{key}: rc {result.returncode}, wanted \"config key '{named}'\" and {message!r}:\n{out[-600:]}")
        if "Select jobs to execute" in out or "Job stats" in out:
            failures.append(f"{key}: a job was scheduled")
    for path, result in zip(files[-2:], results[-2:]):  # Snakemake reads these before the workflow: its message
        out = result.stdout + result.stderr
        if result.returncode == 0 or "Select jobs to execute" in out:
            failures.append(f"{path.name}: rc {result.returncode}\n{out[-600:]}")
    assert not failures, "\n\n".join(failures)
    assert digests(smoke_copy) == before
