# frameio-go: see README.md.
GO      ?= go
CODEGEN  = $(GO) run github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen

# make spec inputs (see api/NOTES.md):
#   DOCS=path   the Frame.io docs text, flattened or per-page markdown (default: the seed docs)
#   SPEC=path   an OpenAPI document instead (JSON or YAML, 3.0 or 3.1), e.g. the published openapi.json
#   OUT=path    where the document goes (default api/frameio.yaml; elsewhere leaves api/ untouched)
#   ADDITIONS=  the folder merged over the input: api/published when OUT is api/frameio.yaml,
#               nothing otherwise (so OUT=/tmp/x.yaml holds exactly the input's operations)
DOCS      ?= ../shared/seeds/003_ca67f33d460f59c7.txt
SPEC      ?=
OUT       ?= api/frameio.yaml
REPORT    ?= $(basename $(OUT)).decisions.txt
ADDITIONS ?= $(if $(filter api/frameio.yaml,$(OUT)),api/published,)
INPUT      = $(if $(SPEC),-spec $(SPEC),-docs $(DOCS))

.PHONY: all regen spec generate test check vet drift example

all: check

## regen: rebuild api/ from the docs (DOCS=...) and gen/ from api/, in one go.
regen: spec generate

## spec: rebuild api/frameio.yaml from the docs (DOCS=) or an OpenAPI document (SPEC=), see above.
spec:
	$(GO) run ./internal/cmd/specbuild $(INPUT) -api v4 -additions '$(ADDITIONS)' -out $(OUT) -report $(REPORT)

## generate: api/frameio.yaml -> api/frameio.codegen.yaml -> gen/ (models and request builders),
## frameiotest/internal/server (the test server's interface), the frameio services and unions.
## The oapi-codegen templates it overrides are in internal/oapi-codegen.
generate:
	$(GO) run ./internal/cmd/specfix -in api/frameio.yaml -out api/frameio.codegen.yaml
	$(CODEGEN) -config oapi-codegen.yaml api/frameio.codegen.yaml
	$(CODEGEN) -config oapi-codegen.server.yaml api/frameio.codegen.yaml
	$(GO) run ./internal/cmd/gensdk

## test: the README's test command.
test:
	$(GO) test -race ./...

vet:
	$(GO) vet ./...

## drift: fail when regenerating gen/ from api/ changes anything.
drift:
	$(GO) test -run 'TestGeneratedCodeUpToDate|TestC2CGeneratedCodeUpToDate' ./internal/contract/

## check: vet, tests with -race (including the drift and spec-contract tests).
check: vet test

example:
	$(GO) run ./examples/quickstart

## The Camera-to-Cloud document: `make spec` and `make generate` (so `make regen`) run these too.
## spec-c2c: the docs' 16 C2C fragments -> api/c2c.yaml.
## generate-c2c: api/c2c.yaml -> api/c2c.codegen.yaml (internal/specfix C2C steps) -> gen/c2c.
.PHONY: spec-c2c generate-c2c example-c2c
spec: spec-c2c
generate: generate-c2c

spec-c2c:
	$(GO) run ./internal/cmd/specbuild -docs $(DOCS) -api c2c -out api/c2c.yaml -report api/c2c.decisions.txt

generate-c2c:
	$(GO) run ./internal/cmd/specfix -api c2c -in api/c2c.yaml -out api/c2c.codegen.yaml
	$(CODEGEN) -config oapi-codegen.c2c.yaml api/c2c.codegen.yaml

example-c2c:
	$(GO) run ./examples/c2cdevice
