"""The documentation names what the code has: the README's command and configuration tables
against the CLI's command table and config.SETTINGS, and docs/architecture.md against the modules
of indicators/ (Datasette's test_docs.py is the model)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from indicators import cli, config

REPO = Path(__file__).resolve().parents[2]


def table_rows(markdown: str, heading: str) -> list[list[str]]:
    """The cells of each body row of the first table under `## heading`."""
    section = markdown.split(f"\n## {heading}", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("|")]
    rows = [[cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]] for line in lines]
    return rows[2:]   # header and |---| line


def test_the_readme_command_table_names_every_command_and_no_other():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    named = set()
    for row in table_rows(readme, "Command line"):
        named |= set(re.findall(r"`python -m indicators (\w[\w-]*)", row[0]))
    assert named == {command.name for command in cli.COMMANDS}


def test_every_command_has_help_in_both_languages():
    from indicators import i18n
    for command in cli.COMMANDS:
        assert all(command.help_key in i18n.texts(lang) for lang in i18n.LANGS), command.name


def test_the_readme_configuration_table_is_config_settings():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    rows = [tuple(row) for row in table_rows(readme, "Configuration")]
    assert rows == [(f"`{s.name}`", s.default, s.meaning) for s in config.SETTINGS]


def test_only_config_reads_the_environment():
    """Every environment variable goes through config.value(), so SETTINGS is complete."""
    package = REPO / "indicators"
    readers = []
    for path in sorted(package.rglob("*.py")):
        if path == package / "config.py":
            continue
        nodes = list(ast.walk(ast.parse(path.read_text(encoding="utf-8"))))
        sets = {id(n.value) for n in nodes   # os.environ[...] = ... hands a value on, reads nothing
                if isinstance(n, ast.Subscript) and isinstance(n.ctx, ast.Store)}
        readers += [f"{path.relative_to(package)}:{n.lineno}" for n in nodes
                    if isinstance(n, ast.Attribute) and n.attr in ("environ", "getenv")
                    and id(n) not in sets]
    assert not readers, f"environment read outside config.py: {readers}"


def test_the_architecture_document_names_every_module():
    """Every module file of indicators/, in backticks, by its path relative to indicators/
    (`store/history.py`), every subpackage as a folder (`store/`); the web package as a folder
    only (`web/`), since its own __init__.py describes its modules."""
    text = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    package = REPO / "indicators"
    wanted = set()
    for path in package.rglob("*.py"):
        relative = path.relative_to(package)
        if relative.parts[0] in ("web", "web.py"):
            wanted.add("web/")
        elif len(relative.parts) > 1:
            wanted.add(f"{relative.parts[0]}/")
            if path.name != "__init__.py":
                wanted.add(relative.as_posix())
        elif path.name != "__init__.py":
            wanted.add(relative.as_posix())
    missing = sorted(name for name in wanted if f"`{name}`" not in text)
    assert not missing, f"docs/architecture.md does not name {missing}"


def test_the_readme_says_where_user_add_writes_the_account():
    """An account added under another store folder than the server's is never found at login."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    step = readme.split("indicators user add", 1)[1].split("\n\nThen ", 1)[0]
    assert "INDICATORS_HOME" in step and "accounts.toml" in step
