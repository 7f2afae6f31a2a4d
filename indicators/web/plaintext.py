"""Text that came with data is shown as text, never as markup.

An uploaded file's `källa` and `kommentar`, file names, the names an account or an identity
provider gives a user, and the labels of a catalog are data: whoever wrote them must not put a link,
an image every visitor's browser loads, LaTeX, coloured text or an icon on the page. Streamlit
renders Markdown (with its own extensions: `:red[...]`, `:material/icon:`, emoji shortcodes, `$math$`)
in st.markdown, st.caption, st.title/header/subheader, alerts, and widget, button, tab and expander
labels. Every such text goes through `plain()` before it is put into one of them:

    st.caption(t("upload.saved", file=plain(name)))
    st.subheader(plain(area.name))

`plain()` puts the text on one line, caps its length where asked (a 100,000-character source must
not make a caption thousands of pixels tall) and backslash-escapes every ASCII punctuation character
Markdown or Streamlit give a meaning, so the reader sees exactly the characters that were written.
Escaping cannot stop GFM's autolink literals (`http://…`, `www.…`, `a@b.se`): they are found in the
text after the escapes are resolved, so an invisible WORD JOINER (U+2060) goes between `:` and `//`,
`www` and `.`, and before `@` (tests/browser/test_hostile_text_browser.py proves no <a> is made).
Text shown by st.dataframe, st.text or st.code is never Markdown and needs nothing.
"""
from __future__ import annotations

import re

import pandas as pd

CAPTION_LIMIT = 300      # characters of one piece of data text in a caption or a line of text
LABEL_LIMIT = 200        # in a title, heading or widget label

# CommonMark lets every ASCII punctuation character be escaped; these are the ones that mean
# something to Markdown, GFM (tables, strikethrough, autolinks of www. / http:// / e-mail),
# Streamlit's directives (:red[...], :material/...:, :emoji:) or its LaTeX ($...$).
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:&/@=^\"'])")
JOINER = "\u2060"   # WORD JOINER: invisible, no line break, and no autolink across it
_AUTOLINK = re.compile(r"(?<=:)(?=//)|(?<=www)(?=\.)|(?=@)", re.IGNORECASE)


def plain(text, limit: int | None = CAPTION_LIMIT) -> str:
    """`text` as Streamlit Markdown that shows exactly its characters: one line, at most `limit`
    characters (cut with "…"; None for no limit), every special character escaped."""
    one_line = " ".join(str("" if text is None else text).split())
    if limit is not None and len(one_line) > limit:
        one_line = one_line[:limit - 1].rstrip() + "…"
    return _SPECIAL.sub(r"\\\1", _AUTOLINK.sub(JOINER, one_line))


def plain_frame(frame: pd.DataFrame, limit: int | None = CAPTION_LIMIT) -> pd.DataFrame:
    """A copy of a table for st.table (whose cells are Markdown): every text cell through plain()."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(lambda v: plain(v, limit) if isinstance(v, str) else v)
    out.index = [plain(i, limit) if isinstance(i, str) else i for i in out.index]
    return out
