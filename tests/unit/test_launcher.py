"""`python -m indicators.web` runs `streamlit run app.py` with the upload limit of the settings."""
from indicators import web
from indicators.config import REPO_DIR


def test_the_launcher_runs_app_py_with_the_configured_upload_limit(monkeypatch):
    monkeypatch.setenv("INDICATORS_MAX_UPLOAD_MB", "120")
    argv = web.streamlit_argv(["--server.port", "8600"])
    assert argv[:3] == ["streamlit", "run", str(REPO_DIR / "app.py")]
    assert argv[3:] == ["--server.port", "8600", "--server.maxUploadSize=120"]


def test_an_explicit_upload_limit_on_the_command_line_wins(monkeypatch):
    monkeypatch.setenv("INDICATORS_MAX_UPLOAD_MB", "120")
    argv = web.streamlit_argv(["--server.maxUploadSize=10"])
    assert argv[3:] == ["--server.maxUploadSize=10"]
