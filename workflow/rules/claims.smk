# The claims table over every experiment, the report's front page, and the manifest of every figure.
# Included last: they collect what each experiment's rule file contributes (see common.smk).


rule claims:
    input:
        unpack(claims_inputs),
        training="results/tables/training.csv",
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


rule report_front_page:
    input:
        unpack(front_page_inputs),
    output:
        front_page="results/report/front_page.rst",
        captions=[caption_numbers_path(figure) for figure in all_figures() + scorecard_figures()],
    log:
        "results/logs/report/front_page.log",
    benchmark:
        "results/benchmarks/report/front_page.tsv"
    params:
        figures=figures_by_experiment(),
        captioned=sorted(figure.removeprefix("results/figures/") for figure in all_figures() + scorecard_figures()),
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/report_front_page.py"


rule figure_manifest:
    input:
        figures=all_figures() + scorecard_figures(),
        report="results/report/front_page.rst",  # built with the figures, so --report finds it
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
