"""Which login is used, whether browsing needs it, and who among OIDC users is an analyst."""
from __future__ import annotations

import pytest

from indicators.access import accounts, oidc as auth_config

SHARED = 'redirect_uri = "http://localhost:8501/oauth2callback"\ncookie_secret = "s3cr3t-s3cr3t-s3cr3t-s3cr3t"\n'
PROVIDER = ('client_id = "00000000-aaaa"\nclient_secret = "xyz"\n'
            'server_metadata_url = "https://login.microsoftonline.com/TENANT/v2.0/'
            '.well-known/openid-configuration"\n')


@pytest.fixture
def secrets(tmp_path, monkeypatch):
    monkeypatch.delenv("INDICATORS_ANALYSTS", raising=False)
    path = tmp_path / ".streamlit" / "secrets.toml"
    path.parent.mkdir()

    def write(text: str):
        path.write_text(text, encoding="utf-8")
        return path
    return write


@pytest.mark.parametrize("text, provider", [
    ("[auth]\n" + SHARED + PROVIDER, "default"),
    ("[auth]\n" + SHARED + "\n[auth.microsoft]\n" + PROVIDER, "microsoft"),
    ("[auth]\n" + SHARED + "\n[auth.entra_id]\n" + PROVIDER, None),     # st.login rejects "_"
    ("[auth]\n" + SHARED, None),                                        # no provider keys
    ("[auth]\n" + PROVIDER, None),                                      # no redirect/cookie secret
    ("[auth]\n" + SHARED.replace("s3cr3t-s3cr3t-s3cr3t-s3cr3t", "") + PROVIDER, None),
    ("[auth]\n" + SHARED + "\n[auth.microsoft]\n" + PROVIDER.replace('client_secret = "xyz"\n', ""),
     None),
    ("[other]\nx = 1\n", None),
    ("not toml at all [[", None),
])
def test_oidc_is_detected_only_when_every_key_st_login_needs_is_present(secrets, text, provider):
    path = secrets(text)
    assert auth_config.oidc_provider(path) == provider
    assert auth_config.oidc_configured(path) is (provider is not None)


def test_a_missing_secrets_file_means_no_oidc(tmp_path):
    assert not auth_config.oidc_configured(tmp_path / "absent.toml")


def test_the_login_method_is_oidc_then_local_accounts_then_none(secrets, tmp_path):
    no_oidc = secrets("[auth]\n" + SHARED)
    file = tmp_path / "accounts.toml"
    assert auth_config.login_method(no_oidc, file) == "none"
    accounts.add_user(file, "anna", "Anna", "viewer", "ett långt lösenord")
    assert auth_config.login_method(no_oidc, file) == "local"
    oidc = secrets("[auth]\n" + SHARED + PROVIDER)
    assert auth_config.login_method(oidc, file) == "oidc"


@pytest.mark.parametrize("value, required", [
    (None, False), ("", False), ("0", False), ("false", False), ("nej", False),
    ("1", True), ("true", True), ("JA", True), (" yes ", True), ("on", True),
])
def test_browsing_is_open_unless_indicators_require_login_is_true(monkeypatch, value, required):
    if value is None:
        monkeypatch.delenv("INDICATORS_REQUIRE_LOGIN", raising=False)
    else:
        monkeypatch.setenv("INDICATORS_REQUIRE_LOGIN", value)
    assert auth_config.browsing_requires_login() is required


def test_analysts_come_from_the_environment_and_the_secrets_file_case_insensitively(
        secrets, monkeypatch):
    path = secrets('[indicators]\nanalysts = ["Anna.Andersson@Eskilstuna.se", " bo@polisen.se "]\n')
    monkeypatch.setenv("INDICATORS_ANALYSTS", "cecilia@eskilstuna.se, ,DAVID@eskilstuna.se")
    assert auth_config.oidc_analysts(path) == {
        "anna.andersson@eskilstuna.se", "bo@polisen.se", "cecilia@eskilstuna.se",
        "david@eskilstuna.se"}


@pytest.mark.parametrize("claims, role", [
    ({"email": "anna.andersson@eskilstuna.se", "name": "Anna"}, "analyst"),
    ({"preferred_username": "ANNA.ANDERSSON@eskilstuna.se"}, "analyst"),    # Entra UPN, no email
    ({"email": "eva@eskilstuna.se"}, "viewer"),
    ({"email": "anna.andersson@eskilstuna.se.evil.example"}, "viewer"),
    ({"email": "anna.andersson@eskilstuna.se", "email_verified": False}, "viewer"),
    ({}, "viewer"),
])
def test_an_oidc_user_is_an_analyst_only_when_listed(secrets, claims, role):
    path = secrets('[indicators]\nanalysts = ["anna.andersson@eskilstuna.se"]\n')
    assert auth_config.oidc_role(claims, path) == role


def test_with_no_analyst_list_every_oidc_user_is_a_viewer(secrets):
    path = secrets("[auth]\n" + SHARED + PROVIDER)
    assert auth_config.oidc_role({"email": "anna@eskilstuna.se"}, path) == "viewer"


def test_the_recorded_name_of_an_oidc_user_carries_name_and_address():
    assert auth_config.oidc_display_name(
        {"name": "Anna Andersson", "preferred_username": "Anna@Eskilstuna.se"}) \
        == "Anna Andersson (anna@eskilstuna.se)"
    assert auth_config.oidc_display_name({"email": "bo@polisen.se"}) == "bo@polisen.se"
