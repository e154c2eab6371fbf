"""Run the workflow on the smoke config in a scratch directory, and read what a dry run would do."""
import re
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
SMOKE_CONFIG = REPO / "tests/smoke/config.yaml"


def snakemake(workdir, *args, config=SMOKE_CONFIG, cores=2, check=True):
    command = [sys.executable, "-m", "snakemake", "--snakefile", str(REPO / "Snakefile"),
               "--directory", str(workdir), "--configfile", str(config),
               "--cores", str(cores), *args]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"{' '.join(command)} failed:\n{result.stdout[-4000:]}\n{result.stderr[-6000:]}")
    return result


def planned_jobs(workdir, config=SMOKE_CONFIG):
    """{rule: number of jobs} that `snakemake -n` would run; {} when nothing is to be done."""
    out = snakemake(workdir, "-n", config=config)
    text = out.stdout + out.stderr
    if "Nothing to be done" in text:
        return {}
    table = text.split("Job stats:", 1)[1].split("total", 1)[0]
    return {rule: int(n) for rule, n in re.findall(r"^(\w+)\s+(\d+)\s*$", table, flags=re.M)}


def config_with(tmp_path, dotted_key, value, name="changed.yaml"):
    """A copy of the smoke config with one value changed."""
    config = yaml.safe_load(SMOKE_CONFIG.read_text())
    *parents, last = dotted_key.split(".")
    node = config
    for key in parents:
        node = node[key]
    node[last] = value
    path = Path(tmp_path) / name
    path.write_text(yaml.safe_dump(config))
    return path
