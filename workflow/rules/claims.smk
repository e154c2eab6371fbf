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
        disk_variants=lambda wildcards: sorted_keys(config["experiments"].get("disks", {}).get("variants", {})),
        disk_radius_max=lambda wildcards: config["experiments"].get("disks", {}).get("dataset", {}).get("radius_max"),
        position_encoders=lambda wildcards: sorted_keys(
            config["experiments"].get("positions", {}).get("encoder", {}).get("variants", {})
        ),
        dpi=config["figures"]["dpi"],
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/claims.py"
