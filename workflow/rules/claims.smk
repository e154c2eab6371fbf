# The claims table over every experiment, and the manifest of every figure. Included last: both
# collect what each experiment's rule file contributes (see common.smk).


rule claims:
    input:
        unpack(claims_inputs),
    output:
        table=report(
            "results/claims.csv",
            caption="../report/claims_table.rst",
            category="claims",
        ),
        figure=report(
            "results/figures/claims.png",
            caption="../report/claims_figure.rst",
            category="claims",
        ),
    log:
        "results/logs/claims.log",
    benchmark:
        "results/benchmarks/claims.tsv"
    params:
        **claims_params(),  # each experiment's own, from its rule file (see common.smk)
        dpi=config["figures"]["dpi"],
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/claims.py"


rule figure_manifest:
    input:
        all_figures() + scorecard_figures(),
    output:
        "results/figures/all",
    log:
        "results/logs/figures/manifest.log",
    benchmark:
        "results/benchmarks/figures/manifest.tsv"
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_manifest.py"
