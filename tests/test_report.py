"""The report's front page, its caption numbers, and the report itself in a real browser."""
import os
import re
import shutil
import subprocess

import numpy as np
import pandas as pd
import pytest

from shapeae import report
from workflow_helpers import snakemake

CATEGORIES = ["claims", "disks", "positions", "shapespace", "colours", "perceptual", "scorecard"]


NOTE = "the value alone says no, but it rests on models that did not learn: v fold 0 collapsed"


def claims_rows():
    return pd.DataFrame({
        "id": ["a-holds", "b-fails", "c-missing", "d-unsure"], "source": ["S1", "S1", "S2", "S2"],
        "finding": ["first", "second", "third", "fourth"], "measured_as": ["m1", "m2", "m3", "m4"],
        "value": [0.995, 1.5, np.nan, 0.5], "spread": [0.001, 0.2, np.nan, 0.1], "n": [5, 2, 0, 2],
        "threshold": [">= 0.99", ">= 5", "> 0", ">= 1"], "holds": ["yes", "no", "not measured", "inconclusive"],
        "variants": ["v", "v", "w", "v"], "source_value": [0.98, np.nan, np.nan, np.nan],
        "note": ["rests on 5 models, all learned", "rests on 2 models, all learned", np.nan, NOTE]})


def test_claims_table_has_a_row_per_finding_with_ours_theirs_the_verdict_and_its_note():
    table = report.claims_table(claims_rows())
    assert table.startswith(".. list-table::")
    assert table.count("   * - ``") == 4
    assert "0.995 ± 0.001 (5)" in table and "0.98" in table and "**not measured**" in table
    assert "**inconclusive**" in table and NOTE in table


def test_front_page_counts_verdicts_and_has_a_paragraph_per_experiment():
    page = report.front_page(claims_rows(), {"one": ("What one does.", ["a-holds", "b-fails"], ["one/x.png"]),
                                             "two": ("What two does.", ["c-missing", "d-unsure"], [])})
    assert "1 of 3 measured findings hold, 1 do not, 1 inconclusive (1 not measured)" in page
    assert "What one does. In this run 1 of 2 measured findings hold, 1 do not, 0 inconclusive" in page
    assert f"**inconclusive** ({NOTE})" in page
    assert "Figures (one_): ``one/x.png``" in page
    assert "``c-missing``: not measured" in page


def test_caption_numbers_state_the_findings_a_figure_supports():
    claims = claims_rows()
    report.FIGURE_CLAIMS["one/x.png"] = ["b-fails"]
    try:
        line = report.caption_numbers("one/x.png", claims, {"one": ["a-holds"]})
        generic = report.caption_numbers("one/y.png", claims, {"one": ["a-holds"]})
    finally:
        del report.FIGURE_CLAIMS["one/x.png"]
    assert "**1.5 ± 0.2** over 2" in line and "**no**" in line and "a-holds" not in line
    assert "a-holds" in generic  # an experiment's other figures state its findings
    with pytest.raises(ValueError, match="three/z.png"):
        report.caption_numbers("three/z.png", claims, {})
    training = pd.DataFrame({"experiment": ["one", "one"], "variant": ["v", "v"], "fold": [0, 1],
                             "status": ["collapsed", "learned"]})
    assert report.caption_numbers("convergence.png", claims, {}, training=training) == (
        "This run: 1 of 2 models learned (not: one v fold 0: collapsed).")


def rendered(html_path, tmp_path):
    """(visible text of the rendered page, console lines) from headless Chromium."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        if os.environ.get("CI"):
            pytest.fail("CI must open the report in a browser, but no chromium is installed; .ci/run installs it")
        pytest.skip("headless Chromium not installed (apt-get install chromium; .ci/run installs it)")
    result = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             f"--user-data-dir={tmp_path / 'chromium'}", "--enable-logging=stderr", "--v=0",
                             "--virtual-time-budget=20000", "--dump-dom", html_path.as_uri()],
                            capture_output=True, text=True, timeout=180)
    dom = result.stdout
    assert '<div id="app"' in dom, result.stderr[-2000:]
    app = re.sub(r"<script.*?</script>", "", dom[dom.index('<div id="app"'):], flags=re.S)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", app))
    console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
    return text, console


def console_errors(console):
    return [line for line in console if re.search(r"Uncaught|Error|error", line)]


@pytest.mark.slow
def test_report_renders_in_a_browser_with_every_category_and_the_claims_table(smoke_copy, tmp_path):
    snakemake(smoke_copy, "--report", "report.html")
    text, console = rendered(smoke_copy / "report.html", tmp_path)
    assert console_errors(console) == [], console
    for category in CATEGORIES:
        assert f" {category} " in text, category
    assert "Which published findings reproduce" in text
    claims = pd.read_csv(smoke_copy / "results/claims.csv")
    for claim in claims.itertuples():  # every row rendered, with its verdict after its number
        assert re.search(rf" {re.escape(claim.id)} .*? {re.escape(claim.holds)} ", text), claim.id
    measured = claims[claims["holds"] != "not measured"]
    assert f"{(measured['holds'] == 'yes').sum()} of {len(measured)} measured findings hold" in text
    # a JavaScript error would be seen: the same page with a broken script reports one
    broken = tmp_path / "broken.html"
    html = (smoke_copy / "report.html").read_text()
    end = html.rindex("</body>")
    broken.write_text(html[:end] + "<script>undefined_fn();</script>" + html[end:])
    _, broken_console = rendered(broken, tmp_path)
    assert console_errors(broken_console), broken_console
