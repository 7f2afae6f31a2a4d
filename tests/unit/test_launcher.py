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


def test_a_leftover_pages_folder_beside_app_py_is_warned_about(tmp_path):
    from indicators.web.launcher import leftover_pages_warning
    assert leftover_pages_warning(tmp_path) is None
    (tmp_path / "pages" / "__pycache__").mkdir(parents=True)   # what git leaves after the move
    assert "app_pages" in leftover_pages_warning(tmp_path)


def test_the_repository_has_no_pages_folder_beside_app_py():
    assert not (REPO_DIR / "pages").exists()
