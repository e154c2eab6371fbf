"""The disks experiment: centred disks and a d = 1 code (Newson et al., sections 3-4, appendices A-C).

`theory` (the bias-free decoder's optimum), `evaluation` (held-out scores of one model on one fold),
`figures` (the paper's figures 2-8 and 11-13); here, the paper's findings measured on the scores.

Variants are found by what they are, not by their names: e.g. the "hole" model is the unregularised
model whose training excluded an interior radius range.
"""
import numpy as np

from ...claims import claim, per_fold, row

REPORT_SUMMARY = ("Newson et al. (sections 3-4, appendices A-C): autoencoders with a one-number code on centred disks. "
                  "Does the code order disks by size, is it the area, is a bias-free decoder h(r) f(t) with the optimal f, "
                  "and do radii never seen in training (beyond the largest, or in a hole) fail to reconstruct unless the "
                  "encoder is regularised?")
CLAIM_IDS = ["disks-monotone", "disks-area", "nobias-rank1", "nobias-optimum", "extrapolation-fails",
             "hole-fails", "psi3-best"]


def _roles(variants, radius_max):
    """{role: [variant names]} from the variant specs of the disks experiment; an excluded range
    reaching radius_max is a tail (extrapolation), any other an interior hole."""
    roles = {"default": [], "nobias": [], "extrapolation": [], "hole": [], "psi1": [], "psi2": [], "psi3": []}
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
            role = {"none": "hole", "latent_locality": "psi1", "weight_decay_all": "psi2",
                    "weight_decay_encoder": "psi3"}.get(kind)
            if role:
                roles[role].append(name)
    return roles


def _first(roles, role):
    return roles[role][0] if roles[role] else None


def claims(scores, variants, radius_max):
    """The Newson et al. rows measured on the disks experiment's tidy score table (CLAIM_IDS)."""
    roles = _roles(variants, radius_max)
    rows = []

    default = _first(roles, "default")
    spearman = per_fold(scores, default, "code", "radius", "abs_spearman") if default else []
    rows.append(row(claim("disks-monotone", "Newson 4.1", "a d=1 code orders disks by size",
                          "abs Spearman(z, r), held out"), spearman, ">= 0.99",
                    lambda v: v.mean() >= 0.99, [default] if default else []))

    if default:
        margin = (per_fold(scores, default, "ols", "area", "r2") - per_fold(scores, default, "ols", "radius", "r2"))
    rows.append(row(claim("disks-area", "Newson 4.2", "z encodes area rather than radius",
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
        values = per_fold(scores, nobias, "decoder", "radial_profile", metric) if nobias else []
        rows.append(row(claim(id_, source, finding, measured), values, threshold, test, [nobias] if nobias else []))

    extrapolation = _first(roles, "extrapolation")
    rows.append(row(claim("extrapolation-fails", "Newson 4.4", "no reconstruction beyond the largest radius seen",
                          "MSE(r > 18) / MSE(r <= 18)"), _unseen_ratio(scores, extrapolation), ">= 5",
                    lambda v: v.mean() >= 5, [extrapolation] if extrapolation else []))
    hole = _first(roles, "hole")
    rows.append(row(claim("hole-fails", "Newson 4.4", "no reconstruction inside a hole",
                          "MSE(hole) / MSE(outside), no regularisation"), _unseen_ratio(scores, hole), ">= 3",
                    lambda v: v.mean() >= 3, [hole] if hole else []))
    rows[-1]["detail"] = _radius_errors(scores, hole) if hole else ""
    rows.append(_psi3_best(scores, roles))
    return rows


def _unseen_ratio(scores, variant):
    """Per fold, MSE on the radii training never saw over MSE on those it saw (empty without a variant)."""
    if not variant:
        return []
    return (per_fold(scores, variant, "reconstruction", "image_unseen", "mse")
            / per_fold(scores, variant, "reconstruction", "image_seen", "mse"))


def _radius_errors(scores, variant):
    """The decoded disk's radius error inside and outside the hole, beside the MSE ratio (fig. 6/7
    show the radius going wrong in the hole)."""
    inside, outside, inputs = (per_fold(scores, variant, probe, target, "mae") for probe, target in
                               (("decoded_radius", "image_unseen"), ("decoded_radius", "image_seen"),
                                ("input_radius", "image")))
    if not (len(inside) and len(outside)):
        return ""
    return (f"decoded radius off by {inside.mean():.2f} px inside the hole, {outside.mean():.2f} px outside "
            f"(the estimate on the inputs: {inputs.mean():.2f} px)")


def _psi3_best(scores, roles):
    """psi3 at the lambda with the lowest mean validation-fold hole MSE against no regularisation,
    psi1 and psi2, each difference of test-fold hole MSE paired by fold. The row's values are the
    paired differences against the closest rival (the largest mean difference): all negative on
    average exactly when psi3 is below every rival."""
    description = claim("psi3-best", "Newson 4.4.1", "encoder-only weight decay generalises best",
                        "hole MSE of psi3 (lambda chosen on validation) - the closest of none, psi1, psi2, "
                        "paired by fold; negative when psi3 is below each")
    rivals = {role: _first(roles, role) for role in ("hole", "psi1", "psi2")}
    candidates = [v for v in roles["psi3"] if len(per_fold(scores, v, "reconstruction", "image_unseen", "val_mse"))]
    named = [v for v in rivals.values() if v]
    if not (candidates and all(rivals.values())):
        return row(description, [], "< 0", None, [*named, *roles["psi3"]])

    def unseen(variant, metric="mse"):
        return per_fold(scores, variant, "reconstruction", "image_unseen", metric)

    chosen = min(candidates, key=lambda v: unseen(v, "val_mse").mean())
    differences = {role: _paired(unseen(chosen), unseen(rival)) for role, rival in rivals.items()}
    closest = max(differences, key=lambda role: differences[role].mean() if len(differences[role]) else -np.inf)
    result = row(description, differences[closest], "< 0", lambda v: v.mean() < 0, [chosen, *rivals.values()])
    names = {"hole": "none", "psi1": "psi1", "psi2": "psi2"}
    result["detail"] = (f"lambda of {chosen} chosen on validation among {len(candidates)}; hole MSE of psi3 minus "
                        + ", ".join(f"{names[role]}: {d.mean():+.4f}" for role, d in differences.items()))
    return result


def _paired(a, b):
    """a - b over the folds both have."""
    both = a.index.intersection(b.index)
    return (a[both] - b[both]).to_numpy()
