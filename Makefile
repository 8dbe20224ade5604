# The two commands a new user needs (see README): `make demo` and `make test`.
.PHONY: setup demo test faults lint bench eval eval-holdout eval-fast clean

setup:
	@tools/bootstrap.sh

demo: setup
	.venv/bin/oit demo --out oit-demo

test: setup
	.venv/bin/python -m pytest -q
	.venv/bin/ruff check .

# The fault matrix (README "Hostile and broken servers"): real scans of a misbehaving demo site, bounded work.
# `make test` runs it too (it is part of tests/).
faults: setup
	.venv/bin/python -m pytest -q tests/faults

lint: setup
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
	rm -rf oit-demo oit-reports oit.sqlite .pytest_cache
