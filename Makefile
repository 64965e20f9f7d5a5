# Hồ sơ Khuyến công – build, run and test.
# The two commands a new user needs on a fresh Debian/Ubuntu machine:
#   make run    installs what the app needs (Debian packages), builds and starts the desktop app
#   make test   installs what the tests need and runs the whole test suite
# Build flags are the same everywhere (no -trimpath, no custom CGO_CFLAGS) so the Go cache stays warm.

GO       ?= go
VERSION  := $(shell cat assets/VERSION)
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN      := bin

# Debian packages: to build the Fyne app (GLFW/X11 headers), and for the tests (PDF and
# spreadsheet readers, the Times-metric font, a virtual X server for screenshots).
APP_DEBS  := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
TEST_DEBS := $(APP_DEBS) poppler-utils qpdf fonts-liberation2 libreoffice-calc-nogui xvfb xauth imagemagick
WIN_DEBS  := gcc-mingw-w64-x86-64 msitools zip

.PHONY: all run test build build-hoso lint vet bench screenshots deps deps-test deps-windows windows clean fmt fuzz

all: build

# deps-*: install only the Debian packages that dpkg says are missing.
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Cài đặt gói Debian còn thiếu:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

deps:
	$(call apt_install,$(APP_DEBS))
	$(GO) mod download

deps-test:
	$(call apt_install,$(TEST_DEBS))
	$(GO) mod download

deps-windows:
	$(call apt_install,$(WIN_DEBS))

run: deps
	$(GO) run ./cmd/khuyencong

build: deps
	mkdir -p $(BIN)
	$(GO) build -o $(BIN)/khuyencong ./cmd/khuyencong
	CGO_ENABLED=0 $(GO) build -o $(BIN)/hoso ./cmd/hoso

build-hoso:
	mkdir -p $(BIN)
	CGO_ENABLED=0 $(GO) build -o $(BIN)/hoso ./cmd/hoso

# The whole suite: vet, the domain and renderers without cgo, then everything (UI with Fyne's
# test driver, -tags ci: no GL needed).
test: deps-test
	$(GO) vet ./...
	CGO_ENABLED=0 $(GO) build ./cmd/hoso
	$(GO) test -tags ci -count=1 ./...

vet:
	$(GO) vet ./...

lint: vet
	@test -z "$$(gofmt -l cmd ui forms templates assets)" || { echo "gofmt needed:"; gofmt -l cmd ui forms templates assets; exit 1; }
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

fmt:
	gofmt -w cmd ui forms templates assets

fuzz:
	$(GO) test ./forms -run '^$$' -fuzz FuzzParseMoney -fuzztime 20s
	$(GO) test ./forms -run '^$$' -fuzz FuzzAmountInWords -fuzztime 20s
	$(GO) test ./forms -run '^$$' -fuzz FuzzComputeBudget -fuzztime 20s
	$(GO) test ./forms -run '^$$' -fuzz FuzzDecodeApplication -fuzztime 20s

bench: deps-test
	$(GO) test -run '^$$' -bench . -benchmem ./forms/... ./templates/... 

# Screenshots of the real app under Xvfb with sample data: make screenshots OUT=docs/images
OUT ?= screenshots
screenshots: deps-test
	mkdir -p $(OUT)
	xvfb-run -a -s "-screen 0 1280x800x24" $(GO) run ./cmd/khuyencong --screenshots $(OUT)

clean:
	rm -rf $(BIN) dist
