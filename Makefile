# The two quickstart commands: `make demo` and `make test`. Everything they need is installed
# into .venv from the pinned versions in constraints.txt.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)

.PHONY: generated demo test lint typecheck unit bench install clean demo-data redis-server

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "driftbot needs Python 3.11 or later; set PYTHON=python3.11")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev,embedded]'
	@rm -f $(VENV)/.installed-* && touch $@

# The bytecode of driftbot's own modules, as pip writes it for an installed wheel: without it
# every `drift` run compiles the ~200 modules a check imports (about 0.1 s; PYTHONDONTWRITEBYTECODE
# stops Python from writing it as it goes). Stale files are recompiled; nothing to clean.
install: $(STAMP)
	@$(BIN)/python -m compileall -q bot handlers >/dev/null

# Check the bundled example environment (a day of CloudTrail logs and a Terraform state).
# `drift check` exits 2 when it finds drift, which is what the demo shows.
demo: install
	$(BIN)/drift check demo --config examples/demo/drift.yml --since 24h --until 2026-11-24T00:00:00Z || test $$? -eq 2

# Rewrite the demo's files from examples/demo/generate.py.
demo-data: install
	rm -rf examples/demo/cloudtrail
	$(BIN)/python -m examples.demo.generate

test: install lint typecheck redis-server unit

# The tests start their own throwaway redis-server (REDIS_URL overrides); install it from
# Debian's packages when it is missing. Without it the Redis tests fail under CI=true.
redis-server:
	@command -v redis-server >/dev/null 2>&1 || { \
	  echo "installing redis-server from Debian's packages"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) >/dev/null \
	  || echo "could not install redis-server (not root?); the Redis tests will skip, or fail under CI=true"; }

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest

# Rewrite what is generated from the code (deploy/reader-role.yaml, the README's IAM list).
generated: install
	$(BIN)/python -m tests.tools.regenerate

bench: install
	$(BIN)/python -m bench.bench_check

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
