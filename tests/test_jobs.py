import logging
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from shapeae import jobs

ROOT = Path(__file__).resolve().parents[1]


def test_start_logs_the_jobs_start_up_first(tmp_path):
    log = tmp_path / "job.log"
    jobs.start(SimpleNamespace(log=[str(log)], threads=1, rule="score_disks"))
    logging.shutdown()
    first = log.read_text().splitlines()[0]
    seconds = float(first.split("start-up ")[1].split(" s ")[0])
    # the logged start-up is this test process's age when start() ran: positive, and no more than its age now
    assert first.endswith("(rule score_disks)") and 0 < seconds <= jobs.startup_seconds() + 0.01


def test_startup_seconds_counts_from_the_process_start():
    # a fresh interpreter that sleeps 0.5 s before asking: at least that old, to a clock tick
    code = f"import sys, time; sys.path.insert(0, {str(ROOT / 'workflow')!r}); time.sleep(0.5); " \
           "from shapeae import jobs; print(jobs.startup_seconds())"
    age = float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
    assert 0.49 <= age < 30


def test_the_startup_benchmark_reads_rules_back_from_logs_and_snakemake_logs(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import startup

    for i, (rule, seconds) in enumerate([("train", 1.5), ("train", 2.5), ("figure_scores", 0.8)]):
        log = tmp_path / f"results/logs/{rule}/{i}.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(f"2026-12-05 00:00:00 shapeae.job {jobs.STARTUP_LINE % (seconds, rule)}\nmore\n")
        bench = tmp_path / f"results/benchmarks/{rule}/{i}.tsv"
        bench.parent.mkdir(parents=True, exist_ok=True)
        bench.write_text(f"s\th:m:s\n{10 * seconds}\t0:00:10\n")
    (tmp_path / ".snakemake/log").mkdir(parents=True)
    (tmp_path / ".snakemake/log/x.snakemake.log").write_text(
        "localrule train:\n    benchmark: results/benchmarks/train/0.tsv\nlocalrule train:\n"
        "    benchmark: results/benchmarks/train/1.tsv\nrule figure_scores:\n    log: x\n"
        "    benchmark: results/benchmarks/figure_scores/2.tsv\n")
    assert startup.from_logs(tmp_path) == {"train": [1.5, 2.5], "figure_scores": [0.8]}
    assert startup.job_seconds(tmp_path) == {"train": [15.0, 25.0], "figure_scores": [8.0]}
