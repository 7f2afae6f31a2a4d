"""The layout the architecture promises: Streamlit only at the edge, pages free of SQL."""
import ast
import re
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
    assert importers and all(name == "web.py" or name.startswith("web/") for name in importers)


def test_pages_do_no_sql_and_open_no_database():
    for page in sorted((REPO / "pages").glob("*.py")) + [REPO / "app.py"]:
        text = page.read_text(encoding="utf-8")
        assert "duckdb" not in imported_modules(page), page.name
        for word in ("SELECT ", "INSERT ", "UPDATE ", "DELETE "):
            assert word not in text, f"{page.name} contains SQL ({word.strip()})"


# --- read SQL has one home ---------------------------------------------------------------------
SQL_HOMES = ("store", "ingest")   # ingest stages rows in SQL by design; store holds every query
SQL_WORDS = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE)\b")


def string_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def test_no_module_outside_store_and_ingest_holds_sql():
    package = REPO / "indicators"
    found = {}
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package)
        if relative.parts[0] in SQL_HOMES:
            continue
        words = {m.group(1) for text in string_literals(path) for m in SQL_WORDS.finditer(text)}
        if words:
            found[str(relative)] = sorted(words)
    assert not found, f"SQL outside {SQL_HOMES}: {found}"
