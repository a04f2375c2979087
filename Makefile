# Shortcuts; each target is one documented command. The README's two commands need no make.
PY := .venv/bin/python

.PHONY: setup demo test train kb gazetteer event-dictionaries lock bench
setup:                ## create .venv from requirements.lock
	bash scripts/setup.sh
demo:                 ## ingest examples/ into diurna.duckdb
	bash scripts/demo.sh
test:                 ## the whole test suite
	bash scripts/test.sh
train: setup          ## retrain the event classifier: linear model, then the MiniLM encoder (needs ../shared and `pip install -e .[train-encoder]`)
	nice $(PY) scripts/train_classifier.py
	nice $(PY) scripts/train_encoder.py
kb: setup             ## rebuild the actor knowledge base from ../shared/data/petrarch2
	$(PY) scripts/build_kb.py
gazetteer: setup      ## rebuild the gazetteer (needs `pip install -e .[build]`)
	$(PY) scripts/build_gazetteer.py
event-dictionaries: setup   ## rebuild the CAMEO verb dictionary and CAMEO->PLOVER table
	$(PY) scripts/build_event_dictionaries.py
lock:                 ## re-pin requirements.lock after changing pyproject.toml
	bash scripts/lock.sh
bench: setup          ## the benchmarks whose figures are in docs/evaluation.md
	$(PY) benchmarks/bench_ingest.py
	$(PY) benchmarks/bench_ray.py
	$(PY) benchmarks/bench_gazetteer.py
