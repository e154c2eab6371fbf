"""Checks of the config that a JSON schema cannot express; each error names the key at fault."""


class ConfigError(ValueError):
    pass


def _fail(key, message):
    raise ConfigError(f"config key '{key}': {message}")


def validate_schema(config, schema_path):
    """Raise ConfigError naming the dotted key of the first schema violation (jsonschema's best match)."""
    import jsonschema
    import yaml

    with open(schema_path) as f:
        schema = yaml.safe_load(f)
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(config))
    if error is not None:
        key = ".".join(str(part) for part in error.absolute_path) or "(top level)"
        _fail(key, f"{error.message} (expected by {schema_path})")


def check(config):
    for name, experiment in config["experiments"].items():
        base = f"experiments.{name}"
        fold = config["figures"]["fold"]
        if fold >= experiment["n_folds"]:
            _fail("figures.fold", f"fold {fold} does not exist: {base}.n_folds is {experiment['n_folds']}")
        CHECKS[name](experiment, base)


def _check_disks(experiment, base):
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


CHECKS = {"disks": _check_disks}
