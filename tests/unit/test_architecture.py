"""The layout the architecture promises: Streamlit only at the edge, pages free of SQL."""
import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_only_the_web_module_of_the_package_imports_streamlit():
    package = REPO / "indicators"
    importers = sorted(str(p.relative_to(package)) for p in package.rglob("*.py")
                       if "streamlit" in imported_modules(p))
    assert importers and all(name.startswith("web/") for name in importers)


def test_pages_do_no_sql_and_open_no_database():
    for page in sorted((REPO / "app_pages").glob("*.py")) + [REPO / "app.py"]:
        text = page.read_text(encoding="utf-8")
        assert "duckdb" not in imported_modules(page), page.name
        for word in ("SELECT ", "INSERT ", "UPDATE ", "DELETE "):
            assert word not in text, f"{page.name} contains SQL ({word.strip()})"


def package_imports(path: Path) -> set[str]:
    """Every `indicators...` name a script imports, as written (`indicators.web`, `indicators.store`)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "indicators")
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "indicators":
                found.update(f"indicators.{a.name}" for a in node.names)
            elif node.module.split(".")[0] == "indicators":
                found.add(node.module)
    return found


def test_pages_and_the_frame_import_only_indicators_web_of_the_package():
    scripts = sorted((REPO / "app_pages").rglob("*.py")) + [REPO / "app.py"]
    for script in scripts:
        assert package_imports(script) <= {"indicators.web"}, script.name
