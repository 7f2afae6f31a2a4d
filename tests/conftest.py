"""Shared fixtures: every test gets its own INDICATORS_HOME; a store built once is copied per test."""
from __future__ import annotations

import shutil

import pytest

from indicators import store


@pytest.fixture(scope="session")
def built_store(tmp_path_factory):
    """A store built from the shipped catalog, reference and demo data (built once per run)."""
    home = tmp_path_factory.mktemp("built-store")
    store.ensure_store(home)
    return home


@pytest.fixture
def home(built_store, tmp_path, monkeypatch):
    """A private copy of the built store, set as INDICATORS_HOME."""
    target = tmp_path / "home"
    shutil.copytree(built_store, target)
    monkeypatch.setenv("INDICATORS_HOME", str(target))
    return target
