# Tribune — two commands matter: `make run` and `make test` (see README.md).
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test installer installer-check translations i18n-update lint bench clean

$(BIN)/tribune: pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found"; exit 1; }
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[postgres]"
	touch $@

translations: $(BIN)/tribune
	$(BIN)/python scripts/i18n.py compile

## Install and open the app on the embedded SQLite database (demo agency on first start).
run: translations
	$(BIN)/tribune demo --if-empty
	$(BIN)/tribune

## Install everything and pass the whole test suite (real PostgreSQL, keyring, Qt offscreen).
test:
	TRIBUNE_VENV=$(abspath $(VENV)) PYTHON=$(PYTHON) bash scripts/test.sh

i18n-update: $(BIN)/tribune
	$(BIN)/python scripts/i18n.py update

lint:
	$(BIN)/ruff check app ui tests benchmarks scripts
	$(BIN)/ruff format --check app ui tests benchmarks scripts
	$(BIN)/mypy

## The one-folder desktop build.
installer: translations
	$(BIN)/pip install -q "pyinstaller>=6.6"
	$(BIN)/pyinstaller --noconfirm --clean --distpath dist --workpath build/work build/installer.spec

installer-check: installer
	QT_QPA_PLATFORM=offscreen ./dist/tribune/tribune --version
	# the frozen app does real work: the demo agency (due times need holidays' data files),
	# a list, and a charter PDF through Qt
	rm -rf build/smoke && mkdir -p build/smoke
	TRIBUNE_HOME=build/smoke QT_QPA_PLATFORM=offscreen ./dist/tribune/tribune \
		--db sqlite:///build/smoke/smoke.sqlite3 demo
	TRIBUNE_HOME=build/smoke QT_QPA_PLATFORM=offscreen ./dist/tribune/tribune \
		--db sqlite:///build/smoke/smoke.sqlite3 client list
	TRIBUNE_HOME=build/smoke QT_QPA_PLATFORM=offscreen ./dist/tribune/tribune \
		--db sqlite:///build/smoke/smoke.sqlite3 charter export aquarelle-petales \
		--out build/smoke/charter.pdf
	pdfinfo build/smoke/charter.pdf | grep -q "^Pages:"

bench:
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run_all.py

clean:
	rm -rf build/work dist .pytest_cache
