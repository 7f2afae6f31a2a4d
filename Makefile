# Two commands on a fresh machine: `make run` (install + start the dashboard on the built-in data)
# and `make test` (install + run every test). Everything else here is a convenience.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
PORT   ?= 8501
REPLICAS   ?= 2
PROXY_PORT ?= 8080
BASE_PATH  ?= /trygghet/

.PHONY: install run serve-replicas test test-fast browser-deps nginx-deps axe-deps office-deps bench demo clean-store

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

run: install
	$(PY) -m indicators history > /dev/null   # builds data/store/ on first start
	$(PY) -m indicators.web --server.port $(PORT)   # = streamlit run app.py (see indicators/web/launcher.py)

# Two (REPLICAS) dashboard processes behind nginx with sticky sessions, in the foreground; Ctrl-C
# stops all. http://127.0.0.1:8080/trygghet/ (PROXY_PORT, BASE_PATH). See docs/deploy.md.
serve-replicas: install nginx-deps
	$(PY) deploy/serve_replicas.py --replicas $(REPLICAS) --port $(PROXY_PORT) --base $(BASE_PATH)

# Debian's chromium for the browser tests (never a downloaded browser). Needs root or sudo.
browser-deps:
	@command -v chromium > /dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium; fi; }

# Debian's nginx for serve-replicas and its test (only the binary: its own service is not used).
nginx-deps:
	@command -v nginx > /dev/null || test -x /usr/sbin/nginx || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq nginx; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq nginx; fi; }

# axe-core for the accessibility browser test, from the npm registry at the version its lock file
# pins (tests/browser/axe/); Debian's npm when there is none. Once: nothing is fetched at test time.
axe-deps:
	@test -d tests/browser/axe/node_modules || { \
	  command -v npm > /dev/null || { \
	    if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq npm; \
	    else sudo apt-get update -qq && sudo apt-get install -y -qq npm; fi; }; \
	  npm ci --prefix tests/browser/axe --no-audit --no-fund --loglevel=error; }

# Debian's LibreOffice Impress (+ Carlito, Calibri's metric twin) for the one test that renders the
# press pack's .pptx (tests/unit/test_presspack_deck.py); about 30 s with --no-install-recommends.
office-deps:
	@{ command -v soffice > /dev/null && ldconfig -p | grep -q libpangoft2-1.0.so.0; } || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq --no-install-recommends libreoffice-impress fonts-crosextra-carlito libpangoft2-1.0-0; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq --no-install-recommends libreoffice-impress fonts-crosextra-carlito libpangoft2-1.0-0; fi; }

test: install browser-deps nginx-deps axe-deps office-deps
	$(PY) -m pytest

test-fast: install
	$(PY) -m pytest -m "not browser and not slow"

bench: install
	$(PY) benchmarks/ingest_benchmark.py

demo: install
	$(PY) -m indicators.demo

clean-store:
	rm -rf data/store
