# The two set-up commands of README.md: `make demo` and `make test`; `make bench`
# measures the pages at scale on PostgreSQL, and `make load` has 200 simulated trainees
# take knowledge assessments for LOAD_SECONDS (docs/performance.md).
PYTHON ?= python3
BIN := .venv/bin

.PHONY: demo test install bench load

install:
	bash scripts/system-packages.sh
	test -x $(BIN)/python || $(PYTHON) -m venv .venv
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .

demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test:
	bash scripts/test.sh

bench:
	bash scripts/system-packages.sh --bench
	test -x $(BIN)/python || $(PYTHON) -m venv .venv
	$(BIN)/pip install -q -e '.[bench]'
	$(BIN)/python bench/run_all.py

LOAD_SECONDS ?= 300
export LOAD_SECONDS

load:
	bash scripts/system-packages.sh
	test -x $(BIN)/python || $(PYTHON) -m venv .venv
	$(BIN)/pip install -q -e '.[bench]'
	$(BIN)/python bench/load_assessments.py
