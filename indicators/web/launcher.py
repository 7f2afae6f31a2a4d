"""`python -m indicators.web [streamlit options]`: `streamlit run app.py` in this process.

Nothing here defines a Streamlit cache: the launcher runs before any runtime exists, and a cached
function defined then prints "No runtime found" warnings.
"""
from __future__ import annotations

from pathlib import Path

from indicators import config


def serve(argv: list[str] | None = None) -> None:
    """`streamlit run app.py OPTIONS` in this process (the options from `argv` or the command line)."""
    import sys

    from streamlit.web import cli

    warning = leftover_pages_warning(config.REPO_DIR)
    if warning:
        print(warning, file=sys.stderr)
    sys.argv = streamlit_argv(sys.argv[1:] if argv is None else argv)
    sys.exit(cli.main())


def leftover_pages_warning(repo: Path) -> str | None:
    """A warning when a folder `pages/` sits beside app.py, else None.

    The screens live in app_pages/. Streamlit treats a `pages/` folder beside the entry script as
    an old-style (directory) multipage app until the first `st.navigation` call, so the first
    visitor after a start who opens a deep link (`/polisens-lista?lang=en`) gets "Page not found".
    A checkout updated from the old layout keeps `pages/__pycache__/` (git leaves it), which is
    enough to bring that back.
    """
    folder = Path(repo) / "pages"
    if not folder.exists():
        return None
    return (f"Warning: remove the folder {folder} (left over from the old layout; the screens are "
            "in app_pages/). While it exists, the first visitor after a start who opens a link "
            "to a page gets 'Page not found'.")


def streamlit_argv(options: list[str]) -> list[str]:
    """`streamlit run app.py OPTIONS`, with the uploader's own size limit following
    INDICATORS_MAX_UPLOAD_MB (the ingest checks the same limit) unless OPTIONS set one."""
    options = list(options)
    if not any(o.startswith("--server.maxUploadSize") for o in options):
        options.append(f"--server.maxUploadSize={config.max_upload_bytes() // (1024 * 1024)}")
    return ["streamlit", "run", str(config.REPO_DIR / "app.py"), *options]
