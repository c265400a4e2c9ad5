# Entry points for users and CI. `make run` and `make test` are all a new user
# needs on a fresh Debian 12 machine (run as root to install packages).
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: all deps build run test bench clean

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

bench: build
	@bash scripts/deps.sh --bench
	bash bench/wrk_bench.sh
	python3 bench/run_bench.py

clean:
	rm -rf $(BUILD)
