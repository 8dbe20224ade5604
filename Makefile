# The two commands a new user needs (see README): `make demo` and `make test`.
.PHONY: setup demo test imports types faults lint bench eval eval-holdout eval-fast clean

setup:
	@tools/bootstrap.sh

demo: setup
	.venv/bin/oit demo --out oit-demo

test: setup imports types
	.venv/bin/python -m pytest -q
	.venv/bin/ruff check .

# The layers crawler <- rules <- reports <- oit (README "How it works"): import-linter's contracts in pyproject.toml.
# import-linter gets an environment of its own, .venv-lint: its dependency click, installed beside httpx in .venv,
# makes `import httpx` load httpx's command line (rich.progress, pygments) in every scan and every benchmark.
imports: setup
	@[ -x .venv-lint/bin/lint-imports ] || (.venv/bin/python -m venv --without-pip .venv-lint && \
		.venv/bin/python -m pip --python .venv-lint/bin/python install -q --group imports)
	PYTHONPATH=. .venv-lint/bin/lint-imports

# The types: mypy over crawler, rules, reports and oit ([tool.mypy] in pyproject.toml), from .venv, where the
# libraries whose types it reads are installed (mypy and the stub packages come with the `test` extra).
types: setup
	.venv/bin/python -m mypy

# The fault matrix (README "Hostile and broken servers"): real scans of a misbehaving demo site, bounded work.
# `make test` runs it too (it is part of tests/).
faults: setup
	.venv/bin/python -m pytest -q tests/faults

lint: setup imports types
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

bench: setup
	.venv/bin/python -m pip install -q -e ".[bench]"
	@command -v nginx >/dev/null || [ "$$(id -u)" != 0 ] || (apt-get update -qq && apt-get install -y -qq nginx-light >/dev/null) || true
	.venv/bin/python bench/run_crawl.py

# The zoo (eval/README.md): generated sites on other platforms, scanned and compared with hand-written truth.
eval: setup
	.venv/bin/python -m eval.run_eval --json build/eval/figures.json

eval-holdout: setup
	.venv/bin/python -m eval.run_eval --holdout --json build/eval/figures-holdout.json

eval-fast: setup
	.venv/bin/python -m eval.run_eval --fast --wanted --json build/eval/figures-fast.json

clean:
	rm -rf oit-demo oit-reports oit.sqlite .pytest_cache .mypy_cache
