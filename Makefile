# kubeward — common tasks. `make help` lists them.
GO        ?= go
OPA_VERSION := v1.22.2
OPA       ?= $(GO) run github.com/open-policy-agent/opa@$(OPA_VERSION)
# staticcheck 2026.2.2 (v0.8.2), the release checked to build with and understand go1.26.
STATICCHECK_VERSION := v0.8.2
STATICCHECK ?= $(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
BIN       := bin/kubeward
KUBEWARD_CORPUS ?= ../shared/corpus
export KUBEWARD_CORPUS

FUZZTIME ?= 20s

CONTROL_PLANE ?= ../shared/tools/control-plane
CP_BIN    ?= /tmp/cp-bin
export CP_BIN

# Release stamps (read by cmd/kubeward/version.go). DATE is the commit's time,
# not the clock's, so that building the same commit twice gives the same bytes
# and the same checksums; override it (or any) on the command line.
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT    ?= $(shell git rev-parse HEAD 2>/dev/null || echo unknown)
DATE      ?= $(shell TZ=UTC git log -1 --format=%cd --date=format-local:%Y-%m-%dT%H:%M:%SZ 2>/dev/null || echo unknown)
LDFLAGS   := -s -w -X main.version=$(VERSION) -X main.commit=$(COMMIT) -X main.date=$(DATE)
PLATFORMS := linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64
IMAGE     ?= kubeward:$(VERSION)
DIST      ?= dist

.PHONY: help build test test-cluster lint demo docs bench bench-go fuzz fmt clean release image schemas

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | column -t -s "$$(printf '\t')"

build: ## build bin/kubeward
	$(GO) build -o $(BIN) ./cmd/kubeward

test: ## run every Go and Rego test (with the race detector), then the PSS oracle
	$(GO) test -race -count=1 -timeout 30m ./...
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

lint: ## gofmt, go vet, staticcheck and opa fmt must be clean
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(STATICCHECK) ./...
	$(OPA) fmt --list --fail policies
	$(OPA) check --strict policies

schemas: ## regenerate the embedded Kubernetes API schemas (engine/schema/data) through the Go module proxy
	cd engine/schema && $(GO) generate .

fmt: ## format Go and Rego sources
	gofmt -w $$(git ls-files '*.go')
	$(OPA) fmt -w policies

demo: build ## build, then lint the bundled examples
	@echo "\$$ kubeward lint testdata/examples/"
	@./$(BIN) lint testdata/examples/ || true

docs: ## regenerate docs/rules, policies/index.json (rules' metadata) and docs/cli (commands' help)
	UPDATE_INDEX=1 $(GO) test -count=1 -run TestIndexIsCurrent ./engine/policy/
	rm -rf docs/rules
	$(GO) run ./cmd/kubeward doc --output-dir docs/rules
	UPDATE_DOCS=1 $(GO) test -count=1 -run TestCLIReferenceIsCurrent ./cmd/kubeward/

bench: ## measure cold start, throughput vs conftest, scaling, the Go API; table into docs/performance.md
	./bench/run.sh

bench-go: ## the Go benchmarks over the shared corpus (KUBEWARD_CORPUS)
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 3x ./engine/

fuzz: ## run each fuzz target for FUZZTIME (failures are kept in testdata/fuzz as regression seeds)
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./engine/load/
	$(GO) test -run '^$$' -fuzz '^FuzzPosition$$' -fuzztime $(FUZZTIME) ./engine/load/
	$(GO) test -run '^$$' -fuzz '^FuzzSameTree$$' -fuzztime $(FUZZTIME) ./engine/load/fastyaml/
	$(GO) test -run '^$$' -fuzz '^FuzzReadBundle$$' -fuzztime $(FUZZTIME) ./bundles/
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./engine/config/
	$(GO) test -run '^$$' -fuzz '^FuzzConfigPaths$$' -fuzztime $(FUZZTIME) ./engine/config/
	$(GO) test -run '^$$' -fuzz '^FuzzKustomize$$' -fuzztime $(FUZZTIME) ./engine/source/kustomize/

release: ## cross-compile static binaries for PLATFORMS into dist/, stamped, with dist/checksums.txt
	rm -rf $(DIST) && mkdir -p $(DIST)
	@set -e; for p in $(PLATFORMS); do \
	  os=$${p%/*}; arch=$${p#*/}; ext=; [ "$$os" = windows ] && ext=.exe; \
	  out=$(DIST)/kubeward_$${os}_$${arch}$$ext; echo "$$out"; \
	  CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -buildvcs=false -ldflags "$(LDFLAGS)" -o $$out ./cmd/kubeward; \
	done
	cd $(DIST) && if command -v sha256sum >/dev/null; then sha256sum kubeward_*; else shasum -a 256 kubeward_*; fi > checksums.txt
	@echo "$(DIST)/checksums.txt ($(VERSION), $(COMMIT), $(DATE))"

image: ## build the container image (needs a Docker engine)
	docker build --build-arg VERSION=$(VERSION) --build-arg COMMIT=$(COMMIT) --build-arg DATE=$(DATE) -t $(IMAGE) .

clean: ## remove bin/ and dist/
	rm -rf bin dist
