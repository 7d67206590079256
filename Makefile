# kubeward — common tasks. `make help` lists them.
GO        ?= go
OPA_VERSION := v1.22.2
OPA       ?= $(GO) run github.com/open-policy-agent/opa@$(OPA_VERSION)
BIN       := bin/kubeward
KUBEWARD_CORPUS ?= ../shared/corpus
export KUBEWARD_CORPUS

FUZZTIME ?= 20s

.PHONY: help build test lint demo docs bench bench-go fuzz fmt clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | column -t -s "$$(printf '\t')"

build: ## build bin/kubeward
	$(GO) build -o $(BIN) ./cmd/kubeward

test: ## run every Go and Rego test (with the race detector), then the PSS oracle
	$(GO) test -race -count=1 ./...
	$(GO) test -count=1 -run 'PSSOracle' ./engine/

lint: ## gofmt, go vet and opa fmt must be clean
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(OPA) fmt --list --fail policies
	$(OPA) check --strict policies

fmt: ## format Go and Rego sources
	gofmt -w $$(git ls-files '*.go')
	$(OPA) fmt -w policies

demo: build ## build, then lint the bundled examples
	@echo "\$$ kubeward lint testdata/examples/"
	@./$(BIN) lint testdata/examples/ || true

docs: ## regenerate docs/rules and policies/index.json from the rules' metadata
	UPDATE_INDEX=1 $(GO) test -count=1 -run TestIndexIsCurrent ./engine/policy/
	rm -rf docs/rules
	$(GO) run ./cmd/kubeward doc --output-dir docs/rules

bench: ## measure cold start, throughput vs conftest, scaling, the Go API; table into docs/performance.md
	./bench/run.sh

bench-go: ## the Go benchmarks over the shared corpus (KUBEWARD_CORPUS)
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 3x ./engine/

fuzz: ## run each fuzz target for FUZZTIME (failures are kept in testdata/fuzz as regression seeds)
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./engine/load/
	$(GO) test -run '^$$' -fuzz '^FuzzPosition$$' -fuzztime $(FUZZTIME) ./engine/load/
	$(GO) test -run '^$$' -fuzz '^FuzzReadBundle$$' -fuzztime $(FUZZTIME) ./bundles/
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./engine/config/

clean:
	rm -rf bin dist
