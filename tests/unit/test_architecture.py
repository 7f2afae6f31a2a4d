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
    assert importers and all(name.startswith("web/") for name in importers)


def test_pages_do_no_sql_and_open_no_database():
    for page in sorted((REPO / "app_pages").glob("*.py")) + [REPO / "app.py"]:
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


# --- imports run one way -------------------------------------------------------------------------
# Each part of indicators/ (a top-level module or a subpackage) and the parts it may import; a
# part may always import its own modules. Imports inside functions count too.
CORE = {"config", "i18n", "periods", "catalog", "ingest", "method"}
EVERYTHING = CORE | {"demo", "demo_parameters", "demo_follow_up", "access", "exports", "charts", "store", "views", "present", "cli", "web"}
MAY_IMPORT = {
    "config": set(),
    "i18n": {"config"},
    "periods": {"config", "i18n"},
    "catalog": {"config", "i18n", "periods"},
    "ingest": {"config", "i18n", "periods", "catalog"},
    "method": {"config", "i18n", "periods", "catalog"},
    "demo": CORE | {"demo_parameters"},
    "demo_parameters": set(),
    "demo_follow_up": CORE | {"demo"},
    "access": {"config", "i18n"},
    "exports": {"config", "i18n"},
    "charts": CORE,
    "store": CORE,
    "views": CORE | {"store", "charts", "exports"},
    "present": CORE | {"store", "charts", "exports", "views"},
    "cli": EVERYTHING - {"web"},
    "web": EVERYTHING - {"cli"},
    "__main__": {"cli"},
    "__init__": set(),
}


def part_of(relative: Path) -> str:
    """"store" for indicators/store/history.py, "periods" for indicators/periods.py."""
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def imported_parts(path: Path) -> set[str]:
    """The parts of indicators/ that `path` imports, anywhere in the file."""
    package = REPO / "indicators"
    here = path.relative_to(REPO).with_suffix("").parts   # ("indicators", "store", "history")
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name.split(".") for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = list(here[:-node.level]) if node.level else []
            base += node.module.split(".") if node.module else []
            names = [base + [alias.name] for alias in node.names]
        else:
            continue
        for name in names:
            if name[0] != "indicators" or len(name) < 2:
                continue
            if len(name) == 2 and not ((package / name[1]).is_dir() or (package / f"{name[1]}.py").exists()):
                continue   # `from indicators import something_defined_in_init`
            found.add(name[1])
    return found


def test_every_part_of_the_package_has_import_rules():
    package = REPO / "indicators"
    parts = {part_of(p.relative_to(package)) for p in package.rglob("*.py")}
    assert parts <= set(MAY_IMPORT), f"no import rule for {sorted(parts - set(MAY_IMPORT))}"


def test_imports_run_one_way():
    package = REPO / "indicators"
    wrong = {}
    for path in sorted(package.rglob("*.py")):
        part = part_of(path.relative_to(package))
        bad = imported_parts(path) - MAY_IMPORT[part] - {part}
        if bad:
            wrong[str(path.relative_to(package))] = sorted(bad)
    assert not wrong, f"imports against the layer rules: {wrong}"


def test_the_core_never_imports_the_outer_layers():
    outer = {"views", "present", "web", "cli", "exports", "store"}
    assert all(not (MAY_IMPORT[part] & outer) for part in CORE)


def test_the_name_st_means_streamlit_and_nothing_else():
    for path in sorted((REPO / "indicators").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for alias in node.names:
                    if alias.asname == "st":
                        assert alias.name == "streamlit", f"{path.name}: {alias.name} as st"


# --- the language is handed in ---------------------------------------------------------------
# A `lang` that defaults to $INDICATORS_LANG turns a forgotten argument into the wrong language in
# the app, silently. Only the command line reads config.lang(); every other function is handed a
# language. A presentation link without ?lang= means Swedish: that default is the URL's, not a
# fallback, and is the one exception. load_catalog says a broken catalog's problems in the
# configured language: they are the operator's to fix and are found before any visitor chose one.
LANG_DEFAULTS_ALLOWED = {("present/slideset.py", "default")}
READS_CONFIGURED_LANG = {"cli/main.py", "cli/files.py", "cli/table.py", "cli/commands.py", "cli/users.py", "cli/presspack.py",
                         "catalog/loading.py"}


def test_no_function_defaults_its_language():
    package = REPO / "indicators"
    found = set()
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            args = node.args
            positional = args.posonlyargs + args.args
            named = [a.arg for a in positional[len(positional) - len(args.defaults):]]
            named += [a.arg for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None]
            if "lang" in named:
                found.add((str(path.relative_to(package)), node.name))
    assert found == LANG_DEFAULTS_ALLOWED


def test_only_the_command_line_reads_the_configured_language():
    package = REPO / "indicators"
    readers = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "lang" and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "config"):
                readers.add(str(path.relative_to(package)))
    assert readers <= READS_CONFIGURED_LANG


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


# --- no module over ~300 lines (issue 8) ---------------------------------------------------------
MAX_MODULE_LINES = 300


def module_lengths() -> dict[str, int]:
    package = REPO / "indicators"
    return {str(p.relative_to(package)): len(p.read_text(encoding="utf-8").splitlines())
            for p in sorted(package.rglob("*.py"))}


def test_no_module_is_over_300_lines():
    long = {name: n for name, n in module_lengths().items() if n > MAX_MODULE_LINES}
    assert not long, f"split these modules (at most {MAX_MODULE_LINES} lines): {long}"


def test_the_virtual_environment_is_never_tracked():
    """A committed `.venv` (a symlink to the shared one) replaces the real folder of every checkout
    that pulls it with a link to itself: git drops ignored files it overwrites."""
    import subprocess
    try:
        tracked = subprocess.run(["git", "ls-files", ".venv", ".venv/*"], cwd=REPO, capture_output=True,
                                 text=True, timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        import pytest
        pytest.skip("not a git checkout")
    assert tracked == ""
