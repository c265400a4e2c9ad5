# Entry points for users and CI. `make run` and `make test` are all a new user
# needs on a fresh Debian 12 machine (run as root to install packages).
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: all deps build run test test-asan test-tsan fuzz bench clean

all: build

deps:
	@bash scripts/deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

run: build
	@echo "== examples/sample.log (input) =="
	@cat examples/sample.log
	@echo
	@echo "== phiscrub examples/sample.log (redacted) =="
	@$(BUILD)/bin/phiscrub --stats examples/sample.log

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# AddressSanitizer + UndefinedBehaviorSanitizer (gcc): unit, CLI and service
# tests against sanitised binaries, timeouts scaled for the slower build.
ASAN_BUILD ?= build-asan
test-asan: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DPHISCRUB_SANITIZE=address,undefined -DPHISCRUB_TEST_TIMEOUT_SCALE=4 \
	  -DPHISCRUB_BUILD_BENCH=OFF
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS) -L 'unit|cli|service'

# ThreadSanitizer: the threaded pipeline and the sidecar (tests labelled
# threads or service). Only the two binaries they run are built.
TSAN_BUILD ?= build-tsan
test-tsan: deps
	cmake -S . -B $(TSAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DPHISCRUB_SANITIZE=thread -DPHISCRUB_TEST_TIMEOUT_SCALE=8 \
	  -DPHISCRUB_BUILD_BENCH=OFF
	cmake --build $(TSAN_BUILD) -j $(JOBS) --target phiscrub phiscrubd
	cd $(TSAN_BUILD) && TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
	  ctest --output-on-failure -j $(JOBS) -L 'threads|service'

# libFuzzer targets (clang, ASan + UBSan), each run SECONDS seconds on a copy
# of its seed corpus; fails on any crash. tests/fuzz/CMakeLists.txt lists them.
FUZZ_BUILD ?= build-fuzz
SECONDS ?= 60
fuzz:
	@bash scripts/deps.sh --fuzz
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_CXX_COMPILER=clang++ \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPHISCRUB_FUZZ=ON \
	  -DPHISCRUB_SANITIZE=address,undefined -DPHISCRUB_BUILD_TESTS=OFF \
	  -DPHISCRUB_BUILD_BENCH=OFF
	@echo '*' > $(FUZZ_BUILD)/.gitignore
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target phiscrub_fuzzers
	bash tests/fuzz/run.sh $(FUZZ_BUILD) $(SECONDS)

bench: build
	@bash scripts/deps.sh --bench
	bash bench/wrk_bench.sh
	python3 bench/run_bench.py

clean:
	rm -rf $(BUILD)
