# StatKG — the targets a newcomer can guess. Each installs what it needs first.
VENV   := .venv
PY     := $(VENV)/bin/python
FLASK  := $(VENV)/bin/flask --app app
SCALE  ?= 1.0
SEED   ?= 2026
PERIOD ?= 2025

.PHONY: run serve data tunduk test test-fast lint bench i18n-extract i18n-update i18n-compile clean setup-run setup-test

## run: install, generate the synthetic sample data into SQLite, serve on 127.0.0.1:8000
run: data serve

## data: the store, the classifiers, the synthetic population, every source ingested (each
## file source the adapters' registry lists, from what synth wrote for it: the file
## var/sources/<source, - as _>.<csv|xlsx>, or every file of the folder
## var/sources/<source, - as _>/ (one a year) in name order; then the Tunduk sources), the
## release, the books
data: setup-run
	$(FLASK) store upgrade
	$(FLASK) classifiers load
	$(FLASK) synth generate --seed $(SEED) --scale $(SCALE) --base-only
	$(FLASK) synth files --seed $(SEED) --scale $(SCALE) --out var/sources
	@sources=$$($(FLASK) ingest sources --kind file --names) && [ -n "$$sources" ] || exit 1; \
	for source in $$sources; do \
	  stem=var/sources/$$(echo $$source | tr - _); \
	  if [ -d $$stem ]; then files=$$(ls $$stem/* 2>/dev/null | sort); \
	  else files=$$(ls -t $$stem.* 2>/dev/null | head -n 1); fi; \
	  [ -n "$$files" ] || { echo "no file for $$source in var/sources" >&2; exit 1; }; \
	  echo "$(FLASK) ingest files $$source" $$files "--synthetic"; \
	  $(FLASK) ingest files $$source $$files --synthetic || exit 1; done
	$(MAKE) --no-print-directory tunduk
	$(FLASK) release compute --period $(PERIOD) --publish-at now --if-changed
	$(FLASK) publish build --pub all --lang ky,ru,en

## tunduk: write the Tunduk sources' native records, serve them from the simulated security
## server on 127.0.0.1:8470, ingest each Tunduk source the adapters' registry lists through
## X-Road REST, stop the server
tunduk: setup-run
	$(FLASK) ingest crosswalks
	$(FLASK) synth tunduk --seed $(SEED) --scale $(SCALE) --out var/tunduk
	@rm -f var/tunduk/.ready; \
	  $(PY) -m ingest.tunduk.simulator --data var/tunduk --port 8470 \
	    --ready-file var/tunduk/.ready & pid=$$!; \
	  trap 'kill $$pid' EXIT; \
	  for i in $$(seq 900); do [ -f var/tunduk/.ready ] && break; \
	    kill -0 $$pid || exit 1; sleep 1; done; \
	  sources=$$($(FLASK) ingest sources --kind tunduk --names) && [ -n "$$sources" ] || exit 1; \
	  for source in $$sources; do $(FLASK) ingest $$source || exit 1; done

serve: setup-run
	@$(FLASK) exports work & pid=$$!; trap 'kill $$pid' EXIT; \
	  $(VENV)/bin/gunicorn -c gunicorn.conf.py 'app:create_app()'

## test: install (PostgreSQL included), lint, type-check, check the layers, run the suite
test: setup-test lint
	$(PY) -m pytest

## test-fast: the fast tier while editing (under a minute): every test not marked slow, on
## SQLite (the PostgreSQL half and the long end-to-end tests are left to make test), on
## both cores (pytest-xdist)
test-fast: setup-test
	$(PY) -m pytest -m "not slow" -n 2

## bench: the speed benchmarks; figures go to docs/PERFORMANCE.md. Every benchmark runs even
## when an earlier one misses its target (bench_api exits non-zero then); make bench fails
## at the end if any did. BENCH_SCALE below 1 runs the release and the pages' benchmarks on
## a smaller synthetic store (a quick look, not the figures of record).
bench: setup-test
	@failed=""; \
	  $(PY) bench/bench_border.py --rows $${BENCH_ROWS:-10000000} || failed="$$failed border"; \
	  $(PY) bench/bench_residence.py --rows-per-year $${BENCH_RESIDENCE_ROWS:-37000000} || failed="$$failed residence"; \
	  $(PY) bench/bench_api.py --write || failed="$$failed api"; \
	  $(PY) bench/bench_web.py --scale $${BENCH_SCALE:-1.0} --write || failed="$$failed web"; \
	  $(PY) bench/bench_tunduk.py --records $${BENCH_RECORDS:-200000} || failed="$$failed tunduk"; \
	  $(PY) bench/bench_release.py --scale $${BENCH_SCALE:-1.0} || failed="$$failed release"; \
	  $(PY) bench/bench_publish.py || failed="$$failed publish"; \
	  if [ -n "$$failed" ]; then echo "benchmarks that failed or missed a target:$$failed"; exit 1; fi

lint: setup-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy .
	$(VENV)/bin/lint-imports

setup-run:
	@scripts/bootstrap.sh run

setup-test:
	@scripts/bootstrap.sh test

i18n-extract: setup-run
	$(VENV)/bin/pybabel extract -F babel.cfg -k lazy_gettext -k _ -k _l -k plural:1,2 -o locales/messages.pot --no-location --omit-header .

i18n-update: i18n-extract
	$(VENV)/bin/pybabel update -i locales/messages.pot -d locales -D messages --no-fuzzy-matching

i18n-compile: setup-run
	$(VENV)/bin/pybabel compile -d locales -D messages

clean:
	rm -rf var/*.sqlite3* var/microdata var/truth build .mypy_cache .ruff_cache .pytest_cache
