"""Newson figs 11 and 12: the bias-free decoder against the optimum of eq. 7."""
from shapeae import features, jobs, plots
from shapeae.experiments.disks import evaluation, figures, theory

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
held_out = features.load(sm.input.features, sm.input.data)
radius = held_out.factors["radius"].to_numpy()
rho, profiles = theory.radial_profiles(held_out.reconstructions[:, 0])
_, learned_f = theory.rank_one_factors(profiles)
seen_radius = evaluation.largest_seen_radius(sm.params.radius_max, sm.params.train_exclude)
optimum_rho, optimum_f = theory.optimal_profile(seen_radius)
fig = figures.decoder_theory(radius, held_out.codes[:, 0], theory.optimal_h(learned_f, rho, radius), rho, learned_f,
                             optimum_rho, optimum_f, theory.airy_profile(optimum_rho, seen_radius), seen_radius)
plots.save(fig, sm.output[0], sm.params.dpi)
