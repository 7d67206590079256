# kubeward — common tasks. `make help` lists them.
GO        ?= go
OPA_VERSION := v1.22.2
OPA       ?= $(GO) run github.com/open-policy-agent/opa@$(OPA_VERSION)
BIN       := bin/kubeward
KUBEWARD_CORPUS ?= ../shared/corpus
export KUBEWARD_CORPUS

FUZZTIME ?= 20s

CONTROL_PLANE ?= ../shared/tools/control-plane
CP_BIN    ?= /tmp/cp-bin
export CP_BIN

.PHONY: help build test test-cluster lint demo docs bench fuzz fmt clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | column -t -s "$$(printf '\t')"

build: ## build bin/kubeward
	$(GO) build -o $(BIN) ./cmd/kubeward

test: ## run every Go and Rego test (with the race detector), then the PSS oracle
	$(GO) test -race -count=1 ./...
	$(GO) test -count=1 -run 'PSSOracle' ./engine/

test-cluster: ## live-cluster tests against a real API server (builds it with $(CONTROL_PLANE) on first use)
	@if [ ! -x "$(CONTROL_PLANE)" ]; then echo "test-cluster: $(CONTROL_PLANE) not found: skipping"; exit 0; fi; \
	if [ ! -x "$(CP_BIN)/kube-apiserver" ] || [ ! -x "$(CP_BIN)/kube-controller-manager" ]; then \
	  start=$$(date +%s); $(CONTROL_PLANE) build || exit 1; \
	  echo "test-cluster: control plane built in $$(( $$(date +%s) - start ))s"; fi; \
	dir=$$(mktemp -d /tmp/kubeward-cp.XXXXXX); \
	trap '$(CONTROL_PLANE) down '"$$dir"' >/dev/null 2>&1; rm -rf '"$$dir" EXIT; \
	$(CONTROL_PLANE) up "$$dir" >/dev/null || exit 1; \
	KUBECONFIG="$$dir/kubeconfig" $(GO) test -count=1 -tags cluster -run 'Cluster' ./engine/source/cluster/

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

bench: ## Go benchmarks over the shared corpus (KUBEWARD_CORPUS)
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 3x ./engine/

fuzz: ## run each fuzz target for FUZZTIME (failures are kept in testdata/fuzz as regression seeds)
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./engine/load/
	$(GO) test -run '^$$' -fuzz '^FuzzPosition$$' -fuzztime $(FUZZTIME) ./engine/load/

clean:
	rm -rf bin dist
