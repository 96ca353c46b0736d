# SPDX-License-Identifier: GPL-2.0-only
# What every test driver shares; source it after setting "top".
#   ok/bad WHAT        count and print one check
#   expect WHAT WANT GOT   an exit status; on a mismatch shows $tmp/err
#   contains/lacks WHAT ERE FILE
#   show [FILE]        indented excerpt for a failure
#   summary NAME       the closing "NAME: N passed, N failed" line, then exit
# $tmp is a private directory, removed on exit.
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# ptsync's cache (lib/cache.h) goes to a private directory, never the user's.
export XDG_CACHE_HOME=$tmp/xdg-cache
unset PTSYNC_CACHE_DIR PTSYNC_CACHE_MAX PTSYNC_CACHE_STATS
ptsync=$top/ptsync
py=/usr/bin/python3	# Debian's, the one spatch and python3-jsonschema use

ok() { pass=$((pass + 1)); echo "PASS: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
show() { sed 's/^/    /' "$@" | head -10; }
expect() {	# what, wanted exit, got exit
	[ "$2" = "$3" ] && ok "$1 (exit $3)" || { bad "$1: exit $3, want $2"; show "$tmp/err"; }
}
contains() {	# what, pattern, file
	grep -qE -- "$2" "$3" && ok "$1" || { bad "$1: no /$2/ in:"; show "$3"; }
}
lacks() {	# what, pattern, file
	grep -qE -- "$2" "$3" && bad "$1: /$2/ found" || ok "$1"
}
summary() {	# name
	echo "$1: $pass passed, $fail failed"
	[ "$fail" = 0 ]
	exit
}

# revert DST: the files $mmfiles of $kdir, in DST, with the mm/ calls
# turned back into raw ones (the pre-fix state) and the include dropped.
revert() {
	local f
	for f in $mmfiles; do
		sed -E 's/\b(pgd|p4d)_populate_kernel\(([^,]+), /\1_populate(\&init_mm, /
			/^#include <linux\/pgalloc.h>$/d' "$kdir/$f" >"$1/$f.rev" &&
			mv "$1/$f.rev" "$1/$f"
	done
}
