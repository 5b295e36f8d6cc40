# patnav — see README.md.
GO      ?= go
BIN     := bin/patnav
DEMO    := out/demo
FUZZTIME ?= 30s

.PHONY: all build test vet lint demo bench fuzz clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/patnav

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || (echo "gofmt needed:"; gofmt -l .; exit 1)

# staticcheck (installed into GOPATH/bin from the module proxy when missing). Not part of `make
# test`: on the 2-core machine it takes minutes (install ~4 min, a run ~6 min) and would take
# `make test` past its budget; run it before landing a change.
STATICCHECK ?= $(shell $(GO) env GOPATH)/bin/staticcheck
lint: vet
	@test -x $(STATICCHECK) || $(GO) install honnef.co/go/tools/cmd/staticcheck@2026.2.2
	$(STATICCHECK) ./...

# The test command (README, .ci/run). Real-data tests skip when ../shared/data/real is absent.
test: vet
	$(GO) test -count=1 -timeout 20m ./...

# The demo: a generated drone-industry corpus (Lens CSV + GBK CNIPA CSV, and declaration lists of
# standard-essential patents of the same world in the ETSI and dSEP layouts) in the inbox, then the
# whole nightly job on the bundled config (data/navigation.yaml) into out/demo.
demo: build
	rm -rf $(DEMO)
	$(BIN) synth --form lens --families 20000 --seed 7 --out $(DEMO)/inbox/uav_lens.csv
	$(BIN) synth --form cnipa --families 20000 --seed 7 --encoding gbk --out $(DEMO)/inbox/uav_cnipa_gbk.csv
	$(BIN) synth --form sep-etsi --families 20000 --seed 7 --out $(DEMO)/inbox/uav_sep_etsi.csv
	$(BIN) synth --form sep-dsep --families 20000 --seed 7 --out $(DEMO)/inbox/uav_sep_dsep.csv
	$(BIN) run -c data/navigation.yaml
	@echo "bundle: $(DEMO)/reports/latest/index.html"

# Benchmarks: ingest ladder against DuckDB's read_csv + COPY on the same files, readers, norm;
# the scale ladder (cmd/patnav BenchmarkScale): patnav ingest + landscape on the 300k-family file
# against the analyst's notebook (../shared/bench/notebook.py, skipped without it or without
# pandas/scikit-learn), then 100k and 1M families (10M with PATNAV_BENCH_10M=1, ~20 GB of disk),
# time and peak RSS of each, alternating runs.
bench:
	$(GO) test -run XXX -bench Scale -benchtime 2x -timeout 180m ./cmd/patnav/
	$(GO) test -run XXX -bench IngestLens -benchtime 3x -timeout 60m ./ingest/
	$(GO) test -run XXX -bench IngestUSPTO -benchtime 1x -timeout 60m ./ingest/
	$(GO) test -run XXX -bench '^BenchmarkRead$$' -benchtime 3x -timeout 60m ./ingest/lens/ ./ingest/derwent/ ./ingest/espacenet/ ./ingest/patentscope/
	$(GO) test -run XXX -bench . -benchtime 1x -timeout 60m ./landscape/
	$(GO) test -run XXX -bench . -benchmem ./internal/norm/ ./internal/applicant/ ./internal/geo/
	$(GO) test -run XXX -bench KeywordHits -benchtime 5x ./analysis/

# Fuzz every reader and parser for FUZZTIME each (keep it at 10s or more: the XLSX reader's
# baseline alone takes seconds, and a budget that ends inside it is reported as a failure).
# Minimising each new interesting input may take FUZZMINIMIZE at most (go's default, 60s, let the
# XML targets spend their whole budget minimising: ~19 inputs in 10s). `make test` already runs
# every fuzz target on its seed corpus (each target adds seeds), as plain `go test` does.
FUZZMINIMIZE ?= 1s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list 'Fuzz.*' $$pkg 2>/dev/null | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test -run XXX -fuzz "^$$f$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) $$pkg || exit 1; \
	  done; \
	done

clean:
	rm -rf bin out
