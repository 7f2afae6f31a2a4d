"""Where the store is: its folder (INDICATORS_HOME), its DuckDB file and the file's version."""
from __future__ import annotations

from pathlib import Path

from indicators import config
from indicators.store.atomic import DB_NAME


def home_of(home: Path | None) -> Path:
    """`home`, or $INDICATORS_HOME (config.home()) when None."""
    return Path(home) if home is not None else config.home()


def db_path(home: Path | None = None) -> Path:
    """The live DuckDB file of the store in `home`."""
    return home_of(home) / DB_NAME


def version(home: Path | None = None) -> tuple[int, int]:
    """(inode, mtime_ns) of the live file: changes with every write, so it keys caches.
    Raises FileNotFoundError when there is no store yet."""
    stat = db_path(home).stat()
    return stat.st_ino, stat.st_mtime_ns
