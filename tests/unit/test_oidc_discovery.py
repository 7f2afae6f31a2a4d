"""The OIDC rules read the same secrets files Streamlit reads, and a provider's discovery document
is asked (briefly) before a browser is sent there."""
from __future__ import annotations

import http.server
import json
import threading

import pytest

from indicators.access import oidc as auth_config

SHARED = 'redirect_uri = "http://localhost:8501/oauth2callback"\ncookie_secret = "s"\n'
PROVIDER = 'client_id = "id"\nclient_secret = "secret"\nserver_metadata_url = "{url}"\n'


@pytest.fixture
def provider():
    """A loopback HTTP server answering every GET with the JSON set in `answers[path]`."""
    answers: dict[str, tuple[int, bytes]] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            status, body = answers.get(self.path, (404, b"{}"))
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", answers
    server.shutdown()
    server.server_close()


def test_a_later_secrets_file_replaces_an_earlier_ones_tables_as_streamlit_merges_them(tmp_path):
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    first.write_text("[auth]\n" + SHARED + PROVIDER.format(url="https://one/.well-known"))
    second.write_text("[indicators]\nanalysts = ['a@b.se']\n")
    assert auth_config.oidc_provider([first, second]) == "default"
    assert auth_config.oidc_analysts([first, second]) == {"a@b.se"}
    assert auth_config.oidc_provider([second]) is None
    second.write_text("[auth]\n" + SHARED)     # [auth] replaced whole: no provider keys left
    assert auth_config.oidc_provider([first, second]) is None
    assert auth_config.oidc_provider([tmp_path / "missing.toml", first]) == "default"


@pytest.mark.parametrize("section, provider_name", [
    ("[auth]\n" + SHARED + PROVIDER, "default"),
    ("[auth]\n" + SHARED + "[auth.microsoft]\n" + PROVIDER, "microsoft"),
])
def test_the_metadata_url_is_the_one_of_the_provider_st_login_uses(tmp_path, section, provider_name):
    path = tmp_path / "secrets.toml"
    path.write_text(section.format(url="https://login.example/t/v2.0/.well-known/openid-configuration"))
    assert auth_config.oidc_provider(path) == provider_name
    assert auth_config.metadata_url(path) == "https://login.example/t/v2.0/.well-known/openid-configuration"
    assert auth_config.metadata_url(tmp_path / "none.toml") is None


def test_a_discovery_document_that_answers_is_no_problem(provider):
    url, answers = provider
    answers["/.well-known/openid-configuration"] = (200, json.dumps({
        "issuer": url, "authorization_endpoint": url + "/authorize", "token_endpoint": url + "/token",
    }).encode())
    assert auth_config.discovery_problem(url + "/.well-known/openid-configuration") is None


@pytest.mark.parametrize("status, body, reason", [
    (500, b"{}", "HTTP 500"),
    (200, b"<html>login portal</html>", "JSONDecodeError"),
    (200, b'{"issuer": "x"}', "not an OpenID discovery document"),
])
def test_a_provider_that_answers_wrongly_is_a_problem(provider, status, body, reason):
    url, answers = provider
    answers["/d"] = (status, body)
    assert reason in auth_config.discovery_problem(url + "/d")


def test_a_refused_connection_and_a_bad_address_are_problems_found_at_once(unused_port):
    assert "refused" in auth_config.discovery_problem(f"http://127.0.0.1:{unused_port}/d").lower()
    assert "not an http(s) address" in auth_config.discovery_problem("file:///etc/passwd")
    assert "not an http(s) address" in auth_config.discovery_problem("")


def test_a_provider_that_never_answers_is_a_problem_within_the_timeout():
    import socket
    import time
    with socket.socket() as silent:            # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        started = time.monotonic()
        problem = auth_config.discovery_problem(
            f"http://127.0.0.1:{silent.getsockname()[1]}/d", timeout=0.5)
        assert problem and time.monotonic() - started < 3


@pytest.fixture
def unused_port() -> int:
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
