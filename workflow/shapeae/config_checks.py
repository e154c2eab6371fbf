"""Config validation: the JSON schema (with defaults filled in) and checks a schema cannot express.

Every error names the dotted key at fault.
"""
import copy
import re


class ConfigError(ValueError):
    pass


def _fail(key, message):
    raise ConfigError(f"config key '{key}': {message}")


def _with_defaults(validator_class):
    """A validator that also fills in every property's schema default, at any depth (in place)."""
    from jsonschema import validators

    check_properties = validator_class.VALIDATORS["properties"]

    def fill_then_check(validator, properties, instance, schema):
        if isinstance(instance, dict):
            for name, subschema in properties.items():
                if "default" in subschema:
                    instance.setdefault(name, copy.deepcopy(subschema["default"]))
        yield from check_properties(validator, properties, instance, schema)

    return validators.extend(validator_class, {"properties": fill_then_check})


def apply_preset(config, presets_dir, overrides):
    """Merge presets/<config["preset"]>.yaml over the config (in place: settings shared through a YAML
    alias stay shared), then the --config `overrides` again, so that they win over the preset."""
    from pathlib import Path

    import yaml
    from snakemake.utils import update_config

    name = config.get("preset")
    if name is None:
        return
    available = sorted(p.stem for p in Path(presets_dir).glob("*.yaml"))
    if name not in available:
        _fail("preset", f"{name!r} is not a preset; available: {available} (files in {presets_dir})")
    update_config(config, yaml.safe_load((Path(presets_dir) / f"{name}.yaml").read_text()) or {})
    update_config(config, overrides)


def _schema(schema_path):
    import yaml

    with open(schema_path) as f:
        return yaml.safe_load(f)


def experiments_in_study_order(config, schema_path):
    """The config's experiments in the schema's order (the study's), whatever the config's key order:
    the report lists them so, and params built from them must not change when config.yaml is reordered."""
    order = list(_schema(schema_path)["properties"]["experiments"]["properties"])
    return sorted(config["experiments"], key=order.index)


def validate_schema(config, schema_path):
    """Fill in defaults; raise ConfigError naming the dotted key of the first schema violation."""
    import jsonschema

    validator = _with_defaults(jsonschema.Draft202012Validator)(_schema(schema_path))
    error = jsonschema.exceptions.best_match(validator.iter_errors(config))
    if error is not None:
        key = ".".join(str(part) for part in error.absolute_path) or "(top level)"
        _fail(key, f"{error.message} (expected by {schema_path})")


def check(config):
    dci = config["scorecard"]["dci"]
    if dci["booster"] == "histogram" and dci["max_features"] != "all":
        _fail("scorecard.dci.max_features", f"{dci['max_features']!r} needs booster sklearn: the histogram booster "
              "tries every code dimension (all)")
    for name, experiment in config["experiments"].items():
        base = f"experiments.{name}"
        fold = config["figures"]["fold"]
        if "n_folds" in experiment and fold >= experiment["n_folds"]:
            _fail("figures.fold", f"fold {fold} does not exist: {base}.n_folds is {experiment['n_folds']}")
        CHECKS[name](experiment, base)
        _check_excluded_ranges(experiment, base)


def _check_excluded_ranges(experiment, base):
    """train_exclude ranges are [low, high) with low < high: a reversed one would exclude nothing."""
    for variant, spec in experiment.get("variants", {}).items():
        for factor, ranges in (spec.get("train_exclude") or {}).items():
            for low, high in ranges:
                if not low < high:
                    _fail(f"{base}.variants.{variant}.train_exclude.{factor}",
                          f"range [{low}, {high}] excludes nothing: give [low, high) with low < high")


def _check_folds_and_groups(experiment, base):
    _check_trained_folds(experiment, base)
    for group, members in experiment.get("figures", {}).items():
        unknown = [v for v in members if v not in experiment["variants"]]
        if unknown:
            _fail(f"{base}.figures.{group}", f"unknown variants {unknown}; defined: {list(experiment['variants'])}")
        all_folds = set(range(experiment["n_folds"]))
        if not set.intersection(*(set(experiment["variants"][v].get("folds") or all_folds) for v in members)):
            _fail(f"{base}.figures.{group}", "its variants share no trained fold to draw side by side")
        if any("radius" not in experiment["variants"][v]["train_exclude"] for v in members):
            _fail(f"{base}.figures.{group}", "every variant drawn here must exclude a radius range (the hole)")


def _check_disks(experiment, base):
    _check_folds_and_groups(experiment, base)
    dataset = experiment["dataset"]
    size = dataset["image_size"]
    for variant, spec in experiment["variants"].items():
        depths = spec["model"]["depths"]
        if 2 ** (len(depths) - 1) != size:
            _fail(f"{base}.variants.{variant}.model.depths",
                  f"{len(depths)} depths give {len(depths) - 1} stride-2 layers, which map a "
                  f"{2 ** (len(depths) - 1)} px image to one pixel; dataset.image_size is {size}, "
                  f"so give log2({size}) + 1 = {size.bit_length()} depths")
        if depths[0] != 1:
            _fail(f"{base}.variants.{variant}.model.depths", f"first depth is the grey input: 1, not {depths[0]}")
    bins = experiment["scores"]["radius_bins"]
    if any(b >= c for b, c in zip(bins[:-1], bins[1:])):
        _fail(f"{base}.scores.radius_bins", f"edges must increase strictly, got {bins}")
    if dataset["radius_max"] > size / 2 * 1.5:
        _fail(f"{base}.dataset.radius_max", f"{dataset['radius_max']} px leaves little disk inside a {size} px image")


def _check_positions(experiment, base):
    depths, n = experiment["decoder"]["model"]["depths"], experiment["n"]
    if 2 ** len(depths) != n:
        _fail(f"{base}.decoder.model.depths", f"{len(depths)} upsamplings give {2 ** len(depths)} samples, not n = {n}")


def _check_shapespace(experiment, base):
    _check_folds_and_groups(experiment, base)
    dataset = experiment["dataset"]
    if dataset["n_base"] * dataset["n_classes"] < experiment["n_folds"]:
        _fail(f"{base}.dataset.n_base", f"{dataset['n_base']} x {dataset['n_classes']} classes = "
              f"{dataset['n_base'] * dataset['n_classes']} labelled base shapes cannot fill {experiment['n_folds']} folds")
    size = dataset["image_size"]
    for variant, spec in experiment["variants"].items():
        model, objective = spec["model"], spec["objective"]
        key = f"{base}.variants.{variant}"
        if model["image_size"] != size:
            _fail(f"{key}.model.image_size", f"{model['image_size']} differs from dataset.image_size {size}")
        if objective["classification"] > 0 and model["n_classes"] != experiment["dataset"]["n_classes"]:
            _fail(f"{key}.model.n_classes", f"a classifier needs dataset.n_classes = "
                  f"{experiment['dataset']['n_classes']} outputs, got {model['n_classes']}")
        if objective["reconstruction"] > 0 and not model["decoder"]:
            _fail(f"{key}.model.decoder", "objective.reconstruction > 0 needs a decoder")
        if objective["mapping"] > 0 and model["bottleneck"] < experiment["dataset"]["space_dims"]:
            _fail(f"{key}.model.bottleneck", "the mapping head needs space_dims bottleneck units")
    levels = experiment["noise"]["levels"]
    if levels[0] != 0 or any(a >= b for a, b in zip(levels[:-1], levels[1:])):
        _fail(f"{base}.noise.levels", f"must start at 0 and increase strictly, got {levels}")
    for variant in experiment["noise"]["variants"]:
        if variant not in experiment["variants"] or not experiment["variants"][variant]["model"]["decoder"]:
            _fail(f"{base}.noise.variants", f"{variant!r} is not an autoencoder variant of this experiment")


def _check_colours(experiment, base):
    _check_trained_folds(experiment, base)
    dataset = experiment["dataset"]
    low, high = dataset["size_range"]
    if low > high:
        _fail(f"{base}.dataset.size_range", f"[low, high] must have low <= high, got {[low, high]}")
    for variant, spec in experiment["variants"].items():
        key = f"{base}.variants.{variant}"
        model = spec["model"]
        if model["image_size"] != dataset["image_size"]:
            _fail(f"{key}.model.image_size", f"{model['image_size']} differs from dataset.image_size {dataset['image_size']}")
        contrastive = model["architecture"] == "contrastive_encoder"
        for option in ("batch_norm", "leaky_slope"):
            if contrastive and option in model:
                _fail(f"{key}.model.{option}", "is a colour_ae option; the contrastive encoder has plain ReLUs")
        if contrastive != ("objective" in spec):
            _fail(f"{key}.objective", "a contrastive_encoder needs a contrastive objective; a colour_ae takes none (MSE)")
        if re.fullmatch(r".+_seed\d+", variant):
            _fail(key, "names ending in _seed<i> are kept for seed replicates (seeds:)")
    for group in ("reconstruction", "embedding"):
        for variant in experiment["figures"][group]:
            spec = experiment["variants"].get(variant)
            wanted = "colour_ae" if group == "reconstruction" else "contrastive_encoder"
            if spec is None or spec["model"]["architecture"] != wanted:
                _fail(f"{base}.figures.{group}", f"{variant!r} is not a {wanted} variant; defined: {list(experiment['variants'])}")


def _check_perceptual(experiment, base):
    _check_trained_folds(experiment, base)
    for name, dataset in experiment["datasets"].items():
        low, high = dataset.get("size_range", (0, 0))
        if low > high:
            _fail(f"{base}.datasets.{name}.size_range", f"[low, high] must have low <= high, got {[low, high]}")
        if name == "clutter" and dataset["n_clutter"][0] > dataset["n_clutter"][1]:
            _fail(f"{base}.datasets.{name}.n_clutter", f"[low, high] must have low <= high, got {dataset['n_clutter']}")
    figures = experiment["figures"]["reconstruction"]
    unknown = [v for v in figures if v not in experiment["variants"]]
    if unknown:
        _fail(f"{base}.figures.reconstruction", f"unknown variants {unknown}; defined: {list(experiment['variants'])}")
    if len({experiment["variants"][v]["dataset"] for v in figures}) > 1:
        _fail(f"{base}.figures.reconstruction", "its variants must share one dataset (drawn side by side)")


def _check_trained_folds(experiment, base):
    for variant, spec in experiment["variants"].items():
        bad = [k for k in spec.get("folds") or [] if k >= experiment["n_folds"]]
        if bad:
            _fail(f"{base}.variants.{variant}.folds", f"folds {bad} do not exist: n_folds is {experiment['n_folds']}")


def expand_seeds(config):
    """Replace every variant with `seeds: n` > 1 by n copies <name>_seed0 ... <name>_seed<n-1> (their
    job seeds differ through the name); drop the key. In place; returns config."""
    for experiment in config["experiments"].values():
        expanded = {}
        for name, spec in experiment.get("variants", {}).items():
            n = spec.pop("seeds", 1) if isinstance(spec, dict) else 1
            copies = [name] if n == 1 else [f"{name}_seed{i}" for i in range(n)]
            for copy_name in copies:
                expanded[copy_name] = copy.deepcopy(spec)
        if "variants" in experiment:
            experiment["variants"] = expanded
    return config


CHECKS = {"disks": _check_disks, "positions": _check_positions, "shapespace": _check_shapespace,
          "colours": _check_colours, "perceptual": _check_perceptual}
