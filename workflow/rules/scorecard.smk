# The scorecard (DESIGN.md "Features and probes"): every trained encoder of every experiment, every
# fold, every known factor of its dataset, scored the same way on the held-out fold: linear, lasso
# and MLP probes (k-NN too for categories) beside their baselines, MIG and DCI. One job per
# (experiment, variant, fold), one aggregate, a heatmap per experiment and a disentanglement chart.


include: "scorecard_common.smk"


rule scorecard_encoder:
    input:
        unpack(variant_data),
        features="results/features/{experiment}/{variant}/fold{fold}.npz",
    output:
        "results/scorecard/{experiment}/{variant}/fold{fold}.csv",
    log:
        "results/logs/scorecard/{experiment}/{variant}/fold{fold}.log",
    benchmark:
        "results/benchmarks/scorecard/{experiment}/{variant}/fold{fold}.tsv"
    params:
        settings=scorecard_settings,
        seed=job_seed,
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/scorecard_encoder.py"


rule scorecard:
    input:
        tables=scorecard_tables(),
        training="results/tables/training.csv",
    output:
        table=report(
            "results/tables/scorecard.csv",
            caption="../report/scorecard_table.rst",
            category="scorecard",
            subcategory="tables",
        ),
        summary=report(
            "results/tables/scorecard_summary.csv",
            caption="../report/scorecard_summary.rst",
            category="scorecard",
            subcategory="tables",
        ),
    log:
        "results/logs/scorecard/aggregate.log",
    benchmark:
        "results/benchmarks/scorecard/aggregate.tsv"
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/aggregate_scorecard.py"


rule figure_scorecard_probes:
    input:
        "results/tables/scorecard_summary.csv",
    output:
        report(
            "results/figures/scorecard/{experiment}_probes.png",
            caption="../report/scorecard_probes.rst",
            category="scorecard",
            subcategory="probes",
        ),
    log:
        "results/logs/figures/scorecard/{experiment}_probes.log",
    benchmark:
        "results/benchmarks/figures/scorecard/{experiment}_probes.tsv"
    params:
        dpi=config["figures"]["dpi"],
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_scorecard_probes.py"


rule figure_scorecard_disentanglement:
    input:
        "results/tables/scorecard_summary.csv",
    output:
        report(
            "results/figures/scorecard/disentanglement.png",
            caption="../report/scorecard_disentanglement.rst",
            category="scorecard",
            subcategory="disentanglement",
        ),
    log:
        "results/logs/figures/scorecard/disentanglement.log",
    benchmark:
        "results/benchmarks/figures/scorecard/disentanglement.tsv"
    params:
        dpi=config["figures"]["dpi"],
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_scorecard_disentanglement.py"
