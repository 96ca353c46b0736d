// SPDX-License-Identifier: GPL-2.0-only
/// Use pgd_populate_kernel()/p4d_populate_kernel() on the kernel page table
///
/// pgd_populate() and p4d_populate() on &init_mm change a top-level entry
/// of the kernel's page table.  Where ARCH_PAGE_TABLE_SYNC_MASK has the
/// matching PGTBL_{PGD,P4D}_MODIFIED bit (x86-64), the new entry must then
/// be copied into every other page table with arch_sync_kernel_mappings(),
/// or the mapping is missing in processes created earlier; vmemmap and
/// memory hotplug crashed that way.  The helpers from <linux/pgalloc.h>
/// populate and sync in one step.  The address argument is the one that
/// produced the entry pointer through pgd_offset_k(), pgd_offset(&init_mm,)
/// or p4d_offset(); where no single address can be inferred, or for the
/// _safe forms, the call is reported for manual conversion instead.
//
// Confidence: High
// Copyright: (C) 2026 The ptsync authors.
// Comments: virtual rule "json" prints one JSON object per finding.
// Options: --no-includes --include-headers --smpl-spacing --use-coccigrep
// Keywords: pgd_populate, p4d_populate, init_mm
// Requires: 1.1.1

virtual patch
virtual context
virtual org
virtual report
virtual json

@initialize:python@
@@
import json as jsonlib
import re

HELPERS = ("pgd_populate_kernel", "p4d_populate_kernel")
SECTION_RE = re.compile(r"\b(__init|__meminit|__ref|__exit|__head|__cpuinit"
			r"|__devinit|__init_or_module|__init_memblock|noinstr"
			r"|__section\([^)]*\))(?![\w(])")
IDENT_RE = re.compile(r"(?<![\w.>])([A-Za-z_]\w*)\b(?!\s*\()")

# Facts per call site, keyed by (file, line, column) of the call.
origins = {}	# key -> [(line, kind, address text)]
others = {}	# key -> [(line, text)] assignments that are not origins
params = set()	# keys whose pointer may still hold a parameter's value
advances = {}	# key -> [(line, column)] pointer steps reaching the call
addr_mods = {}	# key -> [(origin line, var, line, column)]
pairs = []	# (pointer, pointer position, var, var position) in one step
decisions = {}	# key -> dict, the finding
file_lines = {}

def key(p):
	return (p.file, p.line, p.column)

def pos(p):
	return (int(p.line), int(p.column))

def lines_of(path):
	if path not in file_lines:
		with open(path, errors="replace") as f:
			file_lines[path] = f.read().split("\n")
	return file_lines[path]

def source(p):
	"""The exact source text at a position, for messages and rewrites."""
	lines = lines_of(p.file)
	l0, c0 = int(p.line) - 1, int(p.column)
	l1, c1 = int(p.line_end) - 1, int(p.column_end)
	if l0 == l1:
		return lines[l0][c0:c1]
	text = [lines[l0][c0:]] + lines[l0 + 1:l1] + [lines[l1][:c1]]
	return " ".join(t.strip() for t in text)

def in_helper(p):
	"""The approved helpers' own bodies must keep their raw call."""
	if p.current_element in HELPERS:
		return True
	lines = lines_of(p.file)
	i = int(p.line) - 1
	while i > 0 and lines[i - 1].rstrip().endswith("\\"):
		i -= 1
	m = re.match(r"\s*#\s*define\s+(\w+)", lines[i])
	return bool(m) and m.group(1) in HELPERS

def section_of(p):
	"""Section annotation from the definition's header, if any."""
	fn = p.current_element
	lines = lines_of(p.file)
	head = re.compile(r"\b%s\s*\(" % re.escape(fn))
	for i in range(int(p.line) - 1, -1, -1):
		if head.search(lines[i]) and not lines[i][:1].isspace():
			text = " ".join(lines[max(0, i - 2):i + 1])
			text = text[:text.rfind(fn)]
			text = text.split(";")[-1].split("}")[-1]
			m = SECTION_RE.findall(text)
			return m[-1] if m else None
	return None

def split_args(text):
	"""Split a call's argument text at its top-level commas."""
	depth, cur, out = 0, "", []
	for c in text:
		if c in "([{":
			depth += 1
		elif c in ")]}":
			depth -= 1
		if c == "," and depth == 0:
			out.append(cur.strip())
			cur = ""
		else:
			cur += c
	out.append(cur.strip())
	return out

def strip_parens(text):
	text = text.strip()
	while text.startswith("(") and text.endswith(")") and \
	      not split_args(text[1:-1])[1:] and \
	      text[1:-1].count("(") == text[1:-1].count(")"):
		text = text[1:-1].strip()
	return text

def origin_address(level, text):
	"""Address fed to the offset helper that yields an entry of level."""
	m = re.match(r"(\w+)\s*\((.*)\)$", strip_parens(text), re.S)
	if not m:
		return None
	fn, args = m.group(1), split_args(m.group(2))
	if level == "pgd" and fn == "pgd_offset_k" and len(args) == 1:
		return args[0]
	if level == "pgd" and fn == "pgd_offset" and len(args) == 2 and \
	   re.sub(r"[\s()]", "", args[0]) == "&init_mm":
		return args[1]
	if level == "p4d" and fn == "p4d_offset" and len(args) == 2:
		return args[1]
	return None

def address_vars(addr):
	return set(IDENT_RE.findall(addr))

def level_of(name):
	return name[:3]

def paired(ptr, ppos, var, vpos):
	for (p, pp, v, vp) in pairs:
		if (ppos is None or pp == ppos) and (vpos is None or vp == vpos) \
		   and (ptr is None or p == ptr) and (var is None or v == var):
			return True
	return False

def infer(k, name, e1):
	"""Return (address, None) or (None, reason)."""
	level = level_of(name)
	if name.endswith("_safe"):
		return None, "%s() has no _kernel variant" % name
	direct = origin_address(level, e1)
	if direct is not None:
		return direct, None
	if not re.match(r"[A-Za-z_]\w*$", e1):
		return None, "entry pointer '%s' is not a local variable" % e1
	if k in params:
		return None, "'%s' may still hold a parameter's value" % e1
	if others.get(k):
		line, text = sorted(others[k])[0]
		return None, "'%s' is set from '%s' at line %s" % (e1, text, line)
	found = origins.get(k, [])
	if not found:
		return None, "no %s offset origin for '%s' in this function" % \
			(level, e1)
	addrs = sorted(set(a for (_, _, a) in found))
	if len(addrs) > 1:
		return None, "conflicting origins for '%s': %s" % \
			(e1, ", ".join("'%s' (line %s)" % (a, l)
				      for (l, _, a) in sorted(found)))
	addr = addrs[0]
	avars = address_vars(addr)
	for (line, col) in sorted(advances.get(k, [])):
		if not any(paired(e1, (line, col), v, None) for v in avars):
			return None, "'%s' advances at line %s but '%s' does not" % \
				(e1, line, addr)
	for (_, var, line, col) in sorted(addr_mods.get(k, [])):
		if var in avars and not paired(e1, None, var, (line, col)):
			return None, "'%s' changes at line %s after '%s' was set" % \
				(var, line, e1)
	return addr, None

def decide(p, name, e1):
	k = key(p)
	if k in decisions:
		return decisions[k]
	addr, reason = infer(k, name, e1)
	decisions[k] = {
		"file": p.file, "line": int(p.line),
		"column": int(p.column), "column_end": int(p.column_end),
		"function": p.current_element, "level": level_of(name),
		"call": name, "section": section_of(p),
		"address": addr, "reason": reason,
	}
	return decisions[k]

def message(d):
	if d["address"] is not None:
		return "WARNING: %s() on init_mm skips the page table sync, " \
		       "use %s_populate_kernel(%s, ...)" % \
		       (d["call"], d["level"], d["address"])
	return "WARNING: %s() on init_mm skips the page table sync, " \
	       "convert to %s_populate_kernel() by hand: %s" % \
	       (d["call"], d["level"], d["reason"])

# Every raw call on the kernel's page table outside the approved helpers.
@call@
identifier pop = {pgd_populate, p4d_populate, pgd_populate_safe,
		  p4d_populate_safe};
expression E1, E2;
position pc : script:python() { not in_helper(pc[0]) };
position pe;
symbol init_mm;
@@
pop@pc(\( &init_mm \| (&init_mm) \), E1@pe, E2)

// Assignments to the entry pointer that reach the call unchanged.
@def exists@
identifier call.pop, p;
expression O, E, E2;
position call.pc, pd, po;
type T;
@@
(
T p@pd = O@po;
|
p@pd = O@po
)
... when != p = E
pop@pc(\( &init_mm \| (&init_mm) \), p, E2)

@script:python@
pc << call.pc;
pop << call.pop;
pd << def.pd;
po << def.po;
@@
o = source(po[0])
addr = origin_address(level_of(pop), o)
k = key(pc[0])
line = int(pd[0].line)
if addr is None:
	others.setdefault(k, []).append((line, o))
else:
	origins.setdefault(k, []).append((line, level_of(pop), addr))

@param exists@
identifier call.pop, fn, p;
expression E, E2;
position call.pc;
type T;
@@
fn(..., T p, ...) {
... when != p = E
pop@pc(\( &init_mm \| (&init_mm) \), p, E2)
... when any
}

@script:python@
pc << call.pc;
fn << param.fn;
@@
params.add(key(pc[0]))

# Steps of the entry pointer that reach the call.
@advance exists@
identifier call.pop, p;
expression E, E2, F;
position call.pc, pa;
@@
\(p@pa++\|p@pa--\|p@pa += F\|p@pa -= F\)
... when != p = E
pop@pc(\( &init_mm \| (&init_mm) \), p, E2)

@script:python@
pc << call.pc;
pa << advance.pa;
@@
advances.setdefault(key(pc[0]), []).append(pos(pa[0]))

# Changes of a variable between the pointer's origin and the call.
@addrmod exists@
identifier call.pop, p, v;
expression O, E, E2, F;
position call.pc, pd, pm;
type T;
@@
(
T p@pd = O;
|
p@pd = O
)
... when != p = E
\(v@pm = F\|v@pm++\|v@pm--\|v@pm += F\|v@pm -= F\)
... when != p = E
pop@pc(\( &init_mm \| (&init_mm) \), p, E2)

@script:python@
pc << call.pc;
pd << addrmod.pd;
v << addrmod.v;
pm << addrmod.pm;
@@
addr_mods.setdefault(key(pc[0]), []).append((int(pd[0].line), v) + pos(pm[0]))

# The kernel's walk idiom: pointer and address step in one expression.
@step depends on call@
identifier p, v;
expression F, G;
position pa, pm;
@@
(
\(p@pa++\|p@pa += G\), \(v@pm = F\|v@pm += F\|v@pm++\)
|
\(v@pm = F\|v@pm += F\|v@pm++\), \(p@pa++\|p@pa += G\)
)

@script:python@
p << step.p;
pa << step.pa;
v << step.v;
pm << step.pm;
@@
pairs.append((p, pos(pa[0]), v, pos(pm[0])))

@depends on context@
identifier call.pop;
position call.pc;
expression E1, E2;
@@
* pop@pc(...)

@script:python depends on report@
pc << call.pc;
pop << call.pop;
pe << call.pe;
@@
coccilib.report.print_report(pc[0], message(decide(pc[0], pop, source(pe[0]))))

@script:python depends on org@
pc << call.pc;
pop << call.pop;
pe << call.pe;
@@
coccilib.org.print_todo(pc[0], message(decide(pc[0], pop, source(pe[0]))))

@script:python depends on json@
pc << call.pc;
pop << call.pop;
pe << call.pe;
@@
print(jsonlib.dumps(dict(decide(pc[0], pop, source(pe[0])), kind="finding"),
		 sort_keys=True))

@script:python convertible@
pc << call.pc;
pop << call.pop;
pe << call.pe;
q;
A;
@@
d = decide(pc[0], pop, source(pe[0]))
if d["address"] is None:
	cocci.include_match(False)
else:
	p = pc[0]
	coccinelle.q = cocci.make_position(p.file, p.current_element,
		int(p.line), int(p.column), int(p.line_end), int(p.column_end))
	coccinelle.A = cocci.make_expr(d["address"])

@convert depends on patch@
position convertible.q;
expression convertible.A;
expression E1, E2;
@@
(
- pgd_populate@q
+ pgd_populate_kernel
  (
- \( &init_mm \| (&init_mm) \)
+ A
  , E1, E2)
|
- p4d_populate@q
+ p4d_populate_kernel
  (
- \( &init_mm \| (&init_mm) \)
+ A
  , E1, E2)
)

// The include goes after the last <linux/...> include of the top block.
@has_pgalloc depends on convert@
@@
#include <linux/pgalloc.h>

@linux_include depends on convert && !has_pgalloc@
position p;
@@
#include <linux/...>@p

@script:python last_linux_include@
p << linux_include.p;
q;
@@
lines = lines_of(p[0].file)
last = None
for i, text in enumerate(lines):
	if re.match(r"\s*#\s*include\s*<linux/", text):
		last = i + 1
	elif re.match(r"\s*(#|/?\*|//|$)", text) is None:
		break
if last != int(p[0].line):
	cocci.include_match(False)
else:
	coccinelle.q = cocci.make_position(p[0].file, p[0].current_element,
		int(p[0].line), int(p[0].column), int(p[0].line_end),
		int(p[0].column_end))

@depends on convert@
position last_linux_include.q;
@@
#include <linux/...>@q
+ #include <linux/pgalloc.h>
