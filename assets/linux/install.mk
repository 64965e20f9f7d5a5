# Cài đặt Hồ sơ Khuyến công trên Linux.
#   sudo make install        cho mọi người dùng (/usr/local)
#   make user-install        chỉ cho bạn, không cần quyền root (~/.local)
#   sudo make uninstall  /   make user-uninstall
PREFIX ?= /usr/local
USERPREFIX := $(HOME)/.local
ID := @ID@

install:
	install -D -m 755 usr/local/bin/khuyencong $(DESTDIR)$(PREFIX)/bin/khuyencong
	install -D -m 755 usr/local/bin/hoso $(DESTDIR)$(PREFIX)/bin/hoso
	install -D -m 644 usr/local/share/icons/hicolor/512x512/apps/$(ID).png $(DESTDIR)$(PREFIX)/share/icons/hicolor/512x512/apps/$(ID).png
	install -D -m 644 usr/local/share/applications/$(ID).desktop $(DESTDIR)$(PREFIX)/share/applications/$(ID).desktop
	-gtk-update-icon-cache -q $(DESTDIR)$(PREFIX)/share/icons/hicolor 2>/dev/null

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/khuyencong $(DESTDIR)$(PREFIX)/bin/hoso \
		$(DESTDIR)$(PREFIX)/share/icons/hicolor/512x512/apps/$(ID).png \
		$(DESTDIR)$(PREFIX)/share/applications/$(ID).desktop

user-install:
	install -D -m 755 usr/local/bin/khuyencong $(USERPREFIX)/bin/khuyencong
	install -D -m 755 usr/local/bin/hoso $(USERPREFIX)/bin/hoso
	install -D -m 644 usr/local/share/icons/hicolor/512x512/apps/$(ID).png $(USERPREFIX)/share/icons/hicolor/512x512/apps/$(ID).png
	mkdir -p $(USERPREFIX)/share/applications
	sed 's|^Exec=khuyencong|Exec=$(USERPREFIX)/bin/khuyencong|' usr/local/share/applications/$(ID).desktop \
		> $(USERPREFIX)/share/applications/$(ID).desktop

user-uninstall:
	$(MAKE) uninstall DESTDIR= PREFIX=$(USERPREFIX)

.PHONY: install uninstall user-install user-uninstall
