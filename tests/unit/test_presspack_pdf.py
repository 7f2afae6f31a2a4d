"""The press pack's one-page PDF, read back with pypdf: a tagged PDF (a structure tree with headings
and lists, /MarkInfo /Marked true, the document language), one A4 page, no text under 8 pt."""
from __future__ import annotations

import builtins
import io

import pytest
from pypdf import PdfReader

from indicators import store
from indicators.catalog import load_catalog
from indicators.present import presspack, presspack_pdf


def _pdf(home, lang: str) -> PdfReader:
    catalog = load_catalog()
    pack = presspack.build(store.connect(home), catalog, presspack.summary_set(catalog, lang), png=False)
    assert not pack.warnings
    return PdfReader(io.BytesIO(pack.files["sammanfattning.pdf" if lang == "sv" else "summary.pdf"]))


def _structure_types(node, found: set[str]) -> set[str]:
    node = node.get_object()
    if "/S" in node:
        found.add(str(node["/S"]))
    kids = node.get("/K")
    for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(kid, dict):
            _structure_types(kid, found)
    return found


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_summary_is_a_tagged_pdf_with_headings_and_lists_in_the_users_language(home, lang):
    reader = _pdf(home, lang)
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 - a pypdf BooleanObject
    assert root["/Lang"] == lang
    types = _structure_types(root["/StructTreeRoot"], set())
    assert {"/H1", "/H2", "/L", "/LI", "/P"} <= types
    assert len(reader.pages) == 1
    assert reader.metadata.title


def test_no_text_on_the_summary_is_under_8_pt(home):
    page = _pdf(home, "sv").pages[0]
    sizes: list[tuple[float, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():  # the size as drawn: font size × text matrix × page matrix (vertical scale)
            sizes.append((size * abs(tm[3]) * abs(cm[3]), text.strip()))

    page.extract_text(visitor_text=visit)
    assert len(sizes) > 40
    smallest = min(sizes)
    assert smallest[0] >= presspack_pdf.MIN_PT - 0.01, smallest


def test_without_pango_the_pack_is_made_and_says_why_there_is_no_pdf(home, monkeypatch):
    real_import = builtins.__import__

    def no_pango(name, *args, **kwargs):
        if name.startswith("weasyprint"):
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pango)
    catalog = load_catalog()
    pack = presspack.build(store.connect(home), catalog, presspack.summary_set(catalog, "en"), png=False)
    assert "summary.pdf" not in pack.files and "presentation.pptx" in pack.files
    assert pack.warnings and "Pango" in pack.warnings[0]
