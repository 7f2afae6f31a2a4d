"""The store: one DuckDB file in INDICATORS_HOME, the archive of every upload, all read SQL.

Contract: writes (`ingest`, `revert`, `set_demo_hidden`, `rebuild`) take the write lock, change a
copy of the database and replace the file atomically; readers (`connect`) get a read-only
connection that keeps seeing the file it opened. `version()` keys every cache. The public SQL
surface (view `observations`, tables `uploads` and `revisions`) is in `schema`; every read query
is here too: `queries` (what the pages show) and `history` (uploads, staged files, undo). No
module outside store/ and ingest/ holds SQL (a test). Imports the core and `ingest`, never views,
present, web or cli.
"""
from indicators.store.build import DEMO_FILE, SYSTEM_USER, connect, ensure_store, rebuild
from indicators.store.connection import is_snapshot
from indicators.store.history import StagedChanges, Upload, revisions_of_staged, staged_changes, uploads
from indicators.store.location import db_path, version
from indicators.store.reconcile import SETTINGS, demo_hidden
from indicators.store.saving import IngestOutcome, display_name
from indicators.store.writes import ingest, revert, set_demo_hidden

__all__ = ["DEMO_FILE", "SETTINGS", "SYSTEM_USER", "IngestOutcome", "StagedChanges", "Upload", "connect", "db_path",
           "demo_hidden", "display_name", "ensure_store", "ingest", "is_snapshot", "rebuild",
           "revert", "revisions_of_staged", "set_demo_hidden", "staged_changes", "uploads", "version"]
