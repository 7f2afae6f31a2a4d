"""Integration tests: the dashboard as it is deployed — real Streamlit servers, Debian's nginx in
front of them, an OpenID Connect provider on loopback — driven through Debian's chromium.

They reuse the browser tests' server and chromium helpers (tests/browser/conftest.py). Like the
browser tests, a missing chromium or nginx skips them locally and fails them in CI.
"""
from __future__ import annotations

from tests.browser.conftest import browser, server_home  # noqa: F401  (fixtures, shared)
