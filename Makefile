# Two commands do all the set-up (see README.md):
#   make serve   build the offline site into site/ and serve it at http://127.0.0.1:8000
#   make test    run the whole test suite (installs Debian's chromium if it is missing)

PYTHON ?= python3
# `make test FRAMEWORKS=no` does not install PyTorch and TensorFlow (their examples are skipped)
FRAMEWORKS ?= yes
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test chromium clean

serve: build
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.site-installed
	$(BIN)/mkdocs build --strict

TEST_REQUIREMENTS := $(if $(filter yes,$(FRAMEWORKS)),requirements-frameworks.txt,requirements-test.txt)

test: $(VENV)/.installed-$(basename $(TEST_REQUIREMENTS)) chromium
	$(BIN)/python -m pytest

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q chromium; }

$(VENV)/.site-installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-requirements-test: requirements.txt requirements-test.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $(VENV)/.site-installed $@

$(VENV)/.installed-requirements-frameworks: requirements.txt requirements-test.txt requirements-frameworks.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-frameworks.txt
	touch $(VENV)/.site-installed $(VENV)/.installed-requirements-test $@

clean:
	rm -rf site $(VENV)
