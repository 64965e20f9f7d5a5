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
# spreadsheet readers, the Times-metric font, a virtual X server for screenshots, PostgreSQL whose
# tests start a throwaway cluster of their own).
APP_DEBS  := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
TEST_DEBS := $(APP_DEBS) poppler-utils qpdf fonts-liberation2 libreoffice-calc-nogui libreoffice-writer-nogui xvfb xauth imagemagick postgresql
WIN_DEBS  := gcc-mingw-w64-x86-64 msitools wixl zip osslsigncode

.PHONY: go-check all run test build build-hoso lint vet race bench screenshots deps deps-test deps-windows deps-wine windows windows-check windows-typing-check linux-package clean fmt fuzz

all: build

# deps-*: install only the Debian packages that dpkg says are missing.
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Cài đặt gói Debian còn thiếu:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

# go-check: Go 1.21 or newer is needed (it then fetches the toolchain go.mod names through the module
# proxy). Installs the distribution's golang-go when no Go is found (Ubuntu 24.04 ships 1.22).
go-check:
	@command -v $(GO) >/dev/null 2>&1 || { echo "Chưa có Go: cài golang-go"; $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq golang-go; }
	@v=$$(GOTOOLCHAIN=local $(GO) env GOVERSION 2>/dev/null | sed 's/^go//'); \
	case "$$v" in 1.1[0-9]*|1.20*|"") echo "Cần Go 1.21 trở lên (đang có: $${v:-không rõ}). Hãy cài bản Go chính thức rồi chạy lại. / Install Go 1.21 or newer, then run again."; exit 1;; esac

deps: go-check
	$(call apt_install,$(APP_DEBS))
	$(GO) mod download

deps-test: go-check
	$(call apt_install,$(TEST_DEBS))
	$(GO) mod download

deps-windows:
	$(call apt_install,$(WIN_DEBS))

# The desktop app is built without Fyne's colour-emoji font (no_emoji): 4 MB smaller, 12 MB less
# memory (docs/performance-ui.md); dossiers have no emoji.
APP_TAGS := no_emoji

run: deps
	$(GO) run -tags $(APP_TAGS) ./cmd/khuyencong

build: deps
	mkdir -p $(BIN)
	$(GO) build -tags $(APP_TAGS) -o $(BIN)/khuyencong ./cmd/khuyencong
	CGO_ENABLED=0 $(GO) build -o $(BIN)/hoso ./cmd/hoso

build-hoso:
	mkdir -p $(BIN)
	CGO_ENABLED=0 $(GO) build -o $(BIN)/hoso ./cmd/hoso

# The whole suite: vet, the domain and renderers without cgo, then everything (UI with Fyne's
# test driver, -tags ci: no GL needed).
# CI=true: a test whose peer tool (poppler, qpdf, LibreOffice, wine, PostgreSQL) is missing fails
# instead of skipping.
test: deps-test
	$(GO) vet ./...
	CGO_ENABLED=0 $(GO) build -o /dev/null ./cmd/hoso
	CI=true $(GO) test -tags ci -count=1 ./...

vet:
	$(GO) vet ./...

lint: vet
	@test -z "$$(gofmt -l cmd ui forms templates assets)" || { echo "gofmt needed:"; gofmt -l cmd ui forms templates assets; exit 1; }
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

fmt:
	gofmt -w cmd ui forms templates assets

# fuzz: every fuzz target of the project (found by grep, so a new one is included), FUZZTIME each.
# CI runs it short (FUZZTIME=5s).
FUZZTIME ?= 20s
fuzz:
	@set -e; for file in $$(grep -rl --include='*_test.go' '^func Fuzz' cmd forms templates ui); do \
		for fn in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$file); do \
			echo "$$fn (./$$(dirname $$file), $(FUZZTIME))"; \
			$(GO) test ./$$(dirname $$file) -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME); \
		done; \
	done

# race: the race detector on the packages with goroutines (store, hand-off, export, the app).
race:
	$(GO) test -race -tags ci -count=1 ./forms/boltstore ./forms/handoff ./templates/export ./ui

# Performance report: Go benchmarks, whole-process render time and memory, scaling with the number of
# budget lines, store, app start, LibreOffice for comparison. Writes docs/performance.md.
bench: deps-test
	$(GO) run ./cmd/benchreport -o docs/performance.md

# Screenshots of the real app under Xvfb with sample data: make screenshots OUT=docs/images
OUT ?= screenshots
screenshots: deps-test
	mkdir -p $(OUT)
	xvfb-run -a -s "-screen 0 1280x800x24" $(GO) run -tags $(APP_TAGS) ./cmd/khuyencong --screenshots $(OUT)

clean:
	rm -rf $(BIN) dist

# ---------------------------------------------------------------------------------------------------
# Releases. The version is written once, in FyneApp.toml; assets/VERSION carries the same number
# (assets_test.go fails when they differ). Name, ID and Build come from FyneApp.toml too.
fyneapp    = $(shell sed -n 's/^$(1) *= *"\{0,1\}\([^"]*\)"\{0,1\} *$$/\1/p' FyneApp.toml)
APP_NAME  := $(call fyneapp,Name)
APP_ID    := $(call fyneapp,ID)
APP_BUILD := $(call fyneapp,Build)
APP_EXE   := HosoKhuyenCong
# Release binaries: no symbol table or DWARF (a third smaller; panics still print stack traces) and
# the version for the About screen. Linker flags only: the package cache stays the same as make build.
RELEASE_LDFLAGS := -s -w -X main.version=$(VERSION)

# Windows, cross-built on Linux: dist/windows/ gets HosoKhuyenCong.exe (GUI, cgo with mingw-w64),
# hoso.exe (console, no cgo), a per-user MSI (wixl) and a portable zip. Icon, version information and
# the manifest (DPI aware) are compiled in by go-winres as .syso files that exist only during the build.
# Signing: set SIGN_CERT (.p12/.pfx) and SIGN_PASSWORD (and optionally SIGN_TIMESTAMP_URL).
WIN_DIR    := dist/windows
WIN_WORK   := dist/.work/windows
WIN_STAGE  := $(WIN_WORK)/$(APP_EXE)-$(VERSION)
WIN_MSI    := $(WIN_DIR)/$(APP_EXE)-$(VERSION)-windows-x64.msi
WIN_ZIP    := $(WIN_DIR)/$(APP_EXE)-$(VERSION)-windows-portable.zip
WIN_SYSO   := cmd/khuyencong/rsrc_windows_amd64.syso cmd/hoso/rsrc_windows_amd64.syso
GO_WINRES  := $(GO) run github.com/tc-hib/go-winres@v0.3.3
WIN_SUBST   = sed -e 's|@NAME@|$(APP_NAME)|g' -e 's|@ID@|$(APP_ID)|g' -e 's|@VERSION@|$(VERSION)|g' \
                  -e 's|@FILEVERSION@|$(VERSION).$(APP_BUILD)|g' -e 's|@ICON@|icon.png|g'

# sign_in_place FILE: Authenticode signature (SHA-256) with osslsigncode when SIGN_CERT is set; the
# password goes through a pipe, not the command line.
define sign_in_place
	@if [ -n "$$SIGN_CERT" ]; then \
		echo "Ký số $(1)"; \
		printf '%s' "$$SIGN_PASSWORD" | osslsigncode sign -pkcs12 "$$SIGN_CERT" -readpass /dev/stdin -h sha256 \
			-n $(APP_EXE) \
			$${SIGN_TIMESTAMP_URL:+-ts "$$SIGN_TIMESTAMP_URL"} -in $(1) -out $(1).signed >/dev/null \
		&& mv $(1).signed $(1) || { rm -f $(1).signed; echo "Ký số $(1) thất bại: kiểm tra SIGN_CERT, SIGN_PASSWORD, SIGN_TIMESTAMP_URL"; exit 1; }; \
	fi
endef

windows: deps-windows
	rm -rf $(WIN_DIR) $(WIN_WORK) && mkdir -p $(WIN_DIR) $(WIN_STAGE)
	cp assets/icon.png $(WIN_WORK)/icon.png
	$(WIN_SUBST) -e 's|@EXE@|$(APP_EXE).exe|g' assets/windows/winres.json.in > $(WIN_WORK)/winres-gui.json
	$(WIN_SUBST) -e 's|@EXE@|hoso.exe|g' assets/windows/winres.json.in > $(WIN_WORK)/winres-cli.json
	@set -e; trap 'rm -f $(WIN_SYSO)' EXIT; \
	$(GO_WINRES) make --in $(WIN_WORK)/winres-gui.json --arch amd64 --out cmd/khuyencong/rsrc; \
	$(GO_WINRES) make --in $(WIN_WORK)/winres-cli.json --arch amd64 --out cmd/hoso/rsrc; \
	echo "go build HosoKhuyenCong.exe (cgo, mingw-w64; lần đầu khoảng 7 phút)"; \
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		$(GO) build -tags $(APP_TAGS) -ldflags "$(RELEASE_LDFLAGS) -H=windowsgui" -o $(WIN_DIR)/$(APP_EXE).exe ./cmd/khuyencong; \
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) build -ldflags "$(RELEASE_LDFLAGS)" -o $(WIN_DIR)/hoso.exe ./cmd/hoso
	$(call sign_in_place,$(WIN_DIR)/$(APP_EXE).exe)
	$(call sign_in_place,$(WIN_DIR)/hoso.exe)
	cp $(WIN_DIR)/$(APP_EXE).exe $(WIN_DIR)/hoso.exe $(WIN_STAGE)/
	{ printf '\357\273\277'; sed -e 's|@VERSION@|$(VERSION)|g' -e 's|$$|\r|' assets/windows/DOC-TRUOC.txt.in; } > $(WIN_STAGE)/DOC-TRUOC.txt
	@# The installer's icon (Start menu, Apps & features) is the one compiled into the exe, as an .ico.
	$(GO_WINRES) extract --dir $(WIN_WORK)/res $(WIN_DIR)/$(APP_EXE).exe
	$(WIN_SUBST) -e 's|@BINDIR@|$(WIN_STAGE)|g' -e 's|@ICOFILE@|$(WIN_WORK)/res/APP_0000.ico|g' \
		assets/windows/$(APP_EXE).wxs.in > $(WIN_WORK)/$(APP_EXE).wxs
	@# wixl stores table strings in the build machine's ANSI code page (WINDOWS_LANGUAGE=vi: 1258); the
	@# _ForceCodepage import then rewrites the database in UTF-8 (65001), WiX's own default, so Windows
	@# shows "Hồ sơ Khuyến công" in NFC whatever the user's system code page.
	WINDOWS_LANGUAGE=vi wixl -a x64 -o $(WIN_MSI) $(WIN_WORK)/$(APP_EXE).wxs
	printf '\r\n\r\n65001\t_ForceCodepage\r\n' > $(WIN_WORK)/_ForceCodepage.idt
	WINDOWS_LANGUAGE=vi msibuild $(WIN_MSI) -i $(WIN_WORK)/_ForceCodepage.idt
	$(call sign_in_place,$(WIN_MSI))
	rm -f $(WIN_ZIP) && cd $(WIN_WORK) && zip -q -r -X $(CURDIR)/$(WIN_ZIP) $(APP_EXE)-$(VERSION)
	@ls -l $(WIN_DIR)
	@[ -n "$$SIGN_CERT" ] || echo "Chưa ký số (unsigned): đặt SIGN_CERT=tệp.p12 và SIGN_PASSWORD=... để ký các tệp .exe và .msi."

# wine runs the console hoso.exe in windows-check (optional: 30 s, 105 MB).
deps-wine:
	$(call apt_install,wine64)

# Checks the Windows artefacts: PE kind and subsystem, icon and version resources, MSI tables and
# shortcut, the zip, signatures when signed (SIGN_CA: CA file for a self-signed test certificate);
# runs hoso.exe under wine when wine is installed (Debian: apt-get install wine64, 105 MB).
windows-check: deps-windows
	WINEPREFIX=$(CURDIR)/dist/.work/wineprefix $(GO) run ./cmd/checkdist -dir $(WIN_DIR) -version $(VERSION) \
		-name "$(APP_NAME)" $(if $(SIGN_CA),-ca $(SIGN_CA))

# Vietnamese typing in the real GUI exe under wine and Xvfb: cmd/typingcheck replays how Unikey,
# EVKey and OpenKey type (VK_BACK key events, U+0008 as a character, posted WM_CHAR, U+202F
# prefix, clipboard + Shift+Insert; Telex, VNI, capitals) and reads the field back. It also runs the
# app without its typing hook, where the character-backspace variants must come out wrong.
TYPING_WORK := dist/.work/typingcheck
windows-typing-check: deps-windows deps-wine
	$(call apt_install,xvfb xauth)
	@[ -f $(WIN_DIR)/$(APP_EXE).exe ] || $(MAKE) windows
	mkdir -p $(TYPING_WORK)
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) build -o $(TYPING_WORK)/typingcheck.exe ./cmd/typingcheck
	xvfb-run -a -s "-screen 0 1280x800x24" $(GO) run ./cmd/typingcheck -exe $(WIN_DIR)/$(APP_EXE).exe \
		-replayer $(TYPING_WORK)/typingcheck.exe -prefix $(CURDIR)/dist/.work/wineprefix

# Linux: a tarball in fyne's layout (usr/local/bin, share/applications, share/icons/hicolor) with a
# Makefile inside: tar xf X.tar.xz && cd X && sudo make install (or make user-install, no root).
LINUX_PKG  := $(APP_EXE)-$(VERSION)-linux-amd64
LINUX_ROOT := dist/.work/linux/$(LINUX_PKG)
linux-package: deps
	rm -rf dist/.work/linux && mkdir -p $(LINUX_ROOT)/usr/local/share/applications dist/linux
	$(GO) build -tags $(APP_TAGS) -ldflags "$(RELEASE_LDFLAGS)" -o $(LINUX_ROOT)/usr/local/bin/khuyencong ./cmd/khuyencong
	CGO_ENABLED=0 $(GO) build -ldflags "$(RELEASE_LDFLAGS)" -o $(LINUX_ROOT)/usr/local/bin/hoso ./cmd/hoso
	install -D -m 644 assets/icon.png $(LINUX_ROOT)/usr/local/share/icons/hicolor/512x512/apps/$(APP_ID).png
	sed -e 's|@NAME@|$(APP_NAME)|g' -e 's|@ID@|$(APP_ID)|g' -e 's|@VERSION@|$(VERSION)|g' \
		assets/linux/app.desktop.in > $(LINUX_ROOT)/usr/local/share/applications/$(APP_ID).desktop
	sed -e 's|@ID@|$(APP_ID)|g' assets/linux/install.mk > $(LINUX_ROOT)/Makefile
	tar -C dist/.work/linux -cJf dist/linux/$(LINUX_PKG).tar.xz --owner=0 --group=0 $(LINUX_PKG)
	@ls -l dist/linux
