"""`python -m indicators.web [streamlit options]`: `streamlit run app.py` in this process.

Nothing here defines a Streamlit cache: the launcher runs before any runtime exists, and a cached
function defined then prints "No runtime found" warnings.
"""
from __future__ import annotations

from indicators import config


def serve(argv: list[str] | None = None) -> None:
    """`streamlit run app.py OPTIONS` in this process (the options from `argv` or the command line).

    Streamlit 1.67 treats a folder named `pages/` beside the entry script as an old-style
    (directory) multipage app until the first `st.navigation` call, so the very first visitor after
    a start who opens a deep link (`/polisens-lista?lang=en`) gets a "Page not found" dialog. The
    app always calls `st.navigation`, so we tell Streamlit so before the first session starts.
    """
    import sys

    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli

    PagesManager.uses_pages_directory = False
    sys.argv = streamlit_argv(sys.argv[1:] if argv is None else argv)
    sys.exit(cli.main())


def streamlit_argv(options: list[str]) -> list[str]:
    """`streamlit run app.py OPTIONS`, with the uploader's own size limit following
    INDICATORS_MAX_UPLOAD_MB (the ingest checks the same limit) unless OPTIONS set one."""
    options = list(options)
    if not any(o.startswith("--server.maxUploadSize") for o in options):
        options.append(f"--server.maxUploadSize={config.max_upload_bytes() // (1024 * 1024)}")
    return ["streamlit", "run", str(config.REPO_DIR / "app.py"), *options]
