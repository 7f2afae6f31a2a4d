"""The method page's text in the reader's language, from docs/method.md (one source for the docs
and the app): Swedish is the document itself, English is its "English summary" section."""
from __future__ import annotations

from indicators.config import REPO_DIR

METHOD_DOC = REPO_DIR / "docs" / "method.md"
ENGLISH_HEADING = "## English summary"


def method_markdown(lang: str, text: str | None = None) -> str:
    """Markdown of the method page for `lang` ("sv" or "en")."""
    text = METHOD_DOC.read_text(encoding="utf-8") if text is None else text
    swedish, _, english = text.partition(ENGLISH_HEADING)
    if lang == "en" and english.strip():
        return "## About data and method\n" + english
    return swedish.rstrip() + "\n"
