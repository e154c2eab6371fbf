FIGURE_FOLD = config["figures"]["fold"]


rule figure_training_curves:
    input:
        variant_histories,
    output:
        report(
            "results/figures/{experiment}/{variant}/training_curves.png",
            caption="../report/training_curves.rst",
            category="{experiment}",
            subcategory="{variant}",
        ),
    log:
        "results/logs/figures/{experiment}/{variant}/training_curves.log",
    benchmark:
        "results/benchmarks/figures/{experiment}/{variant}/training_curves.tsv"
    params:
        dpi=config["figures"]["dpi"],
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_training_curves.py"


rule figure_disk_reconstructions:
    input:
        data="results/datasets/disks.npz",
        features=f"results/features/disks/{{variant}}/fold{FIGURE_FOLD}.npz",
    output:
        report(
            "results/figures/disks/{variant}/reconstructions.png",
            caption="../report/disks_reconstructions.rst",
            category="disks",
            subcategory="{variant}",
        ),
    log:
        "results/logs/figures/disks/{variant}/reconstructions.log",
    benchmark:
        "results/benchmarks/figures/disks/{variant}/reconstructions.tsv"
    params:
        dpi=config["figures"]["dpi"],
        n_examples=config["figures"]["n_examples"],
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_disk_reconstructions.py"


rule figure_disk_interpolation:
    input:
        model=f"results/models/disks/{{variant}}/fold{FIGURE_FOLD}/model.pt",
        spec=f"results/models/disks/{{variant}}/fold{FIGURE_FOLD}/model.json",
        features=f"results/features/disks/{{variant}}/fold{FIGURE_FOLD}.npz",
    output:
        report(
            "results/figures/disks/{variant}/interpolation.png",
            caption="../report/disks_interpolation.rst",
            category="disks",
            subcategory="{variant}",
        ),
    log:
        "results/logs/figures/disks/{variant}/interpolation.log",
    benchmark:
        "results/benchmarks/figures/disks/{variant}/interpolation.tsv"
    params:
        dpi=config["figures"]["dpi"],
        n_examples=config["figures"]["n_examples"],
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_disk_interpolation.py"


rule figure_disk_code_vs_size:
    input:
        features=variant_features,
        data="results/datasets/{experiment}.npz",
    output:
        report(
            "results/figures/{experiment}/{variant}/code_vs_size.png",
            caption="../report/disks_code_vs_size.rst",
            category="{experiment}",
            subcategory="{variant}",
        ),
    log:
        "results/logs/figures/{experiment}/{variant}/code_vs_size.log",
    benchmark:
        "results/benchmarks/figures/{experiment}/{variant}/code_vs_size.tsv"
    wildcard_constraints:
        experiment="disks",
    params:
        dpi=config["figures"]["dpi"],
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_disk_code_vs_size.py"


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


rule figure_manifest:
    input:
        all_figures(),
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
