"""The whole DAG on the smoke config: outputs, reruns, determinism, report, lint, bad input."""
import hashlib
import json
import re
import subprocess
import sys

import pandas as pd
import pytest

from workflow_helpers import REPO, config_with, planned_jobs, snakemake

pytestmark = pytest.mark.slow

DOWNSTREAM_OF_FIGURES = {"report_front_page", "figure_manifest", "all"}  # captions carry each figure's numbers
TRAINING_AND_UPSTREAM = {"dataset", "folds", "train"}


def test_smoke_dag_builds_every_figure_in_the_manifest(smoke_run):
    lines = (smoke_run / "results/figures/all").read_text().splitlines()
    listed = {line.split("  ", 1)[1]: line.split("  ", 1)[0] for line in lines}
    per_variant = {
        "default": ["training_curves", "reconstructions", "interpolation", "code_vs_size"],
        "nobias": ["training_curves", "reconstructions", "interpolation", "code_vs_size", "profiles",
                   "decoder_theory"],
        "hole_psi1": ["training_curves", "reconstructions"],
        "hole_psi3": ["training_curves", "reconstructions"],
    }
    expected = {f"results/figures/disks/{variant}/{name}.png" for variant, names in per_variant.items()
                for name in names}
    expected |= {f"results/figures/disks/{name}.png" for name in ["scores", "regularisation", "lambda_sweep"]}
    expected |= {"results/figures/claims.png", "results/figures/convergence.png", "results/figures/positions/filters.png",
                 "results/figures/positions/decoder.png"}
    expected |= {f"results/figures/shapespace/{name}.png" for name in
                 ["scores", "mapping", "nuisance", "reconstructions", "noise_bce", "noise_patterns", "noise_levels",
                  "classifier_accuracy", "default/training_curves", "best/training_curves"]}
    expected |= {f"results/figures/colours/{name}.png" for name in
                 ["reconstructions", "embedding", "neighbours", "knn_accuracy", "training_curves"]}
    expected |= {f"results/figures/perceptual/{name}.png" for name in ["table1", "reconstructions", "training_curves"]}
    expected |= {f"results/figures/scorecard/{name}.png" for name in
                 ["disks_probes", "shapespace_probes", "colours_probes", "perceptual_probes", "disentanglement"]}
    assert set(listed) == expected
    for path, digest in listed.items():
        assert hashlib.sha256((smoke_run / path).read_bytes()).hexdigest() == digest
        assert (smoke_run / path).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_scores_are_tidy_and_cover_every_fold(smoke_run):
    scores = pd.read_csv(smoke_run / "results/tables/disks/scores.csv")
    assert list(scores.columns) == ["experiment", "variant", "fold", "probe", "target", "metric", "value"]
    assert sorted(scores["fold"].unique()) == [0, 1, 2]
    trained = scores.groupby("variant")["fold"].unique().map(sorted).to_dict()
    assert trained == {"default": [0, 1, 2], "nobias": [0], "hole_psi1": [0, 1], "hole_psi3": [0, 1]}
    hole = scores[(scores["variant"] == "hole_psi1") & (scores["target"].isin(["image_seen", "image_unseen"]))]
    # per fold and side of the hole: test MSE, validation MSE, decoded radius error
    assert len(hole) == 12 and hole["value"].notna().all()
    assert set(hole["metric"]) == {"mse", "val_mse", "mae"}
    assert set(scores.loc[scores["probe"] == "decoded_radius", "variant"]) == set(trained)
    assert not scores.duplicated(["experiment", "variant", "fold", "probe", "target", "metric"]).any()
    assert {"mse", "abs_spearman", "r2"} <= set(scores["metric"])
    summary = pd.read_csv(smoke_run / "results/tables/disks/scores_summary.csv")
    assert (summary.loc[summary["variant"] == "default", "n_folds"] == 3).all()


def test_every_job_logged_and_benchmarked(smoke_run):
    for kind in ["dataset", "folds", "train", "extract", "scores"]:
        assert any((smoke_run / "results/logs" / kind).rglob("*.log")), kind
        assert any((smoke_run / "results/benchmarks" / kind).rglob("*.tsv")), kind
    epochs = (smoke_run / "results/logs/train/disks/default/fold0.log").read_text().count(" val_loss ")
    assert epochs == 3  # one line per epoch


def test_model_saved_as_state_dict_and_json(smoke_run):
    from shapeae import training

    model = training.load(smoke_run / "results/models/disks/default/fold0/model.pt")
    assert model.code_size == 1


def test_every_model_records_how_training_ended(smoke_run):
    from shapeae import convergence

    fields = {"stopped", "epochs_run", "epoch_cap", "best_epoch", "best_val_loss", "improvement", "window", "tolerance",
              "trivial_val_loss", "collapsed", "converged"}
    specs = [p for p in (smoke_run / "results/models").rglob("*.json")]
    assert len(specs) == 37  # 34 models of rules train and train_position, the loss network, 2 fig. 1 decoders
    for spec in specs:
        assert fields <= json.loads(spec.read_text())["training"].keys(), spec
    table = convergence.read(smoke_run / "results/tables/training.csv")
    assert len(table) == len(specs) and set(table["status"]) <= {"learned", "unconverged", "collapsed"}
    assert (table["status"] == "unconverged").any()  # 1-3 epochs: the smoke models do not converge


def test_no_change_reruns_nothing(smoke_run):
    assert planned_jobs(smoke_run) == {}


def test_reordering_config_keys_reruns_nothing(smoke_run, tmp_path):
    # config_with writes keys sorted (yaml.safe_dump), unlike the smoke config's order
    assert planned_jobs(smoke_run, config_with(tmp_path, "seed", 7)) == {}


def test_figure_setting_reruns_only_figures(smoke_run, tmp_path):
    jobs = planned_jobs(smoke_run, config_with(tmp_path, "figures.dpi", 200))
    assert set(jobs) == {"figure_training_curves", "figure_disk_reconstructions", "figure_disk_interpolation",
                         "figure_disk_code_vs_size", "figure_disk_profiles", "figure_disk_decoder_theory",
                         "figure_disk_regularisation", "figure_disk_lambda_sweep", "figure_scores",
                         "figure_position_filters", "figure_position_decoder", "figure_shapespace_scores",
                         "figure_shapespace_reconstructions", "figure_shapespace_noise",
                         "figure_shapespace_classifier_accuracy", "figure_colours_reconstructions",
                         "figure_colours_embedding", "figure_colours_scores", "perceptual_table",
                         "figure_perceptual_reconstructions", "figure_perceptual_training_curves",
                         "figure_scorecard_probes", "figure_scorecard_disentanglement", "figure_convergence",
                         "claims"} | DOWNSTREAM_OF_FIGURES


SCORECARD_AND_READERS = {"scorecard_encoder", "scorecard", "figure_scorecard_probes", "figure_scorecard_disentanglement",
                         "report_front_page", "figure_manifest", "all"}


def test_scorecard_setting_reruns_only_the_scorecard_and_what_reads_it(smoke_run, tmp_path):
    jobs = planned_jobs(smoke_run, config_with(tmp_path, "scorecard.mig.bins", 10))
    assert set(jobs) == SCORECARD_AND_READERS
    assert jobs["scorecard_encoder"] == len(list((smoke_run / "results/scorecard").rglob("fold*.csv")))


def test_skipping_a_factor_of_one_experiment_rescores_that_experiment_only(smoke_run, tmp_path):
    jobs = planned_jobs(smoke_run, config_with(tmp_path, "scorecard.skip_factors.colours", ["orientation"]))
    assert set(jobs) == SCORECARD_AND_READERS
    assert jobs["scorecard_encoder"] == len(list((smoke_run / "results/scorecard/colours").rglob("fold*.csv")))


def test_the_scorecard_scores_every_encoder_and_factor(smoke_run):
    table = pd.read_csv(smoke_run / "results/tables/scorecard.csv")
    assert list(table.columns) == ["experiment", "variant", "fold", "factor", "probe", "metric", "value", "training"]
    encoders = {(p.parts[-3], p.parts[-2], int(p.stem.removeprefix("fold")))
                for p in (smoke_run / "results/features").rglob("fold*.npz")}
    assert set(table[["experiment", "variant", "fold"]].itertuples(index=False, name=None)) == encoders
    colours = table[table["experiment"] == "colours"]
    assert set(colours["factor"]) == {"shape", "colour", "size", "orientation", "x", "y", "all"}
    assert {"linear", "lasso", "mlp", "knn", "majority"} <= set(colours.query("factor == 'colour'")["probe"])
    assert {"drawing", "labelled"}.isdisjoint(table["factor"])  # skipped: bookkeeping columns
    summary = pd.read_csv(smoke_run / "results/tables/scorecard_summary.csv")
    assert {"mean", "std", "n_folds", "training"} <= set(summary.columns)
    training = pd.read_csv(smoke_run / "results/tables/training.csv")
    marked = summary.drop_duplicates(["experiment", "variant"]).set_index(["experiment", "variant"])["training"]
    for model in training[training["status"] != "learned"].itertuples():  # encoders that did not learn: marked
        if (model.experiment, model.variant) in marked.index:
            assert f"{model.status}: fold" in marked[(model.experiment, model.variant)]


def test_score_setting_reruns_no_training(smoke_run, tmp_path):
    jobs = planned_jobs(smoke_run, config_with(tmp_path, "experiments.disks.scores.radius_bins", [0, 16, 32]))
    assert jobs == {"score_disks": 8, "aggregate_scores": 1, "figure_scores": 1, "claims": 1, "report_front_page": 1,
                    "figure_disk_lambda_sweep": 1,  # it draws the hole MSE against lambda from the score table
                    "figure_manifest": 1, "all": 1}


def test_probe_setting_reruns_no_training(smoke_run, tmp_path):
    jobs = planned_jobs(smoke_run, config_with(tmp_path, "experiments.shapespace.probes.betas", [0.1, 1.0]))
    assert jobs == {"score_shapespace": 10, "aggregate_scores": 1, "figure_scores": 1, "figure_shapespace_scores": 1,
                    "figure_shapespace_classifier_accuracy": 1, "claims": 1, "report_front_page": 1,
                    "figure_manifest": 1, "all": 1}


def test_shapespace_variant_setting_reruns_only_that_variant(smoke_run, tmp_path):
    jobs = planned_jobs(smoke_run, config_with(tmp_path, "experiments.shapespace.variants.classifier_map1.objective.mapping", 2.0))
    assert jobs["train"] == 1 and jobs["extract"] == 1 and jobs["score_shapespace"] == 1
    assert not {"dataset", "folds", "shapespace_noise"} & set(jobs)


def test_training_setting_reruns_that_variant_from_training_on(smoke_run, tmp_path):
    # (variants share `training` through a YAML alias: a regulariser weight is hole_psi3's alone)
    jobs = planned_jobs(smoke_run, config_with(tmp_path, "experiments.disks.variants.hole_psi3.regularisation.weight", 5.0))
    assert jobs["train"] == 2 and jobs["extract"] == 2 and jobs["score_disks"] == 2
    assert not {"dataset", "folds", "train_position"} & set(jobs)


def test_blur_reruns_dataset_and_everything_downstream(smoke_run, tmp_path):
    everything = planned_jobs(smoke_run, config_with(tmp_path, "seed", 8))  # seed feeds every job
    jobs = planned_jobs(smoke_run, config_with(tmp_path, "experiments.disks.dataset.blur_sigma", 1.5))
    assert jobs["dataset"] == 1 and jobs["train"] == 8
    # everything but the position networks, which do not read the disk dataset
    positions_only = {"train_position", "position_scores", "positions_handcrafted", "figure_position_filters",
                      "figure_position_decoder"}
    other_experiments = {"shapespace_noise", "aggregate_shapespace_noise", "score_shapespace",
                         "figure_shapespace_reconstructions", "figure_shapespace_noise", "figure_shapespace_scores",
                         "figure_shapespace_classifier_accuracy", "score_colours", "figure_colours_reconstructions", "figure_colours_embedding",
                         "figure_colours_scores", "perceptual_loss_network", "perceptual_refit_decoder",
                         "score_perceptual", "perceptual_table", "figure_perceptual_reconstructions",
                         "figure_perceptual_training_curves"}
    everything = {rule: n for rule, n in everything.items() if rule not in other_experiments}
    everything.update(dataset=1, folds=1, train=8, extract=8, aggregate_scores=1, figure_scores=1,
                      figure_training_curves=4, scorecard_encoder=8)  # the disks' share of the generic stages
    assert jobs == {rule: n for rule, n in everything.items() if rule not in positions_only}


def test_claims_table_has_every_finding_with_the_source_value(smoke_run):
    from shapeae import claims
    from shapeae.experiments import colours, disks, perceptual, positions, shapespace

    table = pd.read_csv(smoke_run / "results/claims.csv")
    assert table["id"].tolist() == (disks.CLAIM_IDS + positions.CLAIM_IDS + shapespace.CLAIM_IDS + colours.CLAIM_IDS
                                    + perceptual.CLAIM_IDS)
    assert table.set_index("id").loc["perceptual-position", "source_value"] == pytest.approx(13.22 / 1.44)
    assert table.set_index("id").loc["perceptual-class", "n"] == 1
    assert table.set_index("id").loc["ae-mse", "source_value"] == pytest.approx(0.00027)
    assert table.set_index("id").loc["crop-colour", "n"] == 2  # two seeds of triplet_crop, fold 0
    assert table.set_index("id").loc["lasso-beats-linear", "source_value"] == pytest.approx(0.349)
    records = pd.read_csv(smoke_run / "results/tables/training.csv")
    noise_models = records[(records["experiment"] == "shapespace") & records["variant"].isin(["default", "best"])]
    assert table.set_index("id").loc["denoise-55", "n"] == (~noise_models["collapsed"]).sum()  # the non-collapsed
    assert set(table["holds"]) <= set(claims.VERDICTS)
    inconclusive = table[table["holds"] == "inconclusive"]
    assert len(inconclusive) and inconclusive["note"].str.contains("did not learn: .* fold \\d+ (unconverged|collapsed)").all()
    measured = table.set_index("id")
    # the smoke config has no r < 18 variant and no unregularised hole model
    assert measured.loc["extrapolation-fails", "holds"] == "not measured"
    assert measured.loc["filter-121", "n"] == 2 and measured.loc["disks-monotone", "n"] == 3


def test_shapespace_tables(smoke_run):
    from shapeae import datasets

    images, factors = datasets.load(smoke_run / "results/datasets/shapespace.npz")
    folds = pd.read_csv(smoke_run / "results/folds/shapespace.csv")
    assert (folds.groupby(factors["drawing"])["fold"].nunique() == 1).all()  # a drawing stays in one fold
    drawings = factors.assign(fold=folds["fold"]).groupby("drawing").first()
    per_fold = pd.crosstab([drawings["labelled"], drawings["class"]], drawings["fold"])
    assert (per_fold.max(axis=1) - per_fold.min(axis=1)).max() <= 1  # stratified by labelled and class
    kinds = datasets.factor_kinds(smoke_run / "results/datasets/shapespace.npz")
    assert kinds["class"] == "categorical" and kinds["size"] == "continuous" and kinds["probe_only"] == "categorical"
    metadata = datasets.metadata(smoke_run / "results/datasets/shapespace.npz")
    assert metadata["mean_squared_distance_to_centroid"] == pytest.approx(1.0)
    assert 0 < metadata["between_class_share"] < 1
    # probe-only images are never trained on: fold 0 trains on the trained-on images of folds 1 (3 folds)
    trained_on = (factors["probe_only"] == 0) & (folds["fold"] == 1)
    log = (smoke_run / "results/logs/train/shapespace/best/fold0.log").read_text()
    assert f"{trained_on.sum()} training, " in log
    scores = pd.read_csv(smoke_run / "results/tables/shapespace/scores.csv")
    assert set(scores["variant"]) == {"default", "best", "grid_b16", "best_map1", "classifier", "classifier_map1"}
    assert not scores.duplicated(["experiment", "variant", "fold", "probe", "target", "metric"]).any()
    probes = set(zip(scores["probe"], scores["target"]))
    assert {("linear", "space"), ("lasso", "space"), ("zero", "space"), ("mean", "space"), ("head", "space"),
            ("lasso", "size"), ("lasso", "position"), ("reconstruction", "image")} <= probes
    assert scores["value"].notna().all()
    assert not ((scores["variant"] == "classifier") & (scores["probe"] == "reconstruction")).any()
    metrics = set(zip(scores["probe"], scores["metric"]))
    assert {("lasso", "val_r2"), ("head", "val_r2"), ("linear", "n_train"), ("classifier", "accuracy"),
            ("majority", "accuracy")} <= metrics
    accuracy = scores[scores["probe"] == "classifier"]
    assert set(accuracy["variant"]) == {"classifier", "classifier_map1"} and accuracy["value"].between(0, 1).all()
    history = pd.read_csv(smoke_run / "results/models/shapespace/best_map1/fold0/history.csv")
    assert {"val_mapping_loss"} <= set(history.columns)
    assert "val_accuracy" in pd.read_csv(smoke_run / "results/models/shapespace/classifier/fold0/history.csv")
    noise = pd.read_csv(smoke_run / "results/tables/shapespace/noise.csv")
    assert set(noise["noise"]) == {0.0, 0.1, 0.55} and set(noise["variant"]) == {"default", "best"}


def test_colours_tables(smoke_run):
    from shapeae import datasets

    kinds = datasets.factor_kinds(smoke_run / "results/datasets/colours.npz")
    assert kinds == {"shape": "categorical", "colour": "categorical", "size": "continuous",
                     "orientation": "continuous", "x": "continuous", "y": "continuous"}
    scores = pd.read_csv(smoke_run / "results/tables/colours/scores.csv")
    assert set(scores["variant"]) == {"autoencoder", "triplet_crop_seed0", "triplet_crop_seed1", "triplet_recolour",
                                      "infonce_crop"}
    assert not scores.duplicated(["experiment", "variant", "fold", "probe", "target", "metric"]).any()
    rows = set(zip(scores["probe"], scores["target"], scores["metric"]))
    assert {("knn", "colour", "accuracy"), ("majority", "shape", "accuracy"), ("lasso", "orientation", "r2"),
            ("linear", "position", "r2"), ("training", "loss", "final")} <= rows
    assert scores["value"].notna().all()
    mse = scores[scores["metric"] == "mse"]
    assert set(mse["variant"]) == {"autoencoder"} and set(mse["fold"]) == {0, 1}
    # the two seeds of one variant are different runs
    crop = scores[(scores["probe"] == "training") & (scores["metric"] == "final")].set_index("variant")["value"]
    assert crop["triplet_crop_seed0"] != crop["triplet_crop_seed1"]


def test_perceptual_tables(smoke_run):
    from shapeae import datasets, training

    assert datasets.factor_kinds(smoke_run / "results/datasets/perceptual/clutter.npz")["shape"] == "categorical"
    assert list(pd.read_csv(smoke_run / "results/folds/perceptual/lander.csv")["index"]) == list(range(60))
    scores = pd.read_csv(smoke_run / "results/tables/perceptual/scores.csv")
    assert set(scores["variant"]) == {"lander_ae", "lander_pae", "lander_pvae", "clutter_ae", "clutter_pae"}
    rows = set(zip(scores["probe"], scores["target"], scores["metric"]))
    assert {("mlp", "position", "l1"), ("mean", "position", "l1"), ("mlp", "shape", "accuracy"),
            ("majority", "shape", "accuracy"), ("reconstruction", "image", "mse")} <= rows
    assert scores["value"].notna().all()
    # every row names its loss network: the pretrained one for perceptual variants, none for pixel ones
    network = training.load(smoke_run / "results/models/perceptual/loss_network/model.pt")
    by_variant = scores.groupby("variant")["loss_network"].unique()
    assert list(by_variant["lander_ae"]) == ["none (pixel loss)"]
    assert list(by_variant["lander_pae"]) == [network.weights] and network.weights.startswith("trained here")
    table = pd.read_csv(smoke_run / "results/tables/perceptual/table1.csv")
    assert table.set_index("variant").loc["lander_pae", "source_LLv2"] == pytest.approx(1.44)
    assert (smoke_run / "results/models/perceptual/lander_pae/fold0/pixel_decoder.pt").exists()


def test_position_tables(smoke_run):
    handcrafted = pd.read_csv(smoke_run / "results/tables/positions/handcrafted.csv")
    assert (handcrafted["max_abs_error"] == 0).all() and handcrafted["n_layers"].tolist() == list(range(1, 8))
    scores = pd.read_csv(smoke_run / "results/tables/positions/scores.csv")
    assert set(scores["variant"]) == {"encoder_regression", "encoder_autoencoder", "decoder_continuous",
                                      "decoder_integer"}
    assert scores["value"].notna().all()


def test_two_runs_give_byte_identical_score_tables(smoke_run, tmp_path):
    snakemake(tmp_path, "results/tables/disks/scores.csv", "results/tables/disks/scores_summary.csv")
    for table in ["scores.csv", "scores_summary.csv"]:
        first = (smoke_run / "results/tables/disks" / table).read_bytes()
        assert (tmp_path / "results/tables/disks" / table).read_bytes() == first, table


def test_report_is_one_page_with_every_figure(smoke_copy):
    snakemake(smoke_copy, "--report", "report.html")
    html = (smoke_copy / "report.html").read_text()
    assert len(html) > 100_000
    for name in ["reconstructions.png", "interpolation.png", "code_vs_size.png", "training_curves.png",
                 "scores.png", "scores_summary.csv", "Newson et al. fig. 2", "claims.csv", "filters.png",
                 "mapping.png", "noise_levels.png", "Bechberger part 9", "knn_accuracy.png", "OSU report",
                 "table1.png", "Pihlgren"]:
        assert name in html, name


@pytest.mark.parametrize(
    "key, value, message",
    [
        ("experiments.disks.dataset.blur_sigma", -1.0, "'experiments.disks.dataset.blur_sigma'"),
        ("experiments.disks.variants.default.training.epochs", "many", "is not of type 'integer'"),
        ("figures.colour", "red", "'colour' was unexpected"),
        ("experiments.disks.variants.default.model.depths", [1, 8, 4, 1], "log2(64) + 1 = 7 depths"),
        ("figures.fold", 5, "'figures.fold': fold 5 does not exist"),
        ("experiments.shapespace.variants.best.model.image_size", 112, "differs from dataset.image_size 56"),
        ("experiments.shapespace.noise.levels", [0.1, 0.55], "must start at 0"),
        ("experiments.shapespace.n_folds", 13, "12 labelled base shapes cannot fill 13 folds"),
        ("experiments.colours.dataset.size_range", [0.4, 0.2], "low <= high"),
        ("experiments.colours.figures.embedding", ["autoencoder"], "is not a contrastive_encoder variant"),
        ("experiments.colours.variants.triplet_crop.objective.loss", "ntxent", "'ntxent' is not one of"),
        ("experiments.perceptual.variants.lander_ae.dataset", "moon", "'moon' is not one of"),
        ("experiments.perceptual.figures.reconstruction", ["lander_ae", "clutter_ae"], "must share one dataset"),
        ("experiments.perceptual.datasets.clutter.n_clutter", [5, 2], "low <= high"),
    ],
)
def test_bad_config_stops_before_any_job_and_keeps_results(smoke_copy, tmp_path, key, value, message):
    before = {p: p.stat().st_mtime_ns for p in (smoke_copy / "results").rglob("*") if p.is_file()}
    result = snakemake(smoke_copy, "results/figures/all", config=config_with(tmp_path, key, value), check=False)
    assert result.returncode != 0
    assert message in result.stdout + result.stderr
    assert "Execute" not in result.stdout + result.stderr  # no job started
    after = {p: p.stat().st_mtime_ns for p in (smoke_copy / "results").rglob("*") if p.is_file()}
    assert after == before


def test_missing_key_is_named(smoke_copy, tmp_path):
    import yaml

    config = yaml.safe_load((REPO / "tests/smoke/config.yaml").read_text())
    del config["experiments"]["disks"]["n_folds"]
    path = tmp_path / "missing.yaml"
    path.write_text(yaml.safe_dump(config))
    result = snakemake(smoke_copy, "-n", config=path, check=False)
    assert result.returncode != 0
    assert "'experiments.disks': 'n_folds' is a required property" in result.stdout + result.stderr


def test_lint_is_clean(tmp_path):
    result = snakemake(tmp_path, "--lint", check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_paper_scale_is_one_switch_in_any_argument_order(tmp_path):
    """--profile profiles/paper sets `preset: paper`; the target may come before or after it."""
    def planned_training(*args):
        out = subprocess.run([sys.executable, "-m", "snakemake", "-n", *args], cwd=REPO, capture_output=True, text=True)
        assert out.returncode == 0, out.stderr[-3000:]
        return int(re.search(r"^train\s+(\d+)\s*$", out.stdout, flags=re.M).group(1))

    paper = planned_training("--profile", "profiles/paper", "results/figures/all")
    assert planned_training("results/figures/all", "--profile", "profiles/paper") == paper
    assert planned_training("--config", "preset=paper", "--", "results/figures/all") == paper
    assert paper > planned_training("results/figures/all")  # every variant on 5 folds


def test_an_unknown_preset_is_named():
    out = subprocess.run([sys.executable, "-m", "snakemake", "-n", "--config", "preset=papr"], cwd=REPO,
                         capture_output=True, text=True)
    assert out.returncode != 0 and "config key 'preset': 'papr' is not a preset" in out.stdout + out.stderr
