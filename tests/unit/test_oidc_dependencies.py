"""st.login needs Streamlit's `auth` extra installed, not only Authlib: without httpx the login
route answers HTTP 500 (ModuleNotFoundError) the moment someone presses *Logga in*."""
from __future__ import annotations

import importlib
import importlib.metadata
import re
from pathlib import Path

from packaging.requirements import Requirement

REPO = Path(__file__).resolve().parents[2]


def _auth_extra() -> list[Requirement]:
    found = [Requirement(r) for r in importlib.metadata.requires("streamlit") or []]
    return [r for r in found if r.marker is not None and r.marker.evaluate({"extra": "auth"})
            and not r.marker.evaluate({"extra": ""})]


def _pinned() -> dict[str, str]:
    pins = {}
    for line in (REPO / "requirements.txt").read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)==(\S+)", line.strip())
        if match:
            pins[match[1].lower()] = match[2]
    return pins


def test_every_package_of_streamlits_auth_extra_is_pinned_and_installed():
    extra = _auth_extra()
    assert {r.name.lower() for r in extra} >= {"authlib", "httpx"}
    pins = _pinned()
    for requirement in extra:
        assert requirement.name.lower() in pins, f"{requirement.name} is not pinned"
        installed = importlib.metadata.version(requirement.name)
        assert installed == pins[requirement.name.lower()]
        assert requirement.specifier.contains(installed), (requirement, installed)


def test_the_starlette_oauth_client_that_st_login_uses_imports():
    client = importlib.import_module("authlib.integrations.starlette_client")
    assert hasattr(client, "OAuth")
    importlib.import_module("httpx")
