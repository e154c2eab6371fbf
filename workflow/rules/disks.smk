# The disks experiment (Newson et al., sections 3-4): held-out scores of every disk autoencoder on
# every fold it trained, their table and its figure; the paper's figures are in disks_figures.smk.


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


rule aggregate_scores:
    input:
        fold_scores,
    output:
        scores=report(
            "results/tables/{experiment}/scores.csv",
            caption="../report/scores_table.rst",
            category="{experiment}",
            subcategory="tables",
        ),
        summary=report(
            "results/tables/{experiment}/scores_summary.csv",
            caption="../report/scores_summary.rst",
            category="{experiment}",
            subcategory="tables",
        ),
    log:
        "results/logs/aggregate_scores/{experiment}.log",
    wildcard_constraints:
        experiment="disks",  # positions: rule position_scores
    benchmark:
        "results/benchmarks/aggregate_scores/{experiment}.tsv"
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/aggregate_scores.py"


# Every score of an experiment's tidy table (any experiment's; disks_figures() lists the disks one).
rule figure_scores:
    input:
        "results/tables/{experiment}/scores.csv",
    output:
        report(
            "results/figures/{experiment}/scores.png",
            caption="../report/scores_figure.rst",
            category="{experiment}",
            subcategory="scores",
        ),
    log:
        "results/logs/figures/{experiment}/scores.log",
    benchmark:
        "results/benchmarks/figures/{experiment}/scores.tsv"
    params:
        dpi=config["figures"]["dpi"],
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_scores.py"


# The paper's figures.
include: "disks_figures.smk"
