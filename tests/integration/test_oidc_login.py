"""A full OpenID Connect round trip, as with Microsoft Entra ID: a real Streamlit server whose
secrets.toml names a provider on loopback (tests/integration/oidc_provider.py), Debian's chromium
presses *Logga in*, the provider approves the test user, Streamlit exchanges the code (PKCE, client
secret, RS256 id_token checked against the JWKS) and the sidebar shows the user's name and the
analyst role from INDICATORS_ANALYSTS. Then logout, and a provider that has gone away: a Swedish
message on the page the visitor was reading, not Streamlit's bare error page."""
from __future__ import annotations

import re

import secrets

import pytest

from tests.browser.conftest import _free_port, open_page, start_server, stop_server
from tests.integration.oidc_provider import OIDCProvider

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CLIENT_ID, CLIENT_SECRET = "eskilstuna-trygghet", secrets.token_urlsafe(16)


def secrets_toml(port: int, provider: OIDCProvider) -> str:
    return (
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_urlsafe(32)}"\n\n'
        "[auth.entra]\n"
        f'client_id = "{CLIENT_ID}"\nclient_secret = "{CLIENT_SECRET}"\n'
        f'server_metadata_url = "{provider.metadata_url}"\n')


@pytest.fixture
def provider():
    port = _free_port()
    with OIDCProvider(CLIENT_ID, CLIENT_SECRET, (f"http://127.0.0.1:{port}/oauth2callback",)) as idp:
        idp.app_port = port
        yield idp


@pytest.fixture
def oidc_app(server_home, provider, tmp_path):
    """The dashboard with OIDC configured through a secrets file outside the checkout (Streamlit's
    secrets.files, as a server keeps it in /etc/indicators/)."""
    path = tmp_path / "secrets.toml"
    path.write_text(secrets_toml(provider.app_port, provider), encoding="utf-8")
    path.chmod(0o600)
    process, url, log = start_server(server_home, port=provider.app_port, extra_env={
        "STREAMLIT_SECRETS_FILES": str(path),
        "INDICATORS_ANALYSTS": "bo.berg@polisen.example, ANNA.ANDERSSON@eskilstuna.example",
    })
    try:
        yield url, log
    finally:
        stop_server(process)


def test_an_entra_user_logs_in_through_the_provider_is_an_analyst_and_logs_out(
        oidc_app, provider, browser):
    url, log = oidc_app
    with open_page(browser) as page:
        page.goto(url)
        sidebar = page.get_by_test_id("stSidebar")
        sidebar.get_by_text("Språk").wait_for()
        assert sidebar.get_by_label("Lösenord").count() == 0          # no password form under OIDC
        sidebar.get_by_role("button", name="Logga in").click()

        # web.plain() puts an invisible word joiner into an address so it makes no link
        sidebar.get_by_text(re.compile(r"Anna Andersson \(anna\.andersson\u2060?@eskilstuna\.example\)")).wait_for()
        assert "analytiker" in sidebar.inner_text()
        paths = [path for path, _ in provider.requests]
        assert paths.count("/authorize") == 1 and paths.count("/token") == 1 and "/jwks" in paths
        authorize = dict(provider.requests)["/authorize"]
        assert {"code_challenge", "nonce", "state"} <= set(authorize)   # PKCE and replay guards
        assert "code_verifier" in dict(provider.requests)["/token"]
        assert any(c["name"] == "_streamlit_user" and c["httpOnly"] for c in page.context.cookies())

        sidebar.get_by_role("button", name="Logga ut").click()
        sidebar.get_by_role("button", name="Logga in").wait_for()
        assert "Anna Andersson" not in sidebar.inner_text()

        provider.stop()                                                # the provider goes away
        sidebar.get_by_role("button", name="Logga in").click()
        sidebar.get_by_text("Inloggningstjänsten svarar inte just nu").wait_for()
        assert page.url.startswith(url)                                # still on the dashboard
        page.get_by_role("heading", name="Trygghetsindikatorer", exact=False).first.wait_for()
    assert "Traceback" not in log.read_text(errors="replace")
