"""Exports: every file the product writes for a user (CSV in the Swedish Excel dialect, XLSX)."""
