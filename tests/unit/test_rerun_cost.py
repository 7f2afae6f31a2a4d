"""What a rerun does not pay for (issue 12: a meeting's worth of viewers at once): cached figures are
not re-validated on their way out of st.cache_data, and the server does not watch source files."""
from __future__ import annotations

import json
import pickle
import subprocess
import sys

import plotly.graph_objects as go
import plotly.io as pio

from indicators.config import REPO_DIR


def _figure() -> go.Figure:
    figure = go.Figure(go.Scatter(x=[2019, 2020, 2021], y=[3, None, 5], name="Årby",
                                  hovertext=["3", "–", "5"]))
    figure.update_layout(title="Skjutningar", separators=", ", template="plotly_white")
    return figure


def test_a_cached_figure_comes_back_identical_without_validation():
    import indicators.web.data  # noqa: F401 - registers how figures are copied

    figure = _figure()
    copy = pickle.loads(pickle.dumps(figure))
    assert json.loads(pio.to_json(copy, validate=False)) == json.loads(pio.to_json(figure, validate=False))
    assert copy is not figure and copy.data[0] is not figure.data[0]   # a copy per session
    assert copy._validate is False          # plotly's own unpickling validates the whole figure


def test_plotly_on_its_own_validates_when_unpickling():
    """The baseline the registration changes (a fresh interpreter without indicators.web)."""
    script = ("import pickle, plotly.graph_objects as go; "
              "f = pickle.loads(pickle.dumps(go.Figure(go.Bar(y=[1])))); print(f._validate)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True"


def test_the_server_does_not_watch_source_files():
    script = ("from streamlit import config; config.get_config_options(force_reparse=True); "
              "print(config.get_option('server.fileWatcherType'))")
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO_DIR, capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "none"


def test_read_connections_hand_back_their_cached_blocks(tmp_path, monkeypatch):
    """A read connection keeps up to READ_MEMORY_MB of store blocks; drop_read_blocks() lets it
    evict them (the process's resident memory falls) and leaves it answering as before."""
    import ctypes

    import duckdb

    from indicators.web import data

    def rss_mib() -> int:
        with open("/proc/self/status") as handle:
            return int(handle.read().split("VmRSS:")[1].split()[0]) // 1024

    path = tmp_path / "big.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE t AS SELECT i, i % 5000 AS a, random() AS v FROM range(6000000) r(i)")
    con = duckdb.connect(str(path), read_only=True, config={"memory_limit": f"{data.READ_MEMORY_MB}MB"})
    monkeypatch.setattr(data, "_open", {"x": [(("x", 1, 1), con)]})
    query = "SELECT a, min(v), max(i) FROM t GROUP BY a ORDER BY a"
    limit = "SELECT current_setting('memory_limit')"
    before, bound = con.execute(query).fetchall(), con.execute(limit).fetchone()
    ctypes.CDLL("libc.so.6").malloc_trim(0)
    holding = rss_mib()
    data.drop_read_blocks()
    ctypes.CDLL("libc.so.6").malloc_trim(0)
    assert rss_mib() < holding - 20
    assert con.execute(limit).fetchone() == bound
    assert con.execute(query).fetchall() == before
    con.close()
