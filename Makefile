# Two commands on a fresh machine (Python 3.11+, Node/npm, apt):
#   make serve   install everything into the project and serve the site on http://127.0.0.1:8000
#   make test    install the test dependencies (Debian chromium included) and run the whole suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps serve build check test test-deps bench offline cram

$(BIN)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

deps: $(BIN)/.installed node_modules/.installed

serve: deps
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Never pass -q to a strict build: MkDocs 1.6 then stops counting warnings and passes a broken site.
build: deps
	$(BIN)/mkdocs build --strict --clean --site-dir site

# The contributor loop, under a minute: strict build, hook unit tests, Markdown lint, spelling and the
# workflow checks, run side by side (two cores: the build and the hook tests are the long ones).
# `make test` is the full suite (browser tests included) and CI's command.
check: deps
	@$(MAKE) --no-print-directory -j3 --output-sync=target check-build check-hooks check-text lint-workflows
	@echo "make check: all passed"

.PHONY: check-build check-hooks check-text
check-build:
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --clean --site-dir site
check-hooks:
	$(BIN)/pytest tests/unit -q -p no:cacheprovider
check-text:
	node_modules/.bin/markdownlint-cli2
	$(BIN)/codespell docs README.md CONTRIBUTING.md hooks

/usr/bin/chromium:
	$(SUDO) apt-get update
	$(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-liberation

test-deps: deps /usr/bin/chromium

test: test-deps
	$(BIN)/pytest

bench: test-deps
	$(BIN)/python bench/run.py


# A copy that works from file:// (search included), zipped for studying without a connection.
offline: deps
	rm -rf dist/offline dist/aws-study-notes-offline.zip
	OFFLINE=true $(BIN)/mkdocs build --strict --site-dir dist/offline/aws-study-notes
	cd dist/offline && ../../$(BIN)/python -m zipfile -c ../aws-study-notes-offline.zip aws-study-notes
	@echo "Offline copy: dist/aws-study-notes-offline.zip (open aws-study-notes/index.html)"

# "Numbers to remember" as a PDF for printing or studying on paper: a strict build, printed by Debian's
# headless Chromium with the site's print stylesheet. CI keeps it as the `numbers-to-remember` artifact.
cram: test-deps
	rm -rf dist/cram-site dist/numbers-to-remember.pdf
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir dist/cram-site
	$(BIN)/python scripts/cram_pdf.py dist/cram-site --out dist/numbers-to-remember.pdf

# GitHub Actions checks, offline: actionlint (shellcheck on `run:` scripts) over the workflows, zizmor
# (security audits) over the workflows and dependabot.yml. Both exit non-zero on any finding.
.PHONY: lint-workflows
lint-workflows: $(BIN)/.installed
	$(BIN)/actionlint -shellcheck $(BIN)/shellcheck -pyflakes= .github/workflows/*.yml
	$(BIN)/zizmor --offline .github/
