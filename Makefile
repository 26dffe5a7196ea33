# nbrun: the two commands of the README, plus install and benchmarks.
# `make run`  : set up what is missing, build in release mode, run notebooks/dropout.md -> output/dropout/
# `make test` : set up what is missing, run the test suite.

PREFIX ?= /usr/local
SWIFT ?= swift
NOTEBOOK ?= notebooks/dropout.md

.PHONY: run test setup build install uninstall bench bench-keras articles clean check-arm64

run: setup build
	.build/release/nbrun $(NOTEBOOK)

articles: setup build
	.build/release/nbrun notebooks/dropout.md
	@if [ -f notebooks/dropout-vs-pruning.md ]; then .build/release/nbrun notebooks/dropout-vs-pruning.md; fi

# The suite is XCTest; Swift Testing is disabled so that the run closes on XCTest's summary line.
test: setup
	$(SWIFT) build
	$(SWIFT) test --disable-swift-testing

setup:
	@bash scripts/setup.sh

build:
	$(SWIFT) build -c release

install: build
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 .build/release/nbrun $(DESTDIR)$(PREFIX)/bin/nbrun

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/nbrun

bench: setup
	$(SWIFT) build -c release --product nbrun-bench
	.build/release/nbrun-bench $(BENCH_ARGS)

# The blog's exact Keras code, TensorFlow and JAX backends, same epochs (slow: installs into a throwaway venv).
bench-keras: setup
	sh scripts/keras-bench.sh $(EPOCHS)

# The engine's C kernels compiled for ARM64 with clang (a compile check; nothing runs here).
check-arm64:
	sh scripts/ckernels-arm64.sh

clean:
	rm -rf .build output/*/
