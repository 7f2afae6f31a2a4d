"""The files a server runs (deploy/): the nginx site file as a server renders it passes `nginx -t`
(plain and with TLS), a failed OIDC redirect gets a bilingual page with a way back, the systemd
units parse, and the nightly backup is consistent with the store's writers and keeps the newest."""
from __future__ import annotations

import configparser
import datetime
import fcntl
import http.server
import shutil
import subprocess
import sys
import tarfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import duckdb
import pytest

from tests.browser.conftest import REPO, _free_port, _missing

DEPLOY = REPO / "deploy"
sys.path.insert(0, str(DEPLOY))
import serve_replicas  # noqa: E402

sys.path.remove(str(DEPLOY))


@pytest.fixture
def nginx() -> str:
    found = serve_replicas.nginx_binary()
    if found is None:
        _missing("nginx not found (apt-get install nginx)")
    return found


def nginx_test(nginx: str, tmp_path: Path, site_text: str) -> subprocess.CompletedProcess:
    site = tmp_path / "site.conf"
    site.write_text(site_text, encoding="utf-8")
    conf = tmp_path / "nginx.conf"
    conf.write_text(serve_replicas.render_main(tmp_path, site, tmp_path / "tmp"), encoding="utf-8")
    (tmp_path / "tmp").mkdir(exist_ok=True)
    return subprocess.run([nginx, "-t", "-p", str(tmp_path), "-c", str(conf), "-e",
                           str(tmp_path / "error.log")], capture_output=True, text=True)


def self_signed(tmp_path: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "trygghet.example.se")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now).not_valid_after(now + datetime.timedelta(days=1))
            .sign(key, hashes.SHA256()))
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@pytest.mark.parametrize("base, tls", [("/trygghet/", False), ("/", False), ("trygghet", True)])
def test_the_site_file_a_server_renders_passes_nginx_t(nginx, tmp_path, base, tls):
    cert, key = self_signed(tmp_path) if tls else (None, None)
    text = serve_replicas.render_site(
        [8501, 8502, 8503], base=base, listen=str(_free_port()), server_name="trygghet.example.se",
        access_log=str(tmp_path / "access.log"), tls_cert=cert and str(cert),
        tls_key=key and str(key))
    assert text.count("server 127.0.0.1:85") == 3
    assert "location /trygghet/_stcore/stream" in text or base == "/"
    checked = nginx_test(nginx, tmp_path, text)
    assert checked.returncode == 0, checked.stderr


def test_print_nginx_prints_the_same_template_for_a_server():
    done = subprocess.run([sys.executable, str(DEPLOY / "serve_replicas.py"), "--print-nginx",
                           "--base", "/trygghet/", "--app-ports", "8501,8502"],
                          capture_output=True, text=True, check=True)
    assert done.stdout == serve_replicas.render_site([8501, 8502], base="/trygghet/", listen="80")
    assert "hash $indicators_replica_key consistent;" in done.stdout
    assert "{{" not in done.stdout.replace("{{…}}", "")


@pytest.fixture
def failing_login_upstream():
    """Stands in for a dashboard process whose identity provider just went away: /auth/login
    answers Streamlit's bare 400 "Authentication error"; every other path answers 200."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            failing = self.path.startswith("/trygghet/auth/login")
            body = b"Authentication error" if failing else b"dashboard"
            self.send_response(400 if failing else 200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_port
    server.shutdown()
    server.server_close()


def test_a_failed_login_redirect_gets_a_bilingual_page_with_a_way_back(
        nginx, tmp_path, failing_login_upstream):
    port = _free_port()
    site = tmp_path / "site.conf"
    site.write_text(serve_replicas.render_site([failing_login_upstream], base="/trygghet/",
                                               listen=f"127.0.0.1:{port}",
                                               access_log=str(tmp_path / "access.log")))
    conf = tmp_path / "nginx.conf"
    conf.write_text(serve_replicas.render_main(tmp_path, site, tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    (tmp_path / "tmp").chmod(0o755)
    process = subprocess.Popen([nginx, "-p", str(tmp_path), "-c", str(conf), "-e",
                                str(tmp_path / "error.log")], stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/trygghet/", timeout=2) as ok:
                    assert ok.read() == b"dashboard"
                    assert "indicators_replica=" in ok.headers["Set-Cookie"]
                break
            except urllib.error.URLError:
                assert time.monotonic() < deadline and process.poll() is None
                time.sleep(0.2)
        with pytest.raises(urllib.error.HTTPError) as failed:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/trygghet/auth/login?provider=x",
                                   timeout=5)
        page = failed.value.read().decode("utf-8")
        assert failed.value.code == 503
        assert failed.value.headers["Content-Type"].startswith("text/html")
        assert "Inloggningen fungerar inte just nu" in page and "The login service" in page
        assert '<a href="/trygghet/">Tillbaka till instrumentpanelen</a>' in page
        assert "Authentication error" not in page
    finally:
        process.terminate()
        process.wait(timeout=10)


def unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=False)   # Environment= repeats
    parser.optionxform = str
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser


def test_the_systemd_units_start_the_dashboard_per_port_and_the_nightly_backup(tmp_path):
    app = unit(DEPLOY / "systemd" / "indicators@.service")
    start = app["Service"]["ExecStart"]
    assert "-m indicators.web" in start and "--server.port %i" in start
    assert "--server.address 127.0.0.1" in start            # only nginx reaches the processes
    assert app["Service"]["EnvironmentFile"] == "/etc/indicators/indicators.env"
    backup = unit(DEPLOY / "systemd" / "indicators-backup.service")
    assert backup["Service"]["Type"] == "oneshot"
    assert backup["Service"]["ExecStart"].startswith("/opt/indicators/deploy/backup.sh ")
    timer = unit(DEPLOY / "systemd" / "indicators-backup.timer")
    assert timer["Timer"]["OnCalendar"] and timer["Timer"]["Persistent"] == "true"
    env = (DEPLOY / "indicators.env.example").read_text(encoding="utf-8")
    assert "INDICATORS_HOME=/var/lib/indicators" in env
    if shutil.which("systemd-analyze"):      # syntax; the paths exist only on a server
        instance = tmp_path / "indicators@8501.service"
        shutil.copy(DEPLOY / "systemd" / "indicators@.service", instance)
        checked = subprocess.run(
            ["systemd-analyze", "verify", str(instance),
             str(DEPLOY / "systemd" / "indicators-backup.service"),
             str(DEPLOY / "systemd" / "indicators-backup.timer")],
            capture_output=True, text=True)
        problems = [line for line in (checked.stdout + checked.stderr).splitlines()
                    if line.strip() and "is not executable: No such file" not in line]
        assert not problems, problems


def run_backup(home: Path, dest: Path, keep: int = 14) -> subprocess.CompletedProcess:
    return subprocess.run(["sh", str(DEPLOY / "backup.sh"), str(home), str(dest), str(keep)],
                          capture_output=True, text=True, timeout=60)


def test_the_backup_is_a_store_that_opens_and_only_the_newest_are_kept(home, tmp_path):
    dest = tmp_path / "backups"
    for _ in range(3):
        done = run_backup(home, dest, keep=2)
        assert done.returncode == 0, done.stderr
    kept = sorted(dest.glob("indicators-*.tar.gz"))
    assert len(kept) == 2 and not list(dest.glob(".*partial"))
    restored = tmp_path / "restored"
    with tarfile.open(kept[-1]) as archive:
        archive.extractall(restored, filter="data")
    assert (restored / "archive").is_dir() and not (restored / "write.lock").exists()
    original = duckdb.connect(str(home / "indicators.duckdb"), read_only=True)
    copy = duckdb.connect(str(restored / "indicators.duckdb"), read_only=True)
    query = "SELECT count(*), max(upload_id) FROM uploads"
    assert copy.execute(query).fetchall() == original.execute(query).fetchall()
    original.close()
    copy.close()


def test_the_backup_waits_for_a_write_in_progress(home, tmp_path):
    with open(home / "write.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)              # as store.write_lock holds it
        backup = subprocess.Popen(["sh", str(DEPLOY / "backup.sh"), str(home),
                                   str(tmp_path / "b")], stdout=subprocess.PIPE, text=True)
        time.sleep(1.0)
        assert backup.poll() is None and not list((tmp_path / "b").glob("indicators-*"))
        fcntl.flock(lock, fcntl.LOCK_UN)
    assert backup.wait(timeout=60) == 0
    assert len(list((tmp_path / "b").glob("indicators-*.tar.gz"))) == 1


def test_a_folder_without_a_store_is_refused(tmp_path):
    done = run_backup(tmp_path, tmp_path / "b")
    assert done.returncode == 1 and "no store" in done.stderr
