"""README.md and docs/: the generated configuration reference, relative links, the README's images."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import config_reference  # noqa: E402
import docs_images  # noqa: E402

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def test_configuration_reference_is_generated_from_the_current_schema():
    done = subprocess.run([sys.executable, str(ROOT / "tools/config_reference.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_every_config_key_says_what_it_means():
    schema = yaml.safe_load(config_reference.SCHEMA.read_text())
    assert config_reference.undescribed(schema) == []


def test_reference_lists_every_key_of_the_default_config():
    text = config_reference.TARGET.read_text()
    config = yaml.safe_load(config_reference.CONFIG.read_text())

    def keys(node, prefix=""):
        for name, value in node.items():
            key = f"{prefix}{name}"
            if name == "variants" or key.endswith("skip_factors") or key.endswith("train_exclude"):
                yield key  # free names: the reference writes <variant>, <experiment>, <factor>
                continue
            yield key
            if isinstance(value, dict):
                yield from keys(value, key + ".")

    missing = [key for key in keys(config) if f"| `{key}` |" not in text]
    assert missing == []


def test_reference_check_fails_on_a_stale_file(tmp_path, monkeypatch):
    stale = tmp_path / "configuration.md"
    stale.write_text(config_reference.TARGET.read_text().replace("global seed", "the seed"))
    monkeypatch.setattr(config_reference, "TARGET", stale)
    monkeypatch.setattr(sys, "argv", ["config_reference.py", "--check"])
    with pytest.raises(SystemExit, match="out of date"):
        config_reference.main()


def without_code(text):
    return re.sub(r"```.*?```", "", text, flags=re.S)  # code blocks hold commands, not links or headings


def relative_links(page):
    """(file, anchor) of every link that is not a URL; file '' is the page itself."""
    for target in LINK.findall(without_code(page.read_text())):
        if not re.match(r"[a-z]+:", target):
            file, _, anchor = target.partition("#")
            yield file, anchor


def anchors(page):
    """The anchors GitHub gives the page's headings: the heading's text, lower case, without
    punctuation, spaces as hyphens; a repeated heading gets -1, -2, ..."""
    seen, found = {}, set()
    for heading in re.findall(r"^#{1,6} +(.+?) *#*$", without_code(page.read_text()), flags=re.M):
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link in a heading counts as its text
        slug = re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")
        found.add(f"{slug}-{seen[slug]}" if slug in seen else slug)
        seen[slug] = seen.get(slug, 0) + 1
    return found


def broken_links(page):
    for file, anchor in relative_links(page):
        target = page.parent / file if file else page
        if not target.exists():
            yield f"{page.name} -> {file}"
        elif anchor and target.suffix == ".md" and anchor not in anchors(target):
            yield f"{page.name} -> {file}#{anchor} (no such heading)"


def test_every_relative_link_in_readme_and_docs_points_to_a_file_and_heading_that_exist():
    assert [link for page in PAGES for link in broken_links(page)] == []


def test_link_check_sees_a_broken_link_and_a_missing_heading(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# Runs, and `their` scales\n## Runs\n## Runs\n"
                    "[ok](page.md) [gone](docs/none.md) ![img](images/x.png) [web](https://example.org)\n"
                    "[here](#runs-and-their-scales) [again](#runs-1) [third](#runs-2) [same](page.md#runs)\n"
                    "```\n[not a link](nowhere.md)\n# not a heading\n```\n")
    assert anchors(page) == {"runs-and-their-scales", "runs", "runs-1"}
    assert list(broken_links(page)) == ["page.md -> docs/none.md", "page.md -> images/x.png",
                                        "page.md -> #runs-2 (no such heading)"]


def test_readme_images_are_drawn_by_the_current_code():
    record = json.loads(docs_images.RECORD.read_text())
    assert set(record) == set(docs_images.DRAWN_BY)
    for image, entry in record.items():
        assert docs_images.sha256(docs_images.IMAGES / image) == entry["sha256"], \
            f"docs/images/{image} is not the image recorded: run python tools/docs_images.py RUN_DIR"
        changed = [name for name, digest in docs_images.code_hashes(docs_images.DRAWN_BY[image][1]).items()
                   if entry["code"].get(name) != digest]
        assert changed == [], (f"docs/images/{image} was drawn by older {changed}: update a run and "
                               "run python tools/docs_images.py RUN_DIR")
        assert f"docs/images/{image}" in (ROOT / "README.md").read_text()


def test_readme_test_command_is_what_ci_runs():
    blocks = re.findall(r"```bash\n(.*?)\n```", (ROOT / "README.md").read_text(), flags=re.S)
    study, tests = blocks[0], blocks[1]
    assert study.startswith("python3 -m venv .venv && ") and "results/figures/all" in study
    assert tests in (ROOT / ".ci/run").read_text().splitlines()


def test_readme_is_short():
    assert len((ROOT / "README.md").read_text().splitlines()) <= 200
