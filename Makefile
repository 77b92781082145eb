# The two set-up commands of README.md: `make demo` and `make test`.
PYTHON ?= python3
BIN := .venv/bin

.PHONY: demo test install

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
