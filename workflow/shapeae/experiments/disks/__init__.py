"""The disks experiment: centred disks and a d = 1 code (Newson et al., sections 3-4, appendices A-C).

`theory` (the bias-free decoder's optimum), `evaluation` (held-out scores of one model on one fold),
`figures` (the paper's figures 2-8 and 11-13); here, the paper's findings measured on the scores.

Variants are found by what they are, not by their names: e.g. the "hole" model is the unregularised
model whose training excluded an interior radius range.
"""
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

    for id_, role, finding, measured, threshold, bound in [
        ("extrapolation-fails", "extrapolation", "no reconstruction beyond the largest radius seen",
         "MSE(r > 18) / MSE(r <= 18)", ">= 5", 5.0),
        ("hole-fails", "hole", "no reconstruction inside a hole", "MSE(hole) / MSE(outside), no regularisation",
         ">= 3", 3.0),
    ]:
        variant = _first(roles, role)
        ratio = (per_fold(scores, variant, "reconstruction", "image_unseen", "mse")
                 / per_fold(scores, variant, "reconstruction", "image_seen", "mse")) if variant else []
        rows.append(row(claim(id_, "Newson 4.4", finding, measured), ratio, threshold,
                        lambda v, b=bound: v.mean() >= b, [variant] if variant else []))

    rows.append(_psi3_best(scores, roles))
    return rows


def _psi3_best(scores, roles):
    """psi3 at its best lambda (lowest mean hole MSE) against no regularisation and psi1."""
    description = claim("psi3-best", "Newson 4.4.1", "encoder-only weight decay generalises best",
                        "hole MSE: psi3 (best lambda) - min(none, psi1); negative when psi3 is best")
    hole, psi1, psi3 = _first(roles, "hole"), _first(roles, "psi1"), roles["psi3"]
    if not (hole and psi1 and psi3):
        return row(description, [], "< 0", None, [v for v in [hole, psi1, *psi3] if v])

    def unseen(variant):
        return per_fold(scores, variant, "reconstruction", "image_unseen", "mse")

    best = min(psi3, key=lambda v: unseen(v).mean())
    rival = min(unseen(hole).mean(), unseen(psi1).mean())
    return row(description, unseen(best) - rival, "< 0", lambda v: v.mean() < 0, [best, hole, psi1])
