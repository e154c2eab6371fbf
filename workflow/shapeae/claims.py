"""The machine-checked table of published findings (DESIGN.md, "Findings to reproduce").

Thresholds are the design's, fixed here and never read from the config. Each finding is measured
on held-out scores, per fold (or repeat), and reported as mean and standard deviation over them. A
finding whose variants are not in the run is reported as not measured, never as holding.

Variants are found by what they are, not by their names: e.g. the "hole" model is the unregularised
model whose training excluded an interior radius range.
"""
import numpy as np
import pandas as pd

COLUMNS = ["id", "source", "finding", "measured_as", "value", "spread", "n", "threshold", "holds", "variants"]
NEWSON_IDS = ["disks-monotone", "disks-area", "nobias-rank1", "nobias-optimum", "extrapolation-fails",
              "hole-fails", "psi3-best", "filter-121"]


def _roles(variants, radius_max):
    """{role: [variant names]} from the variant specs of the disks experiment; an excluded range
    reaching radius_max is a tail (extrapolation), any other an interior hole."""
    roles = {"default": [], "nobias": [], "extrapolation": [], "hole": [], "psi1": [], "psi3": []}
    for name, spec in variants.items():
        radius_out = spec.get("train_exclude", {}).get("radius", [])
        kind = spec.get("regularisation", {}).get("kind", "none")
        bias = spec["model"].get("bias", True)
        tail = any(high >= radius_max for _, high in radius_out)
        interior = radius_out and not tail
        if name == "default":
            roles["default"].append(name)
        if not bias and not radius_out and kind == "none":
            roles["nobias"].append(name)
        if bias and tail and kind == "none":
            roles["extrapolation"].append(name)
        if bias and interior:
            role = {"none": "hole", "latent_locality": "psi1", "weight_decay_encoder": "psi3"}.get(kind)
            if role:
                roles[role].append(name)
    return roles


def _per_fold(scores, variant, probe, target, metric):
    rows = scores[(scores["variant"] == variant) & (scores["probe"] == probe)
                  & (scores["target"] == target) & (scores["metric"] == metric)]
    return rows.set_index("fold")["value"].sort_index()


def _row(claim, values, threshold, holds, variants):
    values = np.asarray(values, dtype=float)
    if len(values) == 0:
        return {**claim, "value": np.nan, "spread": np.nan, "n": 0, "threshold": threshold,
                "holds": "not measured", "variants": ";".join(variants)}
    return {**claim, "value": float(values.mean()), "spread": float(values.std(ddof=1)) if len(values) > 1 else 0.0,
            "n": len(values), "threshold": threshold, "holds": "yes" if holds(values) else "no",
            "variants": ";".join(variants)}


def _first(roles, role):
    return roles[role][0] if roles[role] else None


def newson_claims(scores, variants, radius_max):
    """The Newson et al. rows measured on the disks experiment's tidy score table."""
    roles = _roles(variants, radius_max)
    rows = []

    def claim(id_, source, finding, measured_as):
        return {"id": id_, "source": source, "finding": finding, "measured_as": measured_as}

    default = _first(roles, "default")
    spearman = _per_fold(scores, default, "code", "radius", "abs_spearman") if default else []
    rows.append(_row(claim("disks-monotone", "Newson 4.1", "a d=1 code orders disks by size",
                           "abs Spearman(z, r), held out"), spearman, ">= 0.99",
                     lambda v: v.mean() >= 0.99, [default] if default else []))

    if default:
        margin = (_per_fold(scores, default, "ols", "area", "r2") - _per_fold(scores, default, "ols", "radius", "r2"))
    rows.append(_row(claim("disks-area", "Newson 4.2", "z encodes area rather than radius",
                           "R2(z ~ a + b r^2) - R2(z ~ a + b r)"), margin if default else [], "> 0",
                     lambda v: v.mean() > 0, [default] if default else []))

    nobias = _first(roles, "nobias")
    for id_, source, finding, measured, metric, threshold, test in [
        ("nobias-rank1", "Newson 4.3", "bias-free decoder output = h(r) f(t)",
         "energy in the top singular value of decoded radial profiles", "rank1_energy", ">= 0.95",
         lambda v: v.mean() >= 0.95),
        ("nobias-optimum", "Newson app. B", "learned f is the optimum of J",
         "Pearson(learned f, optimal f)", "optimum_pearson", ">= 0.9", lambda v: v.mean() >= 0.9),
    ]:
        values = _per_fold(scores, nobias, "decoder", "radial_profile", metric) if nobias else []
        rows.append(_row(claim(id_, source, finding, measured), values, threshold, test, [nobias] if nobias else []))

    for id_, role, finding, measured, threshold, bound in [
        ("extrapolation-fails", "extrapolation", "no reconstruction beyond the largest radius seen",
         "MSE(r > 18) / MSE(r <= 18)", ">= 5", 5.0),
        ("hole-fails", "hole", "no reconstruction inside a hole", "MSE(hole) / MSE(outside), no regularisation",
         ">= 3", 3.0),
    ]:
        variant = _first(roles, role)
        ratio = (_per_fold(scores, variant, "reconstruction", "image_unseen", "mse")
                 / _per_fold(scores, variant, "reconstruction", "image_seen", "mse")) if variant else []
        rows.append(_row(claim(id_, "Newson 4.4", finding, measured), ratio, threshold,
                         lambda v, b=bound: v.mean() >= b, [variant] if variant else []))

    rows.append(_psi3_best(scores, roles, claim))
    return rows


def _psi3_best(scores, roles, claim):
    """psi3 at its best lambda (lowest mean hole MSE) against no regularisation and psi1."""
    row = claim("psi3-best", "Newson 4.4.1", "encoder-only weight decay generalises best",
                "hole MSE: psi3 (best lambda) - min(none, psi1); negative when psi3 is best")
    hole, psi1, psi3 = _first(roles, "hole"), _first(roles, "psi1"), roles["psi3"]
    if not (hole and psi1 and psi3):
        return _row(row, [], "< 0", None, [v for v in [hole, psi1, *psi3] if v])

    def unseen(variant):
        return _per_fold(scores, variant, "reconstruction", "image_unseen", "mse")

    best = min(psi3, key=lambda v: unseen(v).mean())
    rival = min(unseen(hole).mean(), unseen(psi1).mean())
    return _row(row, unseen(best) - rival, "< 0", lambda v: v.mean() < 0, [best, hole, psi1])


def table(rows):
    return pd.DataFrame(rows, columns=COLUMNS)


def position_claims(scores, encoder_variants):
    """filter-121: the median over repeats of each repeat's mean |cosine| to [1, 2, 1], of the
    encoder trained to output the position (the first 'regression' variant)."""
    row = {"id": "filter-121", "source": "Newson 5.3", "finding": "a trained position encoder finds [1,2,1]",
           "measured_as": "median over repeats of mean abs cosine(layer filter, [1,2,1]); padding-only taps excluded"}
    regression = [name for name, spec in encoder_variants.items() if spec.get("objective") == "regression"]
    if not regression:
        return _row(row, [], ">= 0.9", None, [])
    values = _per_fold(scores, f"encoder_{regression[0]}", "filters", "all_layers", "mean_abs_cosine_121")
    result = _row(row, values, ">= 0.9", lambda v: np.median(v) >= 0.9, [f"encoder_{regression[0]}"])
    if len(values):
        result["value"] = float(np.median(values))  # the design measures the median, not the mean
    return result
