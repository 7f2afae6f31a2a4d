"""Loading a catalog folder: `read_catalog` (always fresh) and `load_catalog` (cached per folder
and the files' modification times). Both raise CatalogError listing every problem (validation.py).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from indicators import config
from indicators.catalog.model import FILES, Catalog
from indicators.catalog.validation import build

def _signature(folder: Path) -> tuple:
    """(mtime_ns, size) of each catalog file, so an edited catalog is reloaded."""
    sig = []
    for name in (*FILES, "sub_goals.csv"):
        try:
            stat = (folder / name).stat()
            sig.append((stat.st_mtime_ns, stat.st_size))
        except OSError:
            sig.append(None)
    return tuple(sig)


@lru_cache(maxsize=16)
def _cached(folder: str, signature: tuple) -> Catalog:
    return read_catalog(Path(folder), config.lang())   # a failed read is not cached


def read_catalog(folder: Path, lang: str) -> Catalog:
    """The catalog in `folder`, read and validated now (never cached); raises CatalogError whose
    problems are said in `lang`."""
    return build(Path(folder), lang)


def load_catalog(folder: Path | None = None) -> Catalog:
    """The validated catalog in `folder` (default: config.catalog_dir()), cached per folder path.

    The cache is keyed on the resolved path and the files' modification times, so an edited catalog
    is read again; `load_catalog.cache_clear()` or `read_catalog()` force a fresh read.
    Raises CatalogError listing every problem in the configured language ($INDICATORS_LANG): a
    broken catalog is the operator's to fix, and it is found before any visitor chose a language.
    """
    path = Path(folder or config.catalog_dir()).expanduser().resolve()
    return _cached(str(path), _signature(path))


load_catalog.cache_clear = _cached.cache_clear  # type: ignore[attr-defined]
