# SPDX-License-Identifier: GPL-2.0-only
# ptsync: find and convert raw pgd/p4d_populate() calls on init_mm.
#
#   make                  build ptsync
#   make run [KDIR=...] [M=dir]  install what ptsync needs, ptsync check a tree
#   make check            install what the tests need, run every test
#                         (ends with "N passed, N failed")
#   make check SANITIZE=1 the same with ptsync built with ASan and UBSan
#   make fuzz [FUZZ_SECONDS=N]  run each libFuzzer harness N seconds
#   make check-fresh      make run and make check on a fresh Debian 12 root
#   make install [PREFIX=/usr/local] [DESTDIR=]  ptsync, its semantic
#                         patch, man page and bash completion
#   make uninstall [PREFIX=/usr/local] [DESTDIR=]
#   make install-cocci KDIR=...  copy the semantic patches into a kernel tree
#   make coccicheck KDIR=... MODE=report|patch|context|org|json [M=dir]
#   make deps             install the Debian packages ptsync needs to run

COCCI_FILES := $(wildcard semantic-patches/*.cocci)
PREFIX ?= /usr/local
DESTDIR ?=
bindir := $(PREFIX)/bin
# ptsync looks for its semantic patch in ../share/ptsync beside itself.
datadir := $(PREFIX)/share/ptsync
man1dir := $(PREFIX)/share/man/man1
# Where bash-completion loads completions from on demand.
bashcompdir := $(PREFIX)/share/bash-completion/completions
MODE ?= report
# The kernel's coccicheck starts spatch through sh, which runs python3;
# Debian's interpreter is the one spatch was built against.
SPATCH_PATH := /usr/bin:$(PATH)

CC ?= cc
CFLAGS ?= -O2 -g
CFLAGS += -std=gnu11 -Wall -Wextra -Wno-unused-parameter -I. \
	  $(shell pkg-config --cflags jansson 2>/dev/null)
LDLIBS += $(shell pkg-config --libs jansson 2>/dev/null || echo -ljansson) -lpthread

# The folders of the layer order (README, "Layout"), lowest first; the
# order table lives in scripts/layers, which also checks the includes.
LAYERS := $(shell scripts/layers --list)
MODULES := $(sort $(foreach d,$(LAYERS),$(wildcard $(d)/*.c)))

# SANITIZE=1: ASan and UBSan, objects in their own directory; ptsync and
# the unit tests are relinked whenever the flavour changes, so the tests
# always run what was built last.
ifneq ($(SANITIZE),)
BUILD := build-san
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all \
	     -fno-omit-frame-pointer
CFLAGS += $(SAN_FLAGS)
LDLIBS += $(SAN_FLAGS)
FLAVOUR := sanitize
else
BUILD := build
FLAVOUR := plain
endif
FLAVOUR_STAMP := build/flavour
$(shell mkdir -p build; [ "$$(cat $(FLAVOUR_STAMP) 2>/dev/null)" = $(FLAVOUR) ] || \
	echo $(FLAVOUR) >$(FLAVOUR_STAMP))
# Leaks are not findings of the hardening work; memory errors and UB are.
SAN_ENV := $(if $(SANITIZE),ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
	   UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 PTSYNC_SANITIZE=1)

OBJS := $(MODULES:%.c=$(BUILD)/%.o)
UNIT_SRCS := $(wildcard testcases/unit/*.c)
UNIT_BINS := $(UNIT_SRCS:testcases/unit/%.c=build/unit/%)

# The driver is built once ptsync.c exists; the SmPL needs no build.
PROGRAMS := $(if $(wildcard ptsync.c),ptsync)

all: $(PROGRAMS)

ptsync: $(BUILD)/ptsync.o $(OBJS) $(FLAVOUR_STAMP)
	$(CC) $(CFLAGS) -o $@ $(filter %.o,$^) $(LDLIBS)

$(BUILD)/%.o: %.c $(wildcard */*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

build/unit/%: testcases/unit/%.c $(OBJS) $(FLAVOUR_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $(filter %.c %.o,$^) $(LDLIBS)

unit: $(if $(PROGRAMS),$(UNIT_BINS))

# The tests install what they need first (building needs it too: clang
# for the fuzzers), then build, then run.
check:
	@scripts/deps test
	@$(MAKE) --no-print-directory all unit fuzz-build
	@$(SAN_ENV) FUZZ_SECONDS=$(CHECK_FUZZ_SECONDS) testcases/run-all

# libFuzzer harnesses (fuzz/), built by clang with ASan and UBSan into
# build-fuzz/; each runs FUZZ_SECONDS on its seed corpus (fuzz/seeds/).
FUZZ_SECONDS ?= 60
CHECK_FUZZ_SECONDS ?= 20
FUZZ_CC := clang
FUZZ_FLAGS := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
	      -fno-omit-frame-pointer
FUZZ_CFLAGS := -std=gnu11 -Wall -Wextra -Wno-unused-parameter -I. $(FUZZ_FLAGS) \
	       $(shell pkg-config --cflags jansson 2>/dev/null)
FUZZ_OBJS := $(MODULES:%.c=build-fuzz/%.o)
FUZZ_SRCS := $(wildcard fuzz/fuzz_*.c)
FUZZ_BINS := $(FUZZ_SRCS:fuzz/%.c=build-fuzz/%)

build-fuzz/%.o: %.c $(wildcard */*.h)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

build-fuzz/fuzz_%: fuzz/fuzz_%.c $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $^ \
		$(shell pkg-config --libs jansson 2>/dev/null || echo -ljansson) -lpthread

# Kept between runs: they are intermediate files of the pattern rule.
.SECONDARY: $(FUZZ_OBJS)

fuzz-build: $(FUZZ_BINS)

fuzz: fuzz-build
	@fuzz/run-fuzz $(FUZZ_SECONDS)

check-fresh:
	@scripts/check-fresh

deps:
	@scripts/deps run

# The main job: ptsync check on a whole kernel tree, Debian's 6.12 unless
# KDIR is given.  Exit 1 only means that findings were reported.  Only
# what ptsync needs is installed, not the test toolchain.
run:
	@scripts/deps run $(if $(KDIR),,source)
	@$(MAKE) --no-print-directory all
	@kdir="$(KDIR)"; \
	[ -n "$$kdir" ] || kdir=$$(scripts/kernel-tree 6.12) || exit 2; \
	./ptsync check "$$kdir" $(if $(M),$(M)) || [ $$? = 1 ]

coccicheck:
	@scripts/check-kdir "$(KDIR)"
	@for c in $(abspath $(COCCI_FILES)); do \
		PATH=$(SPATCH_PATH) $(MAKE) --no-print-directory -C "$(KDIR)" \
			coccicheck COCCI="$$c" MODE=$(MODE) $(if $(M),M=$(M)) || exit; \
	done

install: all
	install -D -m 755 ptsync "$(DESTDIR)$(bindir)/ptsync"
	install -D -m 644 semantic-patches/populate_kernel.cocci \
		"$(DESTDIR)$(datadir)/populate_kernel.cocci"
	install -D -m 644 doc/ptsync.1 "$(DESTDIR)$(man1dir)/ptsync.1"
	install -D -m 644 completion/ptsync "$(DESTDIR)$(bashcompdir)/ptsync"

uninstall:
	rm -f "$(DESTDIR)$(bindir)/ptsync" \
		"$(DESTDIR)$(datadir)/populate_kernel.cocci" \
		"$(DESTDIR)$(man1dir)/ptsync.1" "$(DESTDIR)$(bashcompdir)/ptsync"
	rmdir "$(DESTDIR)$(datadir)" 2>/dev/null || true

# For the kernel's own "make coccicheck": scripts/coccicheck runs every
# .cocci under scripts/coccinelle/.
install-cocci:
	@scripts/check-kdir "$(KDIR)"
	@mkdir -p "$(KDIR)/scripts/coccinelle/api"
	@for c in $(COCCI_FILES); do \
		install -m 644 "$$c" "$(KDIR)/scripts/coccinelle/api/" && \
		echo "installed $(KDIR)/scripts/coccinelle/api/$${c##*/}"; \
	done

clean:
	rm -rf build build-san build-fuzz ptsync

.PHONY: all unit check check-fresh deps run coccicheck install uninstall \
	install-cocci clean fuzz fuzz-build
