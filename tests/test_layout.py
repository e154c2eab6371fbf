"""The library's one-way imports (DESIGN.md, "Layout for five experiments")."""
import ast
from pathlib import Path

LIBRARY = Path(__file__).resolve().parents[1] / "workflow/shapeae"


def _imported_modules(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            yield "." * node.level + (node.module or "") + "." + ",".join(alias.name for alias in node.names)


def test_no_shared_module_imports_an_experiment():
    shared = [p for p in LIBRARY.rglob("*.py") if "experiments" not in p.relative_to(LIBRARY).parts]
    assert shared
    offenders = {str(p.relative_to(LIBRARY)): name for p in shared for name in _imported_modules(p)
                 if "experiments" in name}
    assert offenders == {}


def test_experiments_come_in_the_schemas_order_whatever_the_configs():
    from shapeae import config_checks

    schema = LIBRARY.parent / "schemas/config.schema.yaml"
    config = {"experiments": {"perceptual": {}, "disks": {}, "colours": {}}}
    assert config_checks.experiments_in_study_order(config, schema) == ["disks", "colours", "perceptual"]
