"""The sidebar's OIDC login: an unreachable identity provider gives a message in the visitor's
language and leaves them on the page (no st.login redirect to Streamlit's bare error page)."""
from __future__ import annotations

import socket

import pytest
from streamlit.testing.v1 import AppTest

SCRIPT = """
import streamlit as st
from indicators import web
with st.sidebar:
    web.login_box()
st.write("the page the visitor was reading")
"""


@pytest.fixture
def unreachable_provider(home, tmp_path, monkeypatch):
    from indicators.access import oidc as auth_config
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]           # closed again: connections are refused
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(
        '[auth]\nredirect_uri = "http://localhost:8501/oauth2callback"\ncookie_secret = "c"\n'
        'client_id = "id"\nclient_secret = "secret"\n'
        f'server_metadata_url = "http://127.0.0.1:{port}/.well-known/openid-configuration"\n',
        encoding="utf-8")
    monkeypatch.setattr(auth_config, "default_secrets_path", lambda: secrets)


@pytest.mark.parametrize("lang, button, message", [
    ("sv", "Logga in", "Inloggningstjänsten svarar inte just nu"),
    ("en", "Log in", "The login service is not answering right now"),
])
def test_an_unreachable_provider_is_said_in_the_visitors_language_and_the_page_stays(
        unreachable_provider, lang, button, message):
    at = AppTest.from_string(SCRIPT, default_timeout=60)
    at.session_state["lang"] = lang
    at.run()
    [login] = at.sidebar.button
    assert login.label == button
    at = login.click().run()
    assert not at.exception
    assert [e.value for e in at.sidebar.error][0].startswith(message)
    assert "the page the visitor was reading" in [m.value for m in at.markdown]
    assert [b.label for b in at.sidebar.button] == [button]      # the way back: try again later
