"""How people log in, read from the environment and `.streamlit/secrets.toml`. No Streamlit here.

- OpenID Connect (Streamlit's `st.login`, e.g. Microsoft Entra ID) is used when secrets.toml has a
  complete `[auth]` section: `redirect_uri` and `cookie_secret`, plus `client_id`, `client_secret`
  and `server_metadata_url` either directly in `[auth]` (the default provider) or in one
  `[auth.<name>]` table (a named provider). These are the keys `st.login` itself requires.
- Otherwise the local account file of `accounts.py` is used.
- Browsing is open unless `$INDICATORS_REQUIRE_LOGIN` is set to a true value.
- An OIDC user is an analyst when their e-mail or user principal name is listed in
  `$INDICATORS_ANALYSTS` (comma-separated) or in `[indicators] analysts = [...]` in secrets.toml;
  every other OIDC user is a viewer.
- Every function takes `secrets_path`: one file, or the list Streamlit reads (its `secrets.files`
  option, merged as Streamlit merges them), or None for the checkout's `.streamlit/secrets.toml`.
- `discovery_problem` asks the provider's discovery document, with a short timeout, before the
  browser is sent there: an unreachable provider then gets a message in the user's language
  instead of Streamlit's bare "Authentication error" page.
"""
from __future__ import annotations

import json
import tomllib
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from pathlib import Path

from indicators.access import accounts
from indicators import config

SHARED_KEYS = ("redirect_uri", "cookie_secret")
PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")
# Claims that name an OIDC user, in the order they are tried. Entra ID puts the user principal
# name in `preferred_username`; `email` is only present when the user has a mail address.
IDENTITY_CLAIMS = ("email", "preferred_username", "upn")
DISCOVERY_TIMEOUT_S = 3.0   # a login click waits at most this long before hearing "not reachable"

SecretsPath = Path | str | Sequence[Path | str] | None


def default_secrets_path() -> Path:
    """`.streamlit/secrets.toml` in the checkout, where `streamlit run app.py` finds it."""
    return config.REPO_DIR / ".streamlit" / "secrets.toml"


def _secrets(secrets_path: SecretsPath) -> dict:
    """The parsed secrets: one file, or several merged as Streamlit merges its `secrets.files` (a
    later file's top-level tables replace an earlier one's). A file that is missing or not valid
    TOML counts as empty (then nothing is on); a directory entry (Kubernetes-style secrets) is
    not read here."""
    if secrets_path is None:
        paths = [default_secrets_path()]
    elif isinstance(secrets_path, (str, Path)):
        paths = [secrets_path]
    else:
        paths = list(secrets_path)
    merged: dict = {}
    for path in paths:
        try:
            with Path(path).open("rb") as handle:
                merged.update(tomllib.load(handle))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            continue
    return merged


def _filled(table: Mapping, keys: tuple[str, ...]) -> bool:
    return all(isinstance(table.get(k), str) and table.get(k).strip() for k in keys)


def oidc_provider(secrets_path: SecretsPath = None) -> str | None:
    """The provider name to pass to `st.login`: "default" when the provider's keys sit directly in
    `[auth]`, else the first complete `[auth.<name>]` table; None when OIDC is not configured.

    Names with an underscore are skipped because `st.login` rejects them.
    """
    auth = _secrets(secrets_path).get("auth")
    if not isinstance(auth, Mapping) or not _filled(auth, SHARED_KEYS):
        return None
    if _filled(auth, PROVIDER_KEYS):
        return "default"
    for name, table in auth.items():
        if isinstance(table, Mapping) and "_" not in name and _filled(table, PROVIDER_KEYS):
            return name
    return None


def oidc_configured(secrets_path: SecretsPath = None) -> bool:
    """True when secrets.toml holds everything `st.login` needs for at least one provider."""
    return oidc_provider(secrets_path) is not None


def login_method(secrets_path: SecretsPath = None, accounts_path: Path | None = None) -> str:
    """"oidc" when OIDC is configured; else "local" when the account file has at least one
    account; else "none" (nobody can log in: say how to create an account, offer no uploader)."""
    if oidc_configured(secrets_path):
        return "oidc"
    return "local" if accounts.list_users(accounts_path) else "none"


def browsing_requires_login() -> bool:
    """`$INDICATORS_REQUIRE_LOGIN` is 1/true/yes/on/ja; by default browsing is open."""
    return config.require_login()


def oidc_analysts(secrets_path: SecretsPath = None) -> frozenset[str]:
    """Lowercased identities (e-mail or UPN) of the OIDC users who are analysts."""
    names = set(config.analysts())
    section = _secrets(secrets_path).get("indicators")
    listed = section.get("analysts") if isinstance(section, Mapping) else None
    if isinstance(listed, str):
        listed = listed.split(",")
    if isinstance(listed, list):
        names.update(x for x in listed if isinstance(x, str))
    return frozenset(n.strip().lower() for n in names if n.strip())


def oidc_identities(claims: Mapping) -> tuple[str, ...]:
    """The lowercased e-mail / UPN claims of a logged-in OIDC user (e.g. `st.user.to_dict()`)."""
    found = []
    for claim in IDENTITY_CLAIMS:
        value = claims.get(claim)
        if isinstance(value, str) and value.strip():
            found.append(value.strip().lower())
    return tuple(dict.fromkeys(found))


def oidc_role(claims: Mapping, secrets_path: SecretsPath = None) -> str:
    """"analyst" when one of the user's identities is on the analyst list, else "viewer".

    An `email_verified` claim that is present and false keeps the user a viewer.
    """
    if claims.get("email_verified") is False:
        return "viewer"
    analysts = oidc_analysts(secrets_path)
    return "analyst" if any(i in analysts for i in oidc_identities(claims)) else "viewer"


def oidc_display_name(claims: Mapping) -> str:
    """The name to record on an upload: "Name (email)", or whichever of the two is known."""
    name = claims.get("name") if isinstance(claims.get("name"), str) else ""
    ident = next(iter(oidc_identities(claims)), "")
    if name and ident:
        return f"{name.strip()} ({ident})"
    return name.strip() or ident or "?"


def metadata_url(secrets_path: SecretsPath = None) -> str | None:
    """The `server_metadata_url` (discovery document) of the provider `st.login` would use."""
    provider = oidc_provider(secrets_path)
    if provider is None:
        return None
    auth = _secrets(secrets_path)["auth"]
    table = auth if provider == "default" else auth[provider]
    return table["server_metadata_url"].strip()


def discovery_problem(url: str, timeout: float = DISCOVERY_TIMEOUT_S) -> str | None:
    """None when `url` answers within `timeout` seconds with an OpenID discovery document (JSON
    naming an authorization and a token endpoint); else a short reason for the server log (never
    shown to users: it may name internal hosts)."""
    if not url.lower().startswith(("https://", "http://")):
        return f"{url} is not an http(s) address"
    try:
        request = urllib.request.Request(url, headers={"Accept": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            document = json.loads(answer.read(1_000_000))
    except urllib.error.HTTPError as error:
        return f"HTTP {error.code} from {url}"
    except (OSError, ValueError) as error:      # refused, timed out, DNS, TLS, not JSON
        return f"{type(error).__name__} from {url}: {error}"
    if not isinstance(document, Mapping) or not all(
            isinstance(document.get(k), str) for k in ("authorization_endpoint", "token_endpoint")):
        return f"{url} is not an OpenID discovery document"
    return None
