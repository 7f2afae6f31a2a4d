"""The press pack: the deck (.pptx), the images (.png), a one-page summary (.pdf) and the numbers
(.csv, .xlsx), all rendered from the same slides, written to a folder and/or as one zip; the
measures of the set's focus areas close the deck as a table and come as a CSV and a sheet.

    pack = presspack.build(con, catalog, spec)           # in memory: {name: bytes}, warnings
    presspack.write(pack, Path("out"), zip_name="pressmaterial.zip")

Every file takes its numbers from `slides.build`, which has put them through disclosure.protect;
nothing here reads the store on its own.
"""
from __future__ import annotations

import io
import time
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from indicators.present import presspack_pdf, presspack_png, presspack_pptx, presspack_table, slides as slide_model
from indicators import i18n
from indicators.catalog import Catalog
from indicators.present.slideset import SlideSet, focus_choices

ZIP_NAME = "pressmaterial.zip"


@dataclass
class Pack:
    files: dict[str, bytes]                 # relative path -> bytes, in a stable order
    warnings: list[str] = field(default_factory=list)
    slides: list = field(default_factory=list)
    seconds: float = 0.0

    @property
    def images(self) -> int:
        """How many PNG files the pack holds."""
        return sum(name.startswith("png/") for name in self.files)

    def zip_bytes(self) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in self.files.items():
                archive.writestr(name, data)
        return out.getvalue()


def summary_set(catalog: Catalog, lang: str) -> SlideSet:
    """What the one-page summary covers whatever the deck shows: every focus area and indicator."""
    return SlideSet(focus_choices(catalog), catalog.ids(), (catalog.municipality.id,), lang)


def build(con, catalog: Catalog, spec: SlideSet, *, png: bool = True,
          today: date | None = None) -> Pack:
    """Every file of the press pack for `spec`, in memory. PNG and PDF problems become warnings."""
    started = time.perf_counter()
    lang = spec.lang
    deck = slide_model.build(con, catalog, spec)
    summary = slide_model.build(con, catalog, summary_set(catalog, lang))
    as_of = max((s.as_of for s in summary if s.as_of), default="") or (today or date.today()).isoformat()
    measures, measures_demo = slide_model.measures_table(con, catalog, spec)
    shown = tuple(i18n.t(f"measures.col.{k}", lang) for k in ("id", "title", "owner", "period", "status"))
    table = presspack_pptx.MeasuresTable(
        i18n.t("measures.title", lang), measures, shown, i18n.t("measures.pack_source", lang),
        i18n.t("present.demo_mark", lang) if measures_demo else "")
    files: dict[str, bytes] = {
        "presentation.pptx": presspack_pptx.pptx_bytes(deck, table),
        "siffror.csv" if lang == "sv" else "numbers.csv": presspack_table.csv_bytes(deck, catalog, lang),
        "siffror.xlsx" if lang == "sv" else "numbers.xlsx":
            presspack_table.xlsx_bytes(deck, catalog, lang, measures),
    }
    if len(measures):
        files["atgarder.csv" if lang == "sv" else "measures.csv"] = presspack_table.measures_csv(
            measures, lang, demo=measures_demo)
    warnings = [i18n.t("present.pack.no_chart", lang, n=n, name=s.kicker, reason=s.no_chart)
                for n, s in enumerate(deck, start=1) if s.chart is None and s.no_chart]
    try:
        files["sammanfattning.pdf" if lang == "sv" else "summary.pdf"] = presspack_pdf.pdf_bytes(
            summary, lang, as_of=as_of)
    except presspack_pdf.PdfUnavailable as problem:
        warnings.append(str(problem))
    if png:
        try:
            for name, data in presspack_png.png_files(deck, lang).items():
                files[f"png/{name}"] = data
        except presspack_png.PngUnavailable as problem:
            warnings.append(str(problem))
    return Pack(files, warnings, deck, time.perf_counter() - started)


def write(pack: Pack, folder: Path, *, zip_name: str | None = ZIP_NAME) -> list[Path]:
    """Writes every file under `folder` (created when missing), plus the zip unless zip_name is
    None. Returns the paths written."""
    folder = Path(folder)
    written = []
    for name, data in pack.files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    if zip_name:
        path = folder / zip_name
        path.write_bytes(pack.zip_bytes())
        written.append(path)
    return written
