# The disks experiment (Newson et al., sections 3-4): held-out scores of every disk autoencoder on
# every fold it trained (tabled by scores.smk); the paper's figures are in disks_figures.smk.


include: "disks_common.smk"


rule score_disks:
    input:
        features="results/features/{experiment}/{variant}/fold{fold}.npz",
        data="results/datasets/{experiment}.npz",
    output:
        "results/scores/{experiment}/{variant}/fold{fold}.csv",
    log:
        "results/logs/scores/{experiment}/{variant}/fold{fold}.log",
    benchmark:
        "results/benchmarks/scores/{experiment}/{variant}/fold{fold}.tsv"
    wildcard_constraints:
        experiment="disks",
    params:
        radius_bins=config_at("experiments/{experiment}/scores/radius_bins"),
        radius_max=config_at("experiments/{experiment}/dataset/radius_max"),
        train_exclude=config_at("experiments/{experiment}/variants/{variant}/train_exclude"),
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/score_disks.py"


# The paper's figures (figs 2-8, 11-13).
include: "disks_figures.smk"
