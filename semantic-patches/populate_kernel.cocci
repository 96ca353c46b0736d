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
/// produced the entry pointer: pgd_offset_k(), pgd_offset(&init_mm, ),
/// p4d_offset(), p4d_alloc(&init_mm, ), or table + p?d_index(); where no
/// single address can be inferred in the function, for an entry of a
/// private page table or of a table the function gets as a parameter
/// (only its callers can tell whose it is), or for the _safe forms, the
/// call is reported for manual conversion instead.
//
// Confidence: High
// Copyright: (C) 2026 The ptsync authors.
// Comments: virtual rule "json" prints one JSON object per finding, per
//  p4d_alloc/pud_alloc(&init_mm, ) call, per function with a page-table
//  entry parameter or result, and per call of such a function: ptsync
//  joins them across functions and files.
// Options: --no-includes --include-headers --smpl-spacing --use-coccigrep
// Keywords: pgd_populate, p4d_populate, init_mm
// Requires: 1.1.1

virtual patch
virtual context
virtual org
virtual report
virtual json

// (&init_mm) in a pattern also matches &init_mm (standard.iso's paren
// isomorphism, on in make coccicheck too): one form in every rule.
//
// Each rule disables the isomorphisms that cannot apply to it: spatch
// tries every one of standard.iso against every rule as it parses this
// file, 0.08 s of each spatch start.  scripts/cocci-isos update rewrites
// the lists after a rule changes; make check runs scripts/cocci-isos
// check, which proves that each rule expands as it would with none.

@initialize:python@
@@
import json as jsonlib
import os

# The sync itself: a helper called in it would call it again.
SYNC_CALLS = ("arch_sync_kernel_mappings",)
SYNC_PREFIXES = ("sync_global_pgds",)
# In the order of the sect rule's branches.
SECTIONS = ("__init", "__meminit", "__ref", "__exit", "__head", "__cpuinit",
	    "__devinit", "__init_or_module", "__init_memblock", "noinstr")

# Addresses ptsync proved from the callers: "file:line" -> text.
PROVEN = {}
if os.environ.get("PTSYNC_PROVEN"):
	with open(os.environ["PTSYNC_PROVEN"]) as f:
		PROVEN = jsonlib.load(f)
# Functions whose call sites ptsync needs, defined in other files.
WANTED = set(os.environ.get("PTSYNC_CALLEES", "").split())

origins = {}	# position key -> dict(level, address, at, parent, table, owner)
calls = {}	# position key of a call -> (callee, [argument texts])
defs = {}	# use key -> [(line, position key of the value, text)]
params = {}	# use key -> parameter name still reaching it
advances = {}	# use key -> [(line, column)] steps of the pointer
mods = {}	# use key -> [(var, line, column, since_origin)]
pairs = []	# (pointer, position, var, position) stepping together
assigns = {}	# (file, function, var) -> [position key of a value]
allocated = {}	# (file, function, var) -> allocator that set it
# Parameter types that hold a whole virtual address: a u32 or an int
# parameter would sync a truncated one.
WIDE_TYPES = ("unsigned long", "unsigned long int", "long unsigned int",
	      "long", "u64", "__u64", "uint64_t", "uintptr_t",
	      "unsigned long long")
functions = {}	# (file, name) -> dict(line, static, params, returns)
decisions = {}
file_lines = {}
changed = set()	# (file, function, var) changed somewhere in the function
args_of = {}	# argument position key -> ("arg", callee, index, call, caller)
arg_mods = {}	# position key of a call -> variables its arguments change
ptr_params = set()	# (file, function, name) of a pgd_t */p4d_t * parameter

def key(p):
	return (p.file, int(p.line), int(p.column))

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

macro_at = {}	# position key of a raw call in a #define body -> the macro

sections = {}	# (file, function) -> [(line, section or None)] per definition

def add_section(fn, found):
	"""One definition from the sect rule: which branch bound a position."""
	for i, ps in enumerate(found):
		if ps:
			sections.setdefault((ps[0].file, fn), []).append(
				(int(ps[0].line), SECTIONS[i] if i < len(SECTIONS) else None))
			return

def section_of(p):
	"""The section of the definition holding p (the last one above it:
	#ifdef alternatives may differ)."""
	best = None
	for (line, sect) in sections.get((p.file, p.current_element), []):
		if line <= int(p.line) and (best is None or line > best[0]):
			best = (line, sect)
	return best and best[1]

# The identifiers of each address (the address of an origin or an argument of
# a wanted callee), as the address_ids and callarg rules bind them: a
# name that is called there is a function, no variable.
addr_ids = {}	# position key of an address -> [(name, position key)]
call_heads = set()	# position keys of the names called in an address
arg_keys = {}	# position key of a call -> {index: position key of the argument}

def add_id(pa, v, pv, pf):
	"""One binding of the address_ids or callarg rule: an identifier or
	the name of a call in the address at pa."""
	for q in pf:
		call_heads.add(key(q))
	for q in pv:
		addr_ids.setdefault(key(pa), []).append((v, key(q)))
		file_ids.append((v, key(q)))
	names_now[0] = None

def address_vars(k):
	return set(v for (v, q) in addr_ids.get(k, ()) if q not in call_heads)

# Position keys of addresses that may not give the same value when read again.
unstable_at = set()

# Position keys of addresses with an increment or an assignment: the
# helper would repeat it, and read the variable after the first one
# changed it.
side_at = set()

addr_taken = {}	# (file, function, var) -> line where &var is taken
global_at = set()	# position keys of lower-case global idexpressions in addresses

def global_in(fn, k):
	"""A lower-case variable of the address at k that is no local variable
	or parameter (for spatch: a global idexpression).  In the body of a
	#define there are neither, and nothing is claimed."""
	if fn[1] == "something_else":
		return None
	for v in sorted(address_vars(k)):
		if any(q in global_at for (w, q) in addr_ids[k] if w == v):
			return v
	return None

def taken_at(fn, avars):
	for v in sorted(avars):
		if (fn[0], fn[1], v) in addr_taken:
			return v, addr_taken[(fn[0], fn[1], v)]
	return None

def level_of(name):
	return name[:3]

def wanted(name):
	return name in WANTED

code_start = {}	# file -> line of its first declaration or function
linux_includes = {}	# file -> lines of its <linux/...> includes

def code_at(p):
	f = p.file
	code_start[f] = min(code_start.get(f, int(p.line)), int(p.line))

def last_linux_include(p):
	"""The last <linux/...> include above the first declaration or
	function: the end of the file's top include block."""
	top = code_start.get(p.file)
	above = [l for l in linux_includes.get(p.file, [])
		 if top is None or l < top]
	return bool(above) and max(above) == int(p.line)

def in_function(p):
	return (p.file, p.current_element) in functions

def may_be_address(name):
	"""Only a variable that some address is made of can matter."""
	if names_now[0] is None:
		names_now[0] = set(v for (v, q) in file_ids if q not in call_heads)
	return name in names_now[0]

def add_origin(po, level, pa, parent=None, table=None, owner=None):
	a = source(pa)
	origins[key(po)] = dict(level=level, address=a, at=key(pa),
				parent=parent and (key(parent), source(parent)),
				table=table and source(table), owner=owner)

def function_of(p, name):
	return functions.setdefault((p.file, name), dict(line=int(p.line),
		static=False, params={}, returns=[]))

def fresh_table(p, x, f):
	if (p.file, f) not in functions:
		allocated[(p.file, p.current_element, x)] = f

def paired(ptr, ppos, var, vpos):
	for (p, pp, v, vp) in pairs:
		if (ppos is None or pp == ppos) and (vpos is None or vp == vpos) \
		   and (ptr is None or p == ptr) and (var is None or v == var):
			return True
	return False

def owner_of_var(fn, var, seen):
	"""Whose table a local pointer points into: a private owner's text,
	("param", P) when only the callers of the function can tell,
	("unknown", why) when nothing shows it is the kernel's, or None when
	every value it gets is an entry of the kernel's table."""
	k = (fn[0], fn[1], var)
	if k in seen:
		return None
	seen.add(k)
	found = []
	for (v, text) in assigns.get(k, []):
		w = owner_at(fn, v, seen)
		if w is None and v not in origins:
			w = owner_of_var(fn, text, seen) if text.isidentifier() \
				else ("unknown", text)
		if isinstance(w, str):
			return w
		found.append(w)
	if k in ptr_params:
		found.append(("param", var))
	if not found:
		return ("unknown", var)
	for w in found:
		if w is not None and w[0] == "unknown":
			return w
	for w in found:
		if w is not None:
			return w
	return None

def owner_at(fn, k, seen):
	"""owner_of_var() for the entry made at origin k: a parent or a table
	counts as the kernel's only when its own origin says so."""
	o = origins.get(k)
	if o is None or k in seen:
		return None
	seen.add(k)
	if o["owner"]:
		return o["owner"]
	t = o["table"]
	if t and (fn[0], fn[1], t) in allocated:
		return "'%s', a table just allocated by %s()" % \
			(t, allocated[(fn[0], fn[1], t)])
	if t:
		if t.isidentifier():
			return owner_of_var(fn, t, seen)
		return ("unknown", t)
	if o["parent"]:
		pk, ptext = o["parent"]
		# X + p4d_index(A) starts where X does: X is no origin then.
		if pk in origins and pk != k:
			return owner_at(fn, pk, seen)
		# Stepping a pointer (pgd++) stays in its table.
		var = ptext.strip("+- ")
		if var.isidentifier():
			return owner_of_var(fn, var, seen)
		return ("unknown", ptext)
	return None

def steady(k, ptr, avars, origin_line):
	"""None when the address in avars still goes with ptr at the use."""
	for (line, col) in sorted(advances.get(k, [])):
		if not any(paired(ptr, (line, col), v, None) for v in avars):
			return "'%s' advances at line %s but '%s' does not" % \
				(ptr, line, ", ".join(sorted(avars)) or "its address")
	for (var, line, col, since) in sorted(mods.get(k, [])):
		if since == origin_line and var in avars and \
		   not paired(ptr, None, var, (line, col)):
			return "'%s' changes at line %s after '%s' was set" % \
				(var, line, ptr)
	return None

def value_at(pk, text, fn):
	"""An expression's value: an entry, a call's result, or unknown."""
	if pk in origins:
		o = origins[pk]
		w = owner_at(fn, pk, set())
		v = dict(entry=o["level"], address=o["address"],
			 owner=w if isinstance(w, str) else None)
		if isinstance(w, tuple) and w[0] == "unknown":
			v = dict(unknown="nothing shows that '%s' is the "
				 "kernel's page table" % w[1])
		elif isinstance(w, tuple):
			v["table_param"] = w[1]
		if "unknown" in v or v["owner"]:
			return v, address_vars(o["at"])
		avars = address_vars(o["at"])
		t = taken_at(fn, avars)
		g = global_in(fn, o["at"])
		if o["at"] in side_at:
			v = dict(unknown="the address '%s' changes a variable, "
				 "which the helper would do again" %
				 o["address"])
		elif o["at"] in unstable_at:
			v = dict(unknown="the address '%s' may not give the same "
				 "value twice (a call, a field or a pointer "
				 "read)" % o["address"])
		elif t:
			v = dict(unknown="'%s' has its address taken at line %s, "
				 "so it may change unseen" % t)
		elif g:
			v = dict(unknown="'%s' is no local variable or parameter "
				 "of %s(): a call may change it" % (g, fn[1]))
		return v, avars
	if pk in calls:
		callee, argmap = calls[pk]
		args = [argmap.get(i, "") for i in range(len(argmap))]
		avars = set()
		for ak in arg_keys.get(pk, {}).values():
			avars |= address_vars(ak)
		return dict(call=callee, args=args, at="%s:%s:%s" % pk), avars
	return None, None

def unknown_in_table(why, val):
	"""The address is lost (a pointer stepped alone), but not whose
	table the entry is in: a private one still rules the call out."""
	v = dict(unknown=why)
	for key in ("owner", "table_param"):
		if val.get(key):
			v[key] = val[key]
	return v

def evaluate(k, text, fn, avars_out=None):
	"""The value of the use at k (an expression with source text); the
	variables of its address go to avars_out."""
	if avars_out is None:
		avars_out = set()
	v, avars = value_at(k, text, fn)
	if v is not None:
		avars_out.update(avars or ())
		return v
	if not text.isidentifier():
		return dict(unknown="'%s' is not a local variable" % text)
	found = defs.get(k, [])
	if k in params:
		if found:
			return dict(unknown="'%s' may still hold a parameter's value"
				    % text)
		ms = [[var, line, paired(text, None, var, (line, col))]
		      for (var, line, col, since) in sorted(mods.get(k, []))
		      if since is None]
		steps = [[line, sorted(v for (p, pp, v, vp) in pairs
				       if p == text and pp == (line, col))]
			 for (line, col) in sorted(advances.get(k, []))]
		return dict(param=params[k], mods=ms, steps=steps)
	if not found:
		return dict(unknown="no origin for '%s' in this function" % text)
	vals = []
	for (line, vk, vtext) in sorted(found):
		val, avars = value_at(vk, vtext, fn)
		if val is not None and "unknown" in val:
			return val
		if val is None:
			return dict(unknown="'%s' is set from '%s' at line %s" %
				    (text, vtext, line))
		why = steady(k, text, avars, line)
		if why:
			return unknown_in_table(why, val)
		vals.append((line, val.get("address", vtext), val))
		avars_out.update(avars or ())
	distinct = []
	for (_, _, val) in vals:
		if val not in distinct:
			distinct.append(val)
	if len(distinct) > 1:
		return dict(unknown="conflicting origins for '%s': %s" %
			    (text, ", ".join("'%s' (line %s)" % (t, l)
					      for (l, t, _) in vals)))
	return distinct[0]

def decide(p, name, e1, pe):
	k = key(p)
	if k in decisions:
		return decisions[k]
	fn = (p.file, p.current_element)
	level = level_of(name)
	avars = set()
	val = evaluate(key(pe), e1, fn, avars)
	addr, reason = None, None
	pkey = "%s:%s" % (p.file, p.line)
	macro = macro_at.get(k)
	if name.endswith("_safe"):
		reason = "%s() has no _kernel variant" % name
	elif fn[1] in SYNC_CALLS or fn[1].startswith(SYNC_PREFIXES):
		reason = "the call is in %s(), the sync itself: a _kernel " \
			 "helper would call the sync again" % fn[1]
		val = dict(unknown=reason)
	elif macro:
		# A macro argument may be evaluated again, or mean something
		# else at each use: the users of the macro give the address.
		reason = "the call is in the body of macro %s, whose users " \
			 "give the address" % macro
		val = dict(unknown=reason)	# nothing for the callers to prove
	elif val.get("owner"):
		reason = "the entry is in %s, not the kernel's page table" % \
			val["owner"]
	elif val.get("entry") == level and not val.get("table_param"):
		addr = val["address"]
	elif arg_mods.get(k) and ("param" in val or pkey in PROVEN):
		# An address proved from the callers has no names bound
		# here: any variable the arguments change may be one of them.
		reason = "an argument of the call changes '%s', which an " \
			 "address proved from the callers may read" % \
			 sorted(arg_mods[k])[0]
		val = dict(unknown=reason)
	elif pkey in PROVEN:
		addr = PROVEN[pkey]
	elif val.get("entry") == level:
		reason = "the entry is in the table that the callers of %s() " \
			 "pass for '%s', which may not be the kernel's" % \
			 (p.current_element, val["table_param"])
	elif "unknown" in val:
		reason = val["unknown"]
		if reason == "no origin for '%s' in this function" % e1:
			reason = "no %s offset origin for '%s' in this function" % \
				(level, e1)
	elif "param" in val:
		reason = "'%s' may still hold a parameter's value" % e1
	elif "call" in val:
		reason = "'%s' is the result of %s()" % (e1, val["call"])
	else:
		reason = "'%s' is a %s entry, not a %s entry" % \
			(e1, val["entry"], level)
	changed_here = arg_mods.get(k, set()) & avars
	if addr is not None and changed_here:
		reason = "an argument of the call changes '%s', which the " \
			 "address reads: the helper may see either value" % \
			 sorted(changed_here)[0]
		addr = None
	decisions[k] = {
		"file": p.file, "line": int(p.line),
		"column": int(p.column), "column_end": int(p.column_end),
		"function": p.current_element, "level": level,
		"call": name, "section": section_of(p),
		"address": addr, "reason": reason, "value": val,
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

def emit(obj):
	print(jsonlib.dumps(obj, sort_keys=True))

# A spatch process runs its batch of files in turn with one Python state,
# and the cache keeps each file's facts alone: what a file adds to the
# sets the constraints read (WANTED, address_names) must not reach the
# next file, or a file's facts depend on the batch it ran in (so on the
# cache and on --jobs).
ENV_WANTED = frozenset(WANTED)
file_now = [None]
file_ids = []	# (name, position key) of the identifiers in the addresses of this file
names_now = [None]	# the variables among them, once a constraint asks

def reset_file():
	WANTED.clear()
	WANTED.update(ENV_WANTED)
	del file_ids[:]
	names_now[0] = None

def start_file():
	file_now[0] = None
	reset_file()

def enter_file(f):
	if file_now[0] == f:
		return
	file_now[0] = f
	reset_file()

// Every file starts afresh, whether it names init_mm or not: a script
// rule without metavariables runs once per file, before the rules below.
// file_start alone missed a file without init_mm (a caller that a
// PTSYNC_CALLEES run reads), which kept the WANTED names of the file
// before it in the batch and printed facts about calls to them.  Only
// json mode keeps such names, and only there may the rule be: a rule
// that runs on every file takes away make coccicheck's grep query.
@script:python depends on json@
@@
start_file()

// init_mm in the pattern keeps spatch's keyword prefilter (coccigrep's
// "grep query init_mm"): a rule without a token makes make coccicheck
// parse every file of the tree.
@file_start disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
symbol init_mm;
position p;
@@
init_mm@p

@script:python@
p << file_start.p;
@@
enter_file(p[0].file)

// The approved helpers' own raw calls stay: the inline-function form
// here, the macro form in helper_macro.
@helper_fn disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
identifier h = {pgd_populate_kernel, p4d_populate_kernel};
identifier pop = {pgd_populate, p4d_populate};
expression K, E1, E2;
position hp;
@@
h(...) { <+... pop(K, E1, E2@hp) ...+> }

// A #define body matches as a bare nest; spelling out the helpers'
// "do { ... } while (0)" is a parse error in 1.1.1.
@helper_macro disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
identifier h = {pgd_populate_kernel, p4d_populate_kernel};
identifier pop = {pgd_populate, p4d_populate};
position hm;
@@
#define h(...) <+... pop@hm(...) ...+>

// Every raw call in the body of any other #define: the macro's name for
// the message, and for the chains, which go up through the macro's users
// (spatch names the "function" of a #define body something_else).  A body
// that 1.1.1 cannot parse (statements without braces) holds no call that
// the call rule could see either.
@macro_fn disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, zero_multiple_format, neg_if,
	ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
identifier m;
identifier pop = {pgd_populate, p4d_populate, pgd_populate_safe,
		  p4d_populate_safe};
position pc;
symbol init_mm;
@@
#define m(...) <+... pop@pc((&init_mm), ...) ...+>

@script:python@
m << macro_fn.m;
pc << macro_fn.pc;
@@
macro_at[key(pc[0])] = m

@macro_obj disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, zero_multiple_format, neg_if,
	ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
identifier m;
identifier pop = {pgd_populate, p4d_populate, pgd_populate_safe,
		  p4d_populate_safe};
position pc;
symbol init_mm;
@@
#define m <+... pop@pc((&init_mm), ...) ...+>

@script:python@
m << macro_obj.m;
pc << macro_obj.pc;
@@
macro_at[key(pc[0])] = m

// Every raw call on the kernel's page table outside the approved helpers.
@call disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, zero_multiple_format, neg_if,
	ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
identifier pop = {pgd_populate, p4d_populate, pgd_populate_safe,
		  p4d_populate_safe};
expression E1, E2;
position p2 != helper_fn.hp;
position pc != helper_macro.hm;
position pe;
symbol init_mm;
@@
pop@pc((&init_mm), E1@pe, E2@p2)

// p4d_alloc()/pud_alloc() on init_mm populate a pgd/p4d entry unsynced.
@alloc depends on json disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, zero_multiple_format, neg_if,
	ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
identifier palloc = {p4d_alloc, pud_alloc};
expression X, A;
position pc;
position pe;
@@
palloc@pc((&init_mm), X@pe, A)

// Functions that take or return a page-table entry pointer: their
// parameters, results and call sites are what the callers prove.
@fdef depends on json disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
identifier f, P;
type T;
position pf;
typedef pgd_t;
typedef p4d_t;
@@
(
T f@pf(..., pgd_t *P, ...) { ... }
|
T f@pf(..., p4d_t *P, ...) { ... }
|
pgd_t *f@pf(...) { ... }
|
p4d_t *f@pf(...) { ... }
)

@fparam depends on json disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
identifier fdef.f, v;
position fdef.pf;
parameter list[k] ps;
type T, T2;
@@
T f@pf(ps, T2 v, ...) { ... }

@fstatic depends on json disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
identifier fdef.f;
position ps;
type T;
@@
static T f@ps(...) { ... }

@script:python depends on json@
f << fdef.f;
pf << fdef.pf;
@@
WANTED.add(f)
function_of(pf[0], f)

@script:python depends on json@
f << fdef.f;
pf << fdef.pf;
k << fparam.k;
v << fparam.v;
T2 << fparam.T2;
@@
function_of(pf[0], f)["params"][int(k)] = v
if " ".join(T2.split()) not in WIDE_TYPES and not T2.endswith("*"):
	function_of(pf[0], f).setdefault("narrow", set()).add(v)

@script:python depends on json@
f << fdef.f;
pf << fstatic.ps;
@@
function_of(pf[0], f)["static"] = True

# Each argument of a call to such a function, and each value returned.
# The nest also binds the identifiers of the argument, one binding per
# occurrence (see address_ids); its branch E matches every argument, so
# one without identifiers is not lost.  A rule of its own for them costs
# a second pass with the Python constraint over every call.
@callarg depends on json disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
identifier callee : script:python() { wanted(callee) };
expression list[n] es;
expression E;
identifier v, f;
position pc, pe, pv, pf;
@@
callee@pc(es, \(E@pe \& <+... \(f@pf(...) \| v@pv \| E\) ...+>\), ...)

@script:python depends on json@
callee << callarg.callee;
pc << callarg.pc;
pe << callarg.pe;
n << callarg.n;
v << callarg.v = "";
pv << callarg.pv = [];
pf << callarg.pf = [];
@@
args_of[key(pe[0])] = ("arg", callee, int(n), key(pc[0]), pe[0].current_element)
args = calls.setdefault(key(pc[0]), (callee, {}))[1]
args[int(n)] = source(pe[0])
arg_keys.setdefault(key(pc[0]), {})[int(n)] = key(pe[0])
add_id(pe[0], v, pv, pf)

@returned depends on json && fdef disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
expression E;
position pe : script:python() { in_function(pe[0]) };
@@
return E@pe;

@script:python depends on json@
pe << returned.pe;
@@
functions[(pe[0].file, pe[0].current_element)]["returns"].append(
	(key(pe[0]), source(pe[0])))

// A parameter changed on the way to a return: such a returned entry does
// not prove the caller's address.
@retmod depends on json disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr exists@
assignment operator aop;
identifier v;
expression E, F;
position returned.pe, pm;
@@
\(v@pm aop F\|v@pm++\|v@pm--\|++v@pm\|--v@pm\|&v@pm\)
...
return E@pe;

@script:python depends on json@
v << retmod.v;
pm << retmod.pm;
@@
changed.add((pm[0].file, pm[0].current_element, v))

# Where an entry comes from: one rule per kind of origin.  The tables
# that are the kernel's by name index to its entries; any other table
# must show whose it is (origin_table).
@origin_k depends on call || alloc || callarg disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, zero_multiple_format, neg_if,
	ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
expression A, O;
identifier kt = {swapper_pg_dir, init_top_pgt};
position po, pa;
@@
(
pgd_offset_k@po(A@pa)
|
pgd_offset@po((&init_mm), A@pa)
|
pgd_offset_pgd@po(init_mm.pgd, A@pa)
|
 \( O@po \& \(kt\|init_mm.pgd\) + pgd_index(A@pa) \)
|
 \( O@po \& &\(kt\|init_mm.pgd\)[pgd_index(A@pa)] \)
)

@script:python@
po << origin_k.po;
pa << origin_k.pa;
@@
add_origin(po[0], "pgd", pa[0])

# Another mm_struct by name (&efi_mm), another table: not the kernel's.
# A pointer to some mm is no origin at all: it may be &init_mm.
@origin_private depends on call || alloc || callarg disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, zero_multiple_format, neg_if,
	ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
expression A, T;
identifier M;
position po, pa, pt;
@@
(
pgd_offset((&init_mm), A)
|
pgd_offset_pgd(init_mm.pgd, A)
|
pgd_offset@po(&M@pt, A@pa)
|
pgd_offset_pgd@po(T@pt, A@pa)
|
pgd_offset_raw@po(T@pt, A@pa)
)

@script:python@
po << origin_private.po;
pa << origin_private.pa;
pt << origin_private.pt;
@@
add_origin(po[0], "pgd", pa[0], owner="'%s'" % source(pt[0]))

// po is where the whole expression starts: the ampersand of &T[i].
@origin_table depends on call || alloc || callarg disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
expression A, T, O;
identifier kt = {swapper_pg_dir, init_top_pgt};
position po, pa, pt;
@@
(
 \(kt\|init_mm.pgd\) + pgd_index(A)
|
 &\(kt\|init_mm.pgd\)[pgd_index(A)]
|
T@po@pt + pgd_index(A@pa)
|
 \( O@po \& &T@pt[pgd_index(A@pa)] \)
)

@script:python@
po << origin_table.po;
pa << origin_table.pa;
pt << origin_table.pt;
@@
add_origin(po[0], "pgd", pa[0], table=pt[0])

@origin_lower depends on call || alloc || callarg disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, zero_multiple_format, neg_if,
	ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
expression A, X, O;
identifier palloc = {p4d_alloc, pud_alloc};
identifier poff = {p4d_offset, pud_offset};
identifier pidx = {p4d_index, pud_index};
position po, pa, px;
@@
(
poff@po(X@px, A@pa)
|
palloc@po((&init_mm), X@px, A@pa)
|
X@po@px + pidx(A@pa)
|
 \( O@po \& &X@px[pidx(A@pa)] \)
)

// The level is in the name that matched: p4d_* gives a p4d entry.
@script:python@
po << origin_lower.po;
pa << origin_lower.pa;
px << origin_lower.px;
poff << origin_lower.poff = "";
palloc << origin_lower.palloc = "";
pidx << origin_lower.pidx = "";
@@
add_origin(po[0], level_of(poff or palloc or pidx), pa[0], parent=px[0])

// What each origin's address is made of, one binding per occurrence: its
// identifiers (v), less the names called there (pf, pl), which are
// functions; whether it changes a variable, which the helper would do
// again (ps: an assignment, an increment); and whether it may not give
// the same value again when the helper reads it after the populate (pl,
// pu): a call of a function (upper-case names are macros), a field, an
// array element or a dereference.  Casts, sizeof's types and fields are no identifiers, a
// sizeof no call, a multiplication no dereference.  The address is the
// last argument of every origin above, so one pattern covers them all (a
// disjunction of the shapes would lose p4d_offset(pgd_offset_k(a), b)'s
// b: a later branch never matches in a statement where an earlier one
// does).  The nest's branches are tried in order at each subterm.
@address_ids depends on call || alloc || callarg disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	mkinit, fld_to_ptr, sizeof_type_expr@
identifier at = {pgd_offset_k, pgd_index, p4d_index, pud_index, pgd_offset,
		 pgd_offset_pgd, pgd_offset_raw, p4d_offset, pud_offset,
		 p4d_alloc, pud_alloc};
identifier fl =~ "^_*[a-z]";
identifier vg =~ "^[^A-Z]*$";
global idexpression G;
identifier v, f, fld;
assignment operator aop;
expression A, E, E2;
position pa, pv, pg, pf, pl, pu, ps;
@@
at(..., \(A@pa \& <+... \(E@ps aop E2 \| E@ps++ \| E@ps-- \| ++E@ps \| --E@ps \|
			  fl@pl(...) \| f@pf(...) \| E->fld@pu \| E.fld@pu \|
			  E[E2]@pu \| *E@pu \| \(vg@pg \& G\) \| v@pv\) ...+>\))

@script:python@
pa << address_ids.pa;
v << address_ids.v = "";
pv << address_ids.pv = [];
vg << address_ids.vg = "";
pg << address_ids.pg = [];
pf << address_ids.pf = [];
pl << address_ids.pl = [];
pu << address_ids.pu = [];
ps << address_ids.ps = [];
@@
add_id(pa[0], v or vg, pv + pg, pf + pl)
if pl or pu:
	unstable_at.add(key(pa[0]))
if ps:
	side_at.add(key(pa[0]))
for q in pg:
	global_at.add(key(q))

# The page-table pointers a function gets from its callers: an entry in
# such a table is the kernel's only if every caller says so.
@ptrparam depends on call || alloc || callarg disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
identifier fn, P;
type T;
position pf;
typedef pgd_t;
typedef p4d_t;
@@
(
T fn@pf(..., pgd_t *P, ...) { ... }
|
T fn@pf(..., p4d_t *P, ...) { ... }
)

@script:python@
fn << ptrparam.fn;
P << ptrparam.P;
pf << ptrparam.pf;
@@
ptr_params.add((pf[0].file, fn, P))

# Every value a page-table pointer gets in a function, for whose table it
# is, and pointers just allocated.
@assign depends on call || alloc || callarg disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
typedef pgd_t;
typedef p4d_t;
typedef pud_t;
idexpression {pgd_t *, p4d_t *, pud_t *} x;
expression O;
position po;
@@
x = O@po

@script:python@
x << assign.x;
po << assign.po;
@@
assigns.setdefault((po[0].file, po[0].current_element, x), []).append(
	(key(po[0]), source(po[0])))

@assign_decl depends on call || alloc || callarg disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
identifier x;
expression O;
position po;
typedef pgd_t;
typedef p4d_t;
typedef pud_t;
@@
(
pgd_t *x = O@po;
|
p4d_t *x = O@po;
|
pud_t *x = O@po;
)

@script:python@
x << assign_decl.x;
po << assign_decl.po;
@@
assigns.setdefault((po[0].file, po[0].current_element, x), []).append(
	(key(po[0]), source(po[0])))

@newtable depends on call || alloc || callarg disable
	add_signed, add_int1, add_int2, not_int1, not_int2, not_ptr1, not_ptr2,
	commeq, commneq, is_zero, isnt_zero, is_null, isnt_null1, bitor_comm,
	bitand_comm, plus_comm, mult_comm, plus_assoc, minus_assoc,
	plus_minus_assoc1, plus_minus_assoc2, times_assoc, div_assoc,
	times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq, inc, for_inc,
	unlikely, bsd_branch_pred, paren, zero_multiple_format, neg_if, ne_if,
	drop_else, neg_if_exp, decl_init, extern_decl_init, static_decl_init,
	braces0, braces1, braces2, braces3, braces4, ret, ptr_to_array, mkinit,
	fld_to_ptr, sizeof_type_expr@
identifier x, f;
expression list es;
type T;
position p;
@@
(
x@p = (T)f(es)
|
x@p = f(es)
)

@script:python@
x << newtable.x;
f << newtable.f;
p << newtable.p;
@@
fresh_table(p[0], x, f)

@newtable_decl depends on call || alloc || callarg disable
	add_signed, add_int1, add_int2, not_int1, not_int2, not_ptr1, not_ptr2,
	commeq, commneq, is_zero, isnt_zero, is_null, isnt_null1, bitor_comm,
	bitand_comm, plus_comm, mult_comm, plus_assoc, minus_assoc,
	plus_minus_assoc1, plus_minus_assoc2, times_assoc, div_assoc,
	times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq, inc, for_inc,
	unlikely, bsd_branch_pred, paren, zero_multiple_format, neg_if, ne_if,
	drop_else, neg_if_exp, decl_init, extern_decl_init, static_decl_init,
	braces0, braces1, braces2, braces3, braces4, ret, ptr_to_array, mkinit,
	fld_to_ptr, sizeof_type_expr@
identifier x, f;
expression list es;
type T, T2;
position p;
@@
(
T x@p = (T2)f(es);
|
T x@p = f(es);
)

@script:python@
x << newtable_decl.x;
f << newtable_decl.f;
p << newtable_decl.p;
@@
fresh_table(p[0], x, f)

# The uses that are plain identifiers get the flow rules below.
@useid depends on call || alloc || callarg disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, zero_multiple_format, neg_if,
	ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
identifier p;
identifier pop = {pgd_populate, p4d_populate, pgd_populate_safe,
		  p4d_populate_safe};
identifier palloc = {p4d_alloc, pud_alloc};
identifier callee : script:python() { wanted(callee) };
typedef pgd_t;
typedef p4d_t;
typedef pud_t;
idexpression {pgd_t *, p4d_t *, pud_t *} x;
expression list es;
expression E2, A;
position pe;
@@
(
pop((&init_mm), p@pe, E2)
|
palloc((&init_mm), p@pe, A)
|
callee(es, \(p@pe \& x\), ...)
)

// Assignments to the pointer that reach the use unchanged.
@def disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr exists@
identifier useid.p;
expression O, E;
position useid.pe, pd, po;
type T;
@@
(
T p@pd = O@po;
|
p@pd = O@po
)
... when != p = E
p@pe

@script:python@
pe << useid.pe;
pd << def.pd;
po << def.po;
@@
defs.setdefault(key(pe[0]), []).append((int(pd[0].line), key(po[0]),
					 source(po[0])))

// A pointer returned as it was last set: the value it was set to.
@retdef depends on json && fdef disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr exists@
identifier p;
expression O, E;
position returned.pe, pd, po;
type T;
@@
(
T p@pd = O@po;
|
p@pd = O@po
)
... when != p = E
return p@pe;

@script:python@
pe << returned.pe;
pd << retdef.pd;
po << retdef.po;
@@
defs.setdefault(key(pe[0]), []).append((int(pd[0].line), key(po[0]),
					 source(po[0])))

@param disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr exists@
identifier useid.p, fn;
expression E;
position useid.pe;
type T;
@@
fn(..., T p, ...) {
... when != p = E
p@pe
... when any
}

@script:python@
pe << useid.pe;
p << useid.p;
fn << param.fn;
@@
params[key(pe[0])] = p

# Steps of the pointer that reach the use.
@advance disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr exists@
identifier useid.p;
expression E, F;
position useid.pe, pa;
@@
\(p@pa++\|p@pa--\|p@pa += F\|p@pa -= F\)
... when != p = E
p@pe

@script:python@
pe << useid.pe;
pa << advance.pa;
@@
advances.setdefault(key(pe[0]), []).append(pos(pa[0]))

# Changes of a variable between the pointer's origin and the use, and
# between the function's entry and the use of a parameter.
@addrmod disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr exists@
assignment operator aop;
identifier useid.p;
identifier v : script:python() { may_be_address(v) };
expression O, E, F;
position useid.pe, pd, pm;
type T;
@@
(
T p@pd = O;
|
p@pd = O
)
... when != p = E
\(v@pm aop F\|v@pm++\|v@pm--\|++v@pm\|--v@pm\|&v@pm\)
... when != p = E
p@pe

// A variable whose address is taken anywhere in the function may change
// through that pointer where no rule sees it.
@addrtaken depends on call || alloc || callarg disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
identifier v : script:python() { may_be_address(v) };
position pm;
@@
 &v@pm

@script:python@
v << addrtaken.v;
pm << addrtaken.pm;
@@
k = (pm[0].file, pm[0].current_element, v)
addr_taken[k] = min(addr_taken.get(k, int(pm[0].line)), int(pm[0].line))

@script:python@
pe << useid.pe;
pd << addrmod.pd;
v << addrmod.v;
pm << addrmod.pm;
@@
mods.setdefault(key(pe[0]), []).append((v,) + pos(pm[0]) + (int(pd[0].line),))

@parammod disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr exists@
assignment operator aop;
identifier useid.p, v, fn;
expression E, F;
position useid.pe, pm;
type T;
@@
fn(..., T p, ...) {
... when != p = E
\(v@pm aop F\|v@pm++\|v@pm--\|++v@pm\|--v@pm\|&v@pm\)
... when != p = E
p@pe
... when any
}

@script:python@
pe << useid.pe;
v << parammod.v;
pm << parammod.pm;
@@
mods.setdefault(key(pe[0]), []).append((v,) + pos(pm[0]) + (None,))

# The kernel's walk idiom: pointer and address step in one expression.
@step depends on call || alloc || callarg disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
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

// Each function's section, from its attribute: one position per
// section (a script cannot take an attribute name in 1.1.1), the plain
// definition last.  Functions with __section("...") do not parse in 1.1.1.
@sect depends on call || alloc disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
attribute name __init, __meminit, __ref, __exit, __head, __cpuinit,
	__devinit, __init_or_module, __init_memblock, noinstr;
identifier fn;
type T;
position s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10;
@@
(
T __init fn@s0(...) { ... }
|
T __meminit fn@s1(...) { ... }
|
T __ref fn@s2(...) { ... }
|
T __exit fn@s3(...) { ... }
|
T __head fn@s4(...) { ... }
|
T __cpuinit fn@s5(...) { ... }
|
T __devinit fn@s6(...) { ... }
|
T __init_or_module fn@s7(...) { ... }
|
T __init_memblock fn@s8(...) { ... }
|
T noinstr fn@s9(...) { ... }
|
T fn@s10(...) { ... }
)

@script:python@
fn << sect.fn;
s0 << sect.s0 = [];
s1 << sect.s1 = [];
s2 << sect.s2 = [];
s3 << sect.s3 = [];
s4 << sect.s4 = [];
s5 << sect.s5 = [];
s6 << sect.s6 = [];
s7 << sect.s7 = [];
s8 << sect.s8 = [];
s9 << sect.s9 = [];
s10 << sect.s10 = [];
@@
add_section(fn, [s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10])

// A variable changed inside the call's own arguments: the helper would
// read the address in an order C leaves open.
@argmod depends on call disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
identifier call.pop;
position call.pc;
expression F;
identifier v;
assignment operator aop;
@@
pop@pc(..., <+... \(v aop F\|v++\|v--\|++v\|--v\) ...+>, ...)

@script:python@
pc << call.pc;
v << argmod.v;
@@
arg_mods.setdefault(key(pc[0]), set()).add(v)

@context_mark depends on context disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
identifier call.pop;
position call.pc;
@@
* pop@pc(...)

@script:python depends on report@
pc << call.pc;
pop << call.pop;
pe << call.pe;
@@
coccilib.report.print_report(pc[0],
	message(decide(pc[0], pop, source(pe[0]), pe[0])))

@script:python depends on org@
pc << call.pc;
pop << call.pop;
pe << call.pe;
@@
coccilib.org.print_todo(pc[0],
	message(decide(pc[0], pop, source(pe[0]), pe[0])))

@script:python depends on json@
pc << call.pc;
pop << call.pop;
pe << call.pe;
@@
emit(dict(decide(pc[0], pop, source(pe[0]), pe[0]), kind="finding"))

@script:python depends on json@
pc << alloc.pc;
palloc << alloc.palloc;
pe << alloc.pe;
@@
p = pc[0]
emit(dict(kind="indirect", file=p.file, line=int(p.line),
	  column=int(p.column), column_end=int(p.column_end),
	  function=p.current_element, section=section_of(p), call=palloc,
	  level="pgd" if palloc == "p4d_alloc" else "p4d",
	  value=evaluate(key(pe[0]), source(pe[0]),
			 (p.file, p.current_element))))

@script:python convertible@
pc << call.pc;
pop << call.pop;
pe << call.pe;
q;
A;
@@
d = decide(pc[0], pop, source(pe[0]), pe[0])
if d["address"] is None:
	cocci.include_match(False)
else:
	p = pc[0]
	coccinelle.q = cocci.make_position(p.file, p.current_element,
		int(p.line), int(p.column), int(p.line_end), int(p.column_end))
	coccinelle.A = cocci.make_expr(d["address"])

@rewrite depends on patch disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, zero_multiple_format, neg_if,
	ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
position convertible.q;
expression convertible.A;
expression E1, E2;
@@
(
- pgd_populate@q
+ pgd_populate_kernel
  (
- (&init_mm)
+ A
  , E1, E2)
|
- p4d_populate@q
+ p4d_populate_kernel
  (
- (&init_mm)
+ A
  , E1, E2)
)

// The include goes after the last <linux/...> include of the top block:
// above the first declaration or function definition.
@has_pgalloc depends on rewrite disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
@@
#include <linux/pgalloc.h>

@code_decl depends on rewrite && !has_pgalloc disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
declaration d;
position q;
@@
d@q

@script:python@
q << code_decl.q;
@@
code_at(q[0])

@code_fn depends on rewrite && !has_pgalloc disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
identifier f;
position q;
@@
f@q(...) { ... }

@script:python@
q << code_fn.q;
@@
code_at(q[0])

@linux_any depends on rewrite && !has_pgalloc disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
position p;
@@
#include <linux/...>@p

@script:python@
p << linux_any.p;
@@
linux_includes.setdefault(p[0].file, []).append(int(p[0].line))

@linux_include depends on rewrite && !has_pgalloc disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
position p : script:python() { last_linux_include(p[0]) };
@@
#include <linux/...>@p

@add_include depends on rewrite disable
	drop_cast, add_signed, add_int1, add_int2, not_int1, not_int2,
	not_ptr1, not_ptr2, commeq, commneq, is_zero, isnt_zero, is_null,
	isnt_null1, bitor_comm, bitand_comm, plus_comm, mult_comm, plus_assoc,
	minus_assoc, plus_minus_assoc1, plus_minus_assoc2, times_assoc,
	div_assoc, times_div_assoc1, times_div_assoc2, gtr_lss, gtr_lss_eq,
	inc, for_inc, unlikely, bsd_branch_pred, paren, zero_multiple_format,
	neg_if, ne_if, drop_else, neg_if_exp, decl_init, extern_decl_init,
	static_decl_init, braces0, braces1, braces2, braces3, braces4, ret,
	ptr_to_array, mkinit, fld_to_ptr, sizeof_type_expr@
position linux_include.p;
@@
#include <linux/...>@p
+ #include <linux/pgalloc.h>

@finalize:python@
@@
for (file, name), fn in sorted(functions.items()):
	# NULL (failure) is no table, and no entry
	rets = [dict(null=True) if t in ("NULL", "0") else
		evaluate(k, t, (file, name)) for (k, t) in fn["returns"]]
	emit(dict(kind="function", file=file, name=name, line=fn["line"],
		  static=fn["static"], narrow=sorted(fn.get("narrow", ())),
		  assigned=sorted(v for v in fn["params"].values()
				  if (file, name, v) in changed),
		  params=[fn["params"].get(i, "") for i in range(len(fn["params"]))],
		  returns=rets))
for k, u in sorted(args_of.items(), key=lambda x: str(x)):
	(_, g, n, ck, caller) = u
	emit(dict(kind="arg", file=k[0], line=k[1], column=k[2], callee=g,
		  index=n, call="%s:%s:%s" % ck, caller=caller,
		  text=calls[ck][1][n],
		  value=evaluate(k, calls[ck][1][n], (k[0], caller))))
