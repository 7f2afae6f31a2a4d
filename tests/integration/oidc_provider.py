"""A small OpenID Connect identity provider for tests, on loopback: what Microsoft Entra ID does for
st.login, minus the login screen.

- `GET /.well-known/openid-configuration`: the discovery document (issuer, endpoints, RS256, PKCE S256);
- `GET /jwks`: the public signing key (RSA 2048, made at start, `kid` set);
- `GET /authorize`: checks client id, redirect URI, response type, scope `openid`, PKCE; approves the
  one test user at once and redirects back with `code` and `state`;
- `POST /token`: checks the client secret (Basic or in the form), the code (once, ≤ 60 s), the
  redirect URI and the PKCE verifier; answers an access token and an `id_token` signed RS256 with
  `iss`, `aud`, `sub`, `exp`, `iat`, `nonce`, `name`, `email`, `preferred_username`;
- `GET /userinfo`: the user's claims for the access token.

JOSE (keys, signing) is joserfc, the library Authlib itself uses. Every request is recorded in
`provider.requests` (path and query keys) so a test can see the round trip happened.

Run by hand: `python -m tests.integration.oidc_provider --port 9000 --redirect-uri URL`.
"""
from __future__ import annotations

import base64
import hashlib
import http.server
import json
import secrets
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

from joserfc import jwt
from joserfc.jwk import RSAKey


@dataclass
class TestUser:
    sub: str = "00000000-aaaa-4bbb-8ccc-000000000001"
    name: str = "Anna Andersson"
    email: str = "anna.andersson@eskilstuna.example"
    email_verified: bool = True

    def claims(self) -> dict:
        return {"sub": self.sub, "name": self.name, "email": self.email,
                "preferred_username": self.email, "email_verified": self.email_verified}


@dataclass
class OIDCProvider:
    client_id: str
    client_secret: str
    redirect_uris: tuple[str, ...]
    user: TestUser = field(default_factory=TestUser)
    host: str = "127.0.0.1"
    port: int = 0
    requests: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._key = RSAKey.generate_key(2048, parameters={"kid": secrets.token_hex(8),
                                                          "use": "sig", "alg": "RS256"})
        self._codes: dict[str, dict] = {}
        self._tokens: dict[str, dict] = {}
        self._lock = threading.Lock()
        self._server: http.server.ThreadingHTTPServer | None = None

    # --- life cycle ------------------------------------------------------------------------------
    def start(self) -> "OIDCProvider":
        self._server = http.server.ThreadingHTTPServer((self.host, self.port), _handler(self))
        self._server.daemon_threads = True
        self.port = self._server.server_port
        threading.Thread(target=self._server.serve_forever, name="oidc-provider", daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> "OIDCProvider":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def issuer(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def metadata_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    # --- the endpoints -------------------------------------------------------------------------
    def discovery(self) -> dict:
        base = self.issuer
        return {
            "issuer": base, "authorization_endpoint": f"{base}/authorize",
            "token_endpoint": f"{base}/token", "jwks_uri": f"{base}/jwks",
            "userinfo_endpoint": f"{base}/userinfo",
            "response_types_supported": ["code"], "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": ["openid", "email", "profile"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "code_challenge_methods_supported": ["S256"],
            "claims_supported": ["sub", "name", "email", "preferred_username", "email_verified"],
        }

    def jwks(self) -> dict:
        return {"keys": [self._key.as_dict(private=False)]}

    def authorize(self, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        """Approves the test user at once: 302 back to the client with a code and the state."""
        problem = None
        if query.get("client_id") != self.client_id:
            problem = "unknown client_id"
        elif query.get("redirect_uri") not in self.redirect_uris:
            problem = "redirect_uri not registered"
        elif query.get("response_type") != "code":
            problem = "response_type must be code"
        elif "openid" not in query.get("scope", "").split():
            problem = "scope must include openid"
        elif query.get("code_challenge") and query.get("code_challenge_method") != "S256":
            problem = "only S256 PKCE"
        if problem:        # never redirect to an unchecked URI: answer here
            return 400, {"Content-Type": "text/plain"}, problem.encode()
        code = secrets.token_urlsafe(24)
        with self._lock:
            self._codes[code] = {"redirect_uri": query["redirect_uri"], "nonce": query.get("nonce"),
                                 "challenge": query.get("code_challenge"), "at": time.time()}
        answer = {"code": code}
        if "state" in query:
            answer["state"] = query["state"]
        location = query["redirect_uri"] + ("&" if "?" in query["redirect_uri"] else "?") \
            + urllib.parse.urlencode(answer)
        return 302, {"Location": location}, b""

    def token(self, form: dict[str, str], authorization: str | None) -> tuple[int, dict]:
        client_id, client_secret = form.get("client_id"), form.get("client_secret")
        if authorization and authorization.startswith("Basic "):
            decoded = base64.b64decode(authorization[6:]).decode()
            client_id, _, client_secret = (urllib.parse.unquote_plus(p) for p in decoded.partition(":"))
        if client_id != self.client_id or client_secret != self.client_secret:
            return 401, {"error": "invalid_client"}
        if form.get("grant_type") != "authorization_code":
            return 400, {"error": "unsupported_grant_type"}
        with self._lock:
            grant = self._codes.pop(form.get("code", ""), None)   # a code is good once
        if grant is None or time.time() - grant["at"] > 60:
            return 400, {"error": "invalid_grant"}
        if form.get("redirect_uri") != grant["redirect_uri"]:
            return 400, {"error": "invalid_grant", "error_description": "redirect_uri differs"}
        if grant["challenge"]:
            verifier = form.get("code_verifier", "").encode()
            computed = base64.urlsafe_b64encode(hashlib.sha256(verifier).digest()).rstrip(b"=").decode()
            if computed != grant["challenge"]:
                return 400, {"error": "invalid_grant", "error_description": "PKCE verifier"}
        now = int(time.time())
        claims = {"iss": self.issuer, "aud": self.client_id, "iat": now, "exp": now + 300,
                  **self.user.claims()}
        if grant["nonce"]:
            claims["nonce"] = grant["nonce"]
        id_token = jwt.encode({"alg": "RS256", "kid": self._key.kid}, claims, self._key)
        access_token = secrets.token_urlsafe(24)
        with self._lock:
            self._tokens[access_token] = self.user.claims()
        return 200, {"access_token": access_token, "token_type": "Bearer", "expires_in": 300,
                     "id_token": id_token, "scope": "openid email profile"}

    def userinfo(self, authorization: str | None) -> tuple[int, dict]:
        token = (authorization or "").removeprefix("Bearer ").strip()
        with self._lock:
            claims = self._tokens.get(token)
        return (200, claims) if claims else (401, {"error": "invalid_token"})


def _handler(provider: OIDCProvider) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def _json(self, status: int, document: dict) -> None:
            self._send(status, json.dumps(document).encode(), {"Content-Type": "application/json"})

        def do_GET(self) -> None:
            url = urllib.parse.urlsplit(self.path)
            query = dict(urllib.parse.parse_qsl(url.query))
            provider.requests.append((url.path, tuple(sorted(query))))
            if url.path == "/.well-known/openid-configuration":
                self._json(200, provider.discovery())
            elif url.path == "/jwks":
                self._json(200, provider.jwks())
            elif url.path == "/authorize":
                self._send_authorize(query)
            elif url.path == "/userinfo":
                self._json(*provider.userinfo(self.headers.get("Authorization")))
            else:
                self._json(404, {"error": "not_found"})

        def _send_authorize(self, query: dict[str, str]) -> None:
            status, headers, body = provider.authorize(query)
            self._send(status, body, headers)

        def do_POST(self) -> None:
            url = urllib.parse.urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
            provider.requests.append((url.path, tuple(sorted(form))))
            if url.path == "/token":
                self._json(*provider.token(form, self.headers.get("Authorization")))
            else:
                self._json(404, {"error": "not_found"})

        def log_message(self, *args) -> None:
            pass

    return Handler


def main() -> None:
    import argparse
    parser = argparse.ArgumentParser(description="A test OpenID Connect provider on loopback.")
    parser.add_argument("--port", type=int, default=9000)
    parser.add_argument("--client-id", default="indicators")
    parser.add_argument("--client-secret", default="test-secret")
    parser.add_argument("--redirect-uri", action="append", required=True)
    args = parser.parse_args()
    provider = OIDCProvider(args.client_id, args.client_secret, tuple(args.redirect_uri),
                            port=args.port).start()
    print(f"server_metadata_url = \"{provider.metadata_url}\"  (Ctrl-C stops)", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        provider.stop()


if __name__ == "__main__":
    main()
