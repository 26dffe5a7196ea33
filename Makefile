# nbrun: the two commands of the README, plus install and benchmarks.
# `make run`  : set up what is missing, build in release mode, run notebooks/dropout.md -> output/dropout/
# `make test` : set up what is missing, run the test suite.
# `make install [PREFIX=...] [DESTDIR=...]`, `make uninstall`: the binary, its man page, shell completions.

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
SWIFT ?= swift
NOTEBOOK ?= notebooks/dropout.md
# The build that `install-files` and `man` take: release (make install), debug (the install test).
CONFIG ?= release
NBRUN_BIN = .build/$(CONFIG)/nbrun
MAN_PAGE = .build/plugins/GenerateManual/outputs/nbrun/nbrun.1
# The man page is dated by the last commit, so the same source gives the same page.
MAN_DATE := $(shell git log -1 --format=%cs 2>/dev/null)

.PHONY: run test setup build man install install-files uninstall bench bench-keras articles clean check-arm64 fuzz \
	bench-inline keras-parity

run: setup build
	.build/release/nbrun $(NOTEBOOK)

articles: setup build
	.build/release/nbrun notebooks/dropout.md
	@if [ -f notebooks/dropout-vs-pruning.md ]; then .build/release/nbrun notebooks/dropout-vs-pruning.md; fi
	@if [ -f notebooks/regularization.md ]; then .build/release/nbrun notebooks/regularization.md; fi

# The suite is XCTest; Swift Testing is disabled so that the run closes on XCTest's summary line.
# The man page of the debug build is made first: the install test installs it.
test: setup
	$(SWIFT) build
	$(MAKE) --no-print-directory man CONFIG=debug
	$(SWIFT) test --disable-swift-testing

setup:
	@bash scripts/setup.sh

build:
	$(SWIFT) build -c release

# nbrun(1) from the command's own help, by swift-argument-parser's generate-manual plugin.
man:
	$(SWIFT) package generate-manual --configuration $(CONFIG) $(if $(MAN_DATE),--date $(MAN_DATE)) >/dev/null

# The binary (templates and starter compiled in: it needs nothing from .build once installed), the man
# page and shell completions for bash, zsh and fish.
install: build man install-files

install-files:
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) \
		$(DESTDIR)$(FISHCOMPDIR) .build/completions
	install -m 0755 $(NBRUN_BIN) $(DESTDIR)$(BINDIR)/nbrun
	install -m 0644 $(MAN_PAGE) $(DESTDIR)$(MANDIR)/man1/nbrun.1
	$(NBRUN_BIN) --generate-completion-script bash > .build/completions/nbrun
	$(NBRUN_BIN) --generate-completion-script zsh > .build/completions/_nbrun
	$(NBRUN_BIN) --generate-completion-script fish > .build/completions/nbrun.fish
	install -m 0644 .build/completions/nbrun $(DESTDIR)$(BASHCOMPDIR)/nbrun
	install -m 0644 .build/completions/_nbrun $(DESTDIR)$(ZSHCOMPDIR)/_nbrun
	install -m 0644 .build/completions/nbrun.fish $(DESTDIR)$(FISHCOMPDIR)/nbrun.fish

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/nbrun $(DESTDIR)$(MANDIR)/man1/nbrun.1 $(DESTDIR)$(BASHCOMPDIR)/nbrun \
		$(DESTDIR)$(ZSHCOMPDIR)/_nbrun $(DESTDIR)$(FISHCOMPDIR)/nbrun.fish

bench: setup
	$(SWIFT) build -c release --product nbrun-bench
	.build/release/nbrun-bench $(BENCH_ARGS)

# The blog's exact Keras code, TensorFlow and JAX backends, same epochs (slow: installs into a throwaway venv).
bench-keras: setup
	sh scripts/keras-bench.sh $(EPOCHS)

# nbrun against Keras 3 (TensorFlow and JAX) on the blog's two models: step parity from the same start and
# distributions over seeds (docs/keras-parity.md). Not in CI: it installs ~1 GB from PyPI into .build/keras-venv.
keras-parity: setup
	sh scripts/keras-parity/run.sh

# The engine's C kernels compiled for ARM64 with clang (a compile check; nothing runs here).
check-arm64:
	sh scripts/ckernels-arm64.sh

clean:
	rm -rf .build output/*/

# Mutated notebooks through parse + check for a bounded time (FUZZ_SECONDS, default 600) with a fixed
# seed; fails on a crash or a diagnostic that does not point into the notebook (issue 18).
FUZZ_SECONDS ?= 600
FUZZ_ITERATIONS ?= 100000000
fuzz:
	$(SWIFT) build -c release --product nbrun-fuzz
	.build/release/nbrun-fuzz --seconds $(FUZZ_SECONDS) --iterations $(FUZZ_ITERATIONS) --seed 1

# Inline `{{ }}` values: N and 4N values end to end, wall times and their ratio (issue 18).
bench-inline: build
	sh scripts/bench-inline.sh $(BENCH_ARGS)
