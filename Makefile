# SPDX-License-Identifier: GPL-2.0-only
# ptsync: find and convert raw pgd/p4d_populate() calls on init_mm.
#
#   make                  build ptsync
#   make check            run every test (ends with "N passed, N failed")
#   make run [KDIR=...] [M=dir]  install what is missing, ptsync check a tree
#   make coccicheck KDIR=... MODE=report|patch|context|org|json [M=dir]
#   make install KDIR=... copy the semantic patches into the kernel tree
#   make deps             install the Debian packages ptsync needs

COCCI_FILES := $(wildcard semantic-patches/*.cocci)
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
OBJS := $(MODULES:%.c=build/%.o)
UNIT_SRCS := $(wildcard testcases/unit/*.c)
UNIT_BINS := $(UNIT_SRCS:testcases/unit/%.c=build/unit/%)

# The driver is built once ptsync.c exists; the SmPL needs no build.
PROGRAMS := $(if $(wildcard ptsync.c),ptsync)

all: $(PROGRAMS)

ptsync: build/ptsync.o $(OBJS)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

build/%.o: %.c $(wildcard */*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

build/unit/%: testcases/unit/%.c $(OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

unit: $(if $(PROGRAMS),$(UNIT_BINS))

check: all unit
	@testcases/run-all

deps:
	@scripts/deps

# The main job: ptsync check on a whole kernel tree, Debian's 6.12 unless
# KDIR is given.  Exit 1 only means that findings were reported.
run: deps all
	@kdir="$(KDIR)"; \
	[ -n "$$kdir" ] || kdir=$$(scripts/kernel-tree 6.12) || exit 2; \
	./ptsync check "$$kdir" $(if $(M),$(M)) || [ $$? = 1 ]

coccicheck:
	@scripts/check-kdir "$(KDIR)"
	@for c in $(abspath $(COCCI_FILES)); do \
		PATH=$(SPATCH_PATH) $(MAKE) --no-print-directory -C "$(KDIR)" \
			coccicheck COCCI="$$c" MODE=$(MODE) $(if $(M),M=$(M)) || exit; \
	done

install:
	@scripts/check-kdir "$(KDIR)"
	@mkdir -p "$(KDIR)/scripts/coccinelle/api"
	@for c in $(COCCI_FILES); do \
		install -m 644 "$$c" "$(KDIR)/scripts/coccinelle/api/" && \
		echo "installed $(KDIR)/scripts/coccinelle/api/$${c##*/}"; \
	done

clean:
	rm -rf build ptsync

.PHONY: all unit check deps run coccicheck install clean
