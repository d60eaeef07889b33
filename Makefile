# CoachDrill: make play | make test | make bench | make install
# Every target first makes sure the system libedit headers are present (Debian: libedit-dev).

SWIFT       ?= swift
PREFIX      ?= /usr/local
CONFIG      ?= release
BIN          = .build/$(CONFIG)/coachdrill
# What `coachdrill report --lrs` runs to send statements; it must sit beside coachdrill (LRSHelperProtocol).
LRS_HELPER   = .build/$(CONFIG)/coachdrill-lrs

FUZZ_SECONDS ?= 60
# The scenario `make play` starts (the default one; `coachdrill play` alone shows the picker).
SCENARIO    ?= new-manager-checklist

.PHONY: play test bench fuzz build install setup test-tools lrs-venv lint-scenarios clean train cues

play: setup
	@echo "Building CoachDrill ($(CONFIG); the first build takes a few minutes)..."
	@# One progress line, rewritten in place ("[41/180] Compiling ..."); the whole log stays in .build-play.log.
	@# A shell loop, not awk: Debian's mawk holds its input back in blocks, so the line would not move.
	@{ $(SWIFT) build -c $(CONFIG) --product coachdrill 2>&1; echo $$? >.build-play.status; } | tee .build-play.log \
	  | while IFS= read -r line; do case "$$line" in "["[0-9]*/*"]"*) printf '\r  %-72.72s' "$$line";; esac; done; \
	  printf '\r%76s\r' ''
	@test "$$(cat .build-play.status)" = 0 \
	  || { cat .build-play.log >&2; echo "error: the build failed (log above)" >&2; exit 1; }
	@$(BIN) play $(SCENARIO)

test: setup test-tools lrs-venv
	$(SWIFT) build --build-tests
	@# Where apt-get installs the tools the tests drive, a missing one fails its test (TestPrerequisite.swift).
	COACHDRILL_TEST_TOOLS=$$(command -v apt-get >/dev/null 2>&1 && echo required || echo optional) $(SWIFT) test --skip-build

# Ralph, the Learning Record Store the LRS tests send statements to, pinned in Tests/LRS/requirements.txt,
# in a virtual environment of its own (made again when the requirements change).
LRS_VENV ?= .build-venv-lrs
lrs-venv: $(LRS_VENV)/.installed
$(LRS_VENV)/.installed: Tests/LRS/requirements.txt
	test -x $(LRS_VENV)/bin/python || python3 -m venv $(LRS_VENV)
	$(LRS_VENV)/bin/pip install -q --disable-pip-version-check -r Tests/LRS/requirements.txt
	touch $@

# What the tests drive besides coachdrill, installed with apt-get when missing (as root, or with sudo):
# Chromium draws the class report at 1280 px and on A4, and pdftoppm (poppler-utils) turns the A4 PDF into
# pictures; the OpenSSH server and client carry `coachdrill serve` and its tests; python3 and its venv
# module hold the LRS (lrs-venv). Where apt-get is missing, a test whose tool is absent is skipped and says
# why; where apt-get exists, the tools are expected, and a missing one fails its test.
test-tools:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing="$$missing chromium fonts-dejavu-core"; \
	command -v pdftoppm >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	[ -x /usr/sbin/sshd ] || missing="$$missing openssh-server"; \
	command -v ssh >/dev/null 2>&1 || missing="$$missing openssh-client"; \
	command -v python3 >/dev/null 2>&1 || missing="$$missing python3"; \
	python3 -c 'import ensurepip' >/dev/null 2>&1 || missing="$$missing python3-venv"; \
	if [ -z "$$missing" ]; then :; \
	elif command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing what the tests drive:$$missing..."; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  { $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; } \
	    || echo "note: could not install$$missing; the tests that need them will fail" >&2; \
	else \
	  echo "note:$$missing not found and apt-get is not available; the tests that need them will be skipped" >&2; \
	fi

bench: setup
	$(SWIFT) build -c release --product coachdrill
	$(SWIFT) build -c release --product coachdrill-bench
	$(SWIFT) build -c release --product bench-floor
	$(SWIFT) build -c release --product bench-library-floor
	.build/release/coachdrill-bench

# Regenerates the cue catalogue's Swift (Sources/CoachDrillCore/Assessment/CueCatalogue+Generated.swift)
# from Sources/CoachDrillCore/Resources/cues.yaml; then `swift test --filter CueFileTests` runs every cue's
# examples (docs/feedback.md, "Editing the cues").
cues:
	$(SWIFT) run coachdrill-cues

# Retrains the feedback engine's weights from Corpus/coach-turns.tsv (docs/feedback.md): the product's own
# code computes every line's features, scikit-learn (pinned in Training/requirements.txt, in a virtual
# environment made here) fits them, and the weights are written as Swift source. One thread, so two runs
# write the same bytes.
VENV ?= .build-venv
train: setup
	$(SWIFT) build -c release --product coachdrill-features
	test -x $(VENV)/bin/python || python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q -r Training/requirements.txt
	.build/release/coachdrill-features Corpus/coach-turns.tsv > .build/corpus-features.jsonl
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 \
	  $(VENV)/bin/python Training/train.py .build/corpus-features.jsonl Sources/CoachDrillCore/Assessment/Learned/ModelWeights.swift

# Fuzzes the scenario loader and linter with libFuzzer for FUZZ_SECONDS (default 60); with
# FUZZ_TARGET=transcripts, the transcript reader and the report built on it. New inputs that reach new
# code are kept in .build-fuzz/corpus-<target>; a crash leaves a crash-* file to replay with
# `[COACHDRILL_FUZZ=transcripts] swift run coachdrill-fuzz crash-...`. The seed corpora (Fuzz/corpus) are
# replayed by `make test`.
FUZZ_TARGET ?= scenarios
FUZZ_CORPUS  = $(if $(filter transcripts,$(FUZZ_TARGET)),Fuzz/corpus/transcript-reader,Fuzz/corpus/scenario-loader)
fuzz: setup
	$(SWIFT) build -c release --scratch-path .build-fuzz --product coachdrill-fuzz \
	  -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING -Xcc -fsanitize=fuzzer-no-link
	mkdir -p .build-fuzz/corpus-$(FUZZ_TARGET)
	COACHDRILL_FUZZ=$(FUZZ_TARGET) .build-fuzz/release/coachdrill-fuzz .build-fuzz/corpus-$(FUZZ_TARGET) $(FUZZ_CORPUS) \
	  -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -print_final_stats=1

build: setup
	$(SWIFT) build -c $(CONFIG)

install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/coachdrill/Scenarios/packs $(DESTDIR)$(PREFIX)/share/coachdrill/Corpus
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/coachdrill
	install -m 755 $(LRS_HELPER) $(DESTDIR)$(PREFIX)/bin/coachdrill-lrs
	install -m 644 Corpus/coach-turns.tsv $(DESTDIR)$(PREFIX)/share/coachdrill/Corpus/
	install -m 644 Scenarios/*.yaml $(DESTDIR)$(PREFIX)/share/coachdrill/Scenarios/
	-install -m 644 Scenarios/packs/*.yaml $(DESTDIR)$(PREFIX)/share/coachdrill/Scenarios/packs/ 2>/dev/null

# Installs libedit-dev when its pkg-config file is missing: apt-get (with sudo when not root),
# or a clear message on systems without apt.
setup:
	@if pkg-config --exists libedit 2>/dev/null; then :; \
	elif command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing libedit-dev (the line editor CoachDrill's prompt is built on)..."; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libedit-dev pkg-config >/dev/null \
	    || { echo "error: could not install libedit-dev; install it yourself (apt-get install libedit-dev) and run make again" >&2; exit 1; }; \
	elif [ "$$(uname)" = Darwin ]; then \
	  pkg-config --exists libedit 2>/dev/null || echo "note: on macOS, 'brew install libedit pkg-config' if the build cannot find libedit"; \
	else \
	  echo "error: libedit development files not found and apt-get is not available." >&2; \
	  echo "Install libedit's headers and pkg-config file with your package manager (e.g. dnf install libedit-devel)," >&2; \
	  echo "then run make again." >&2; exit 1; \
	fi

lint-scenarios: build
	$(BIN) lint --strict Scenarios

clean:
	rm -rf .build
