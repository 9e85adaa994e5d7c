# pamphlet: `make` installs what is missing, builds, and renders every edition;
# `make test` builds and runs every test. See README.md.

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= gcc

ifeq ($(SANITIZE),1)
BUILD   ?= build/sanitize
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
else
BUILD   ?= build
SANFLAGS =
endif

PKGS    := cairo cairo-pdf cairo-png harfbuzz fontconfig freetype2 glib-2.0 gthread-2.0 \
           yaml-0.1 libcmark-gfm libpng zlib
VERSION := 0.1.0
DATADIR := $(PREFIX)/share/pamphlet

# -O3: the line breaker and paragraph builder gain about 1.5 ms of a booklet over -O2 (50
# interleaved runs), with the same PDF bytes.
CFLAGS  ?= -O3 -g
WARN    := -Wall -Wextra -Werror -Wno-unused-parameter -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wformat=2
CPPFLAGS_ALL = -std=gnu11 -Ilayout -DPM_VERSION='"$(VERSION)"' -DPM_DATADIR='"$(DATADIR)"' \
           -DG_LOG_DOMAIN='"pamphlet"' $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# Libraries only pamphlet uses are linked in from Debian's static archives (its -dev packages
# have them): each shared library costs every run time to load, and the shared libcairo
# brings the X11 and xcb libraries, unused here (the archive's X objects are left out).
# HarfBuzz, FreeType and GLib stay shared: HarfBuzz has no archive and needs the other two.
STATIC_LIBS := -lcairo -lpixman-1 -lfontconfig -lexpat -lyaml -lcmark-gfm-extensions \
               -lcmark-gfm -lhyphen
# cairo's one call to deflateInit goes to layout/output/pm-deflate.c, which sets the level;
# --undefined takes that object from libpamphlet.a before cairo's archive asks for it.
WRAP    := -Wl,--wrap=deflateInit_ -Wl,--undefined=__wrap_deflateInit_
LIBS    = $(WRAP) -Wl,-Bstatic $(STATIC_LIBS) -Wl,-Bdynamic \
          $(filter-out $(STATIC_LIBS),$(shell pkg-config --libs $(PKGS) 2>/dev/null)) -lm
ALL_CFLAGS = $(CPPFLAGS_ALL) $(WARN) $(CFLAGS) $(SANFLAGS) -MMD -MP
ALL_LDFLAGS = $(LDFLAGS) $(SANFLAGS)

LIB_SRC  := $(sort $(wildcard layout/*/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
MAIN_OBJ := $(BUILD)/obj/layout/main.o
TEST_SRC := $(sort $(wildcard tests/unit/test-*.c))
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TEST_SUPPORT := $(patsubst %.c,$(BUILD)/obj/%.o,$(sort $(wildcard tests/unit/pm-test*.c)))
BENCH_SRC := $(sort $(wildcard tests/bench/bench-*.c))
BENCH_SUPPORT := $(patsubst %.c,$(BUILD)/obj/%.o,$(sort $(wildcard tests/bench/pm-bench*.c)))
BENCH_BIN := $(BENCH_SRC:tests/bench/%.c=$(BUILD)/bench/%)
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz-*.c))

DEPS_STAMP := build/.deps-installed

# Every hyphenation dictionary pamphlet may load, precompiled (layout/paragraph/pm-hyphen.c):
# the project's and Debian's. A dictionary changed later is parsed again at run time.
HYPHEN_DICS  := $(sort $(wildcard hyphen/*.dic) $(wildcard /usr/share/hyphen/*.dic))
HYPHEN_STAMP := $(BUILD)/hyphen/.compiled

# V=1 shows every command.
ifeq ($(V),1)
Q =
else
Q = @
endif

.SECONDARY:
.PHONY: all deps pamphlet editions test check-tests bench lint fuzz install clean FORCE
.DEFAULT_GOAL := all

all: pamphlet editions

deps: $(DEPS_STAMP)
$(DEPS_STAMP): tools/debian-packages.txt tools/install-deps.sh
	@mkdir -p $(@D)
	@tools/install-deps.sh
	@touch $@

pamphlet: $(DEPS_STAMP)
	@$(MAKE) --no-print-directory $(BUILD)/pamphlet $(HYPHEN_STAMP)

$(BUILD)/pamphlet: $(MAIN_OBJ) $(BUILD)/libpamphlet.a
	$(Q)$(CC) -o $@ $^ $(ALL_LDFLAGS) $(LIBS)

$(BUILD)/libpamphlet.a: $(LIB_OBJ)
	@rm -f $@
	$(Q)ar rcs $@ $^

# PM_DATADIR is compiled into pm-data.o: a stamp holding it rebuilds that object when
# PREFIX changes (make install PREFIX=...).
$(BUILD)/datadir.stamp: FORCE
	@mkdir -p $(@D)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' >$@
$(BUILD)/obj/layout/base/pm-data.o: $(BUILD)/datadir.stamp
FORCE:

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: $(BUILD)/obj/tests/unit/%.o $(TEST_SUPPORT) $(BUILD)/libpamphlet.a
	@mkdir -p $(@D)
	$(Q)$(CC) -o $@ $^ $(ALL_LDFLAGS) $(LIBS)

$(BUILD)/hyphen-compile: $(BUILD)/obj/tools/hyphen-compile.o $(BUILD)/libpamphlet.a
	$(Q)$(CC) -o $@ $^ $(ALL_LDFLAGS) $(LIBS)

$(HYPHEN_STAMP): $(HYPHEN_DICS) $(BUILD)/hyphen-compile
	@rm -rf $(@D) && mkdir -p $(@D)
	@# libhyphen's parser loses a few strings (tests/lsan.supp): no leak check here.
	$(Q)ASAN_OPTIONS=detect_leaks=0 $(BUILD)/hyphen-compile $(@D) $(HYPHEN_DICS)
	@touch $@

$(BUILD)/bench/%: $(BUILD)/obj/tests/bench/%.o $(BENCH_SUPPORT) $(BUILD)/libpamphlet.a
	@mkdir -p $(@D)
	$(Q)$(CC) -o $@ $^ $(ALL_LDFLAGS) $(LIBS)

# Every edition named in the manifest, into build/editions/.
editions: pamphlet
	@if [ -f corpus/editions.yaml ]; then $(BUILD)/pamphlet editions corpus/editions.yaml; fi

test: $(DEPS_STAMP)
	@$(MAKE) --no-print-directory $(BUILD)/pamphlet $(HYPHEN_STAMP) $(TEST_BIN)
	@BUILD=$(BUILD) tests/run.sh

# Benchmarks: medians of repeated runs and peak memory (tests/bench.sh).
bench: pamphlet
	@$(MAKE) --no-print-directory $(BENCH_BIN)
	@BUILD=$(BUILD) tests/bench.sh

# clang-format and cppcheck (tools/lint.sh), then every C source through clang -Werror:
# the fuzz targets build with clang, which warns where gcc does not.
lint:
	@tools/install-deps.sh "cppcheck clang-format clang"
	@status=0; tools/lint.sh || status=1; \
	echo "clang -Werror: syntax and warnings"; \
	for f in $$(git ls-files 'layout/*.c' 'tests/*.c'); do \
	  clang -fsyntax-only $(CPPFLAGS_ALL) $(WARN) -Itests/unit $$f || status=1; \
	done; \
	[ $$status -eq 0 ] && echo "lint: clean (with clang)"; exit $$status

# libFuzzer targets, built with clang; each runs FUZZ_SECONDS (default 60). A crash, a leak
# (tests/lsan.supp lists those inside libraries) or a hang fails the target; the input
# that did it is kept as build/fuzz/artifacts/TARGET-*.
FUZZ_SECONDS ?= 60
fuzz: $(DEPS_STAMP)
	@tools/install-deps.sh "clang libclang-rt-14-dev"
	@$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang \
	  CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" build/fuzz/libpamphlet.a
	@mkdir -p build/fuzz/artifacts; failed=""; \
	for f in $(FUZZ_SRC); do \
	  n=$$(basename $$f .c); \
	  clang $(CPPFLAGS_ALL) $(WARN) -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	    -o build/fuzz/$$n $$f build/fuzz/libpamphlet.a $(LIBS) || exit 1; \
	  mkdir -p build/fuzz/corpus-$$n; \
	  echo "fuzzing $$n for $(FUZZ_SECONDS) s"; \
	  if G_SLICE=always-malloc LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	    build/fuzz/$$n -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	    -artifact_prefix=build/fuzz/artifacts/$$n- build/fuzz/corpus-$$n tests/fuzz/seeds \
	    >build/fuzz/$$n.log 2>&1; then \
	    grep '^Done' build/fuzz/$$n.log; \
	  else \
	    grep -v '^"' build/fuzz/$$n.log | tail -30; failed="$$failed $$n"; \
	  fi; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz: FAILED:$$failed (logs in build/fuzz/)"; exit 1; fi; \
	echo "fuzz: every target ran clean"

install: pamphlet
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR) $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/pamphlet $(DESTDIR)$(PREFIX)/bin/pamphlet
	cp -R styles fonts hyphen $(DESTDIR)$(DATADIR)/
	install -d $(DESTDIR)$(DATADIR)/hyphen/compiled
	install -m 644 $(BUILD)/hyphen/*.pmh $(DESTDIR)$(DATADIR)/hyphen/compiled/
	install -m 644 doc/pamphlet.1 $(DESTDIR)$(PREFIX)/share/man/man1/pamphlet.1

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(BUILD)/obj/tools/hyphen-compile.d $(TEST_SRC:tests/unit/%.c=$(BUILD)/obj/tests/unit/%.d) \
  $(TEST_SUPPORT:.o=.d) $(BENCH_SUPPORT:.o=.d) $(BENCH_SRC:tests/bench/%.c=$(BUILD)/obj/tests/bench/%.d)
