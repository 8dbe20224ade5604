# The two commands a new user needs (see README): `make demo` and `make test`.
.PHONY: setup demo test imports types faults lint bench eval eval-holdout eval-fast mutate clean

setup:
	@tools/bootstrap.sh

demo: setup
	.venv/bin/oit demo --out oit-demo

test: setup imports types
	.venv/bin/python -m pytest -q
	.venv/bin/ruff check .

# The layers crawler <- rules <- reports <- oit, and inside oit store <- scan <- watch <- cli (README "How it works"):
# import-linter's contracts in pyproject.toml.
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

# Mutation testing (README "Tests"): mutmut mutates rules/ and crawler/urls.py and runs the rule and URL tests on each
# mutant; prints the share killed per package (tools/mutation_score.py). Hours on two cores: not in `make test` or CI.
# A stopped run goes on where it left off. mutmut runs from .venv-mutate, which sees .venv's packages (a .pth file)
# and adds mutmut and its dependency click: installed in .venv, click would change what `import httpx` loads there.
# The rule tests judge the memory route alone here (tests/rules/sitebuilder.py): the SQLite route would double the
# time of every mutant and judges with the same mutated rules; and the tests marked slow (what judging costs in memory,
# the hash-seed interpreters: ~2 minutes) are left out, since a surviving mutant runs every test that reaches it.
MUTATE_JOBS ?= 2
mutate: setup
	@[ -x .venv-mutate/bin/mutmut ] || (.venv/bin/python -m venv --without-pip .venv-mutate && \
		.venv/bin/python -c 'import sysconfig; print(sysconfig.get_path("purelib"))' \
			> "$$(.venv-mutate/bin/python -c 'import sysconfig; print(sysconfig.get_path("purelib"))')/oit-venv.pth" && \
		.venv/bin/python -m pip --python .venv-mutate/bin/python install -q --group mutate)
	@# mutmut copies the files it does not mutate (crawler/ but urls.py; the catalogs and word lists of rules/) into
	@# mutants/ once and never again: a resumed run would test them stale (a changed catalog failed every test).
	@[ ! -d mutants ] || find crawler rules -type f ! -path '*/__pycache__/*' ! -path crawler/urls.py \
		! -path 'rules/*.py' -exec cp -p --parents {} mutants/ \;
	OIT_RULE_STORES=memory PYTEST_ADDOPTS="-m 'not slow'" .venv-mutate/bin/mutmut run --max-children $(MUTATE_JOBS)
	.venv-mutate/bin/mutmut results --all true | .venv/bin/python tools/mutation_score.py

clean:
	rm -rf oit-demo oit-reports oit.sqlite .pytest_cache .mypy_cache mutants
