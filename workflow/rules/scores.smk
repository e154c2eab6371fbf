# Generic: the tidy score table of an experiment scored per (variant, fold), and its overview figure.


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
        experiment="disks|shapespace|colours|perceptual",  # scored per (variant, fold); positions: rule position_scores
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
