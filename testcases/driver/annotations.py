#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Check ptsync's JSON against the expectations the fixture tree carries.

usage: annotations.py TREE <check-or-arches.json

Every expectation lives in the input, next to what it is about (sparse's
validation/ style); nothing is compared with a stored output:

  /* ptsync: SEV RULE [KEY=VALUE | FLAG]... */   on a reported call line
      address=A     the inferred address (none: null)
      reason="R"    the reason starts with R (none: null)
      section=S     the section of the function (none: null)
      boot-only, synced   boot_only / synced_locally are true (else false)
      exposed=ARCH[COND]  one variant it is exposed on (repeatable)
      latent=N noop=N     the counts of latent and no-op variants
  ptsync-file: KEY=VALUE...   defaults for the calls of the whole file
  /* ptsync: helper */        a #define of an approved helper
  /* ptsync: in-helper */     a raw call inside a helper: no finding
  ptsync-arch: ARCH cond="C" mask=L,L mask-if="C" folded=L,L hook=FILE
                              one variant of the arch model

The function of a finding is the one defined above its line, or the
macro whose #define holds the call; its level is the call's own.  The
counts follow from the annotations.  Each mismatch is one line on
stdout; the exit status is 1 if there is any."""
import json
import os
import re
import shlex
import sys

ANNOT = re.compile(r"ptsync(-file|-arch)?: (.*?)\s*(\*/|$)")
DEFN = re.compile(r"^[A-Za-z_].*\b(\w+)\(.*\)\s*$")
CALL = re.compile(r"\b(pgd|p4d)_populate(_safe)?\(")
DEFINE = re.compile(r"^\s*#\s*define\s+(\w+)")


def facts(words):
    """KEY=VALUE words and bare flags: a dict of lists."""
    out = {}
    for w in words:
        k, _, v = w.partition("=")
        out.setdefault(k, []).append(v if "=" in w else True)
    return out


def read_tree(tree):
    calls, helpers, in_helper, arches = {}, [], 0, []
    for root, dirs, files in os.walk(tree):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            rel = os.path.relpath(path, tree)
            defaults, fn = {}, None
            with open(path, errors="replace") as f:
                lines = f.read().split("\n")
            for n, text in enumerate(lines, 1):
                m = DEFN.match(text)
                if m and not text.lstrip().startswith("#"):
                    fn = m.group(1)
                m = ANNOT.search(text)
                if not m:
                    continue
                kind, words = m.group(1), shlex.split(m.group(2))
                if kind == "-file":
                    defaults = facts(words)
                elif kind == "-arch":
                    arches.append((words[0], facts(words[1:])))
                elif words == ["helper"]:
                    helpers.append("%s:%s" % (rel, DEFINE.match(text).group(1)))
                elif words == ["in-helper"]:
                    in_helper += 1
                else:
                    want = dict(defaults)
                    want.update(facts(words[2:]))
                    macro = DEFINE.match(text)
                    calls["%s:%d" % (rel, n)] = dict(
                        severity=words[0], rule=words[1], facts=want,
                        level=CALL.search(text).group(1),
                        function=macro.group(1) if macro else fn)
    return calls, helpers, in_helper, arches


def one(f, k, default=None):
    return f.get(k, [default])[-1]


def check_finding(at, got, want, bad):
    f = want["facts"]
    expect = {
        "severity": want["severity"],
        "rule": want["rule"],
        "level": want["level"],
        "address": one(f, "address"),
        "section": one(f, "section"),
        "boot_only": "boot-only" in f,
        "synced_locally": "synced" in f,
        "exposed_on": sorted(f.get("exposed", [])),
        "latent_on_count": int(one(f, "latent", 0)),
        "noop_on_count": int(one(f, "noop", 0)),
    }
    if want["function"]:
        expect["function"] = want["function"]
    have = dict((k, got.get(k)) for k in expect)
    have["exposed_on"] = sorted("%s[%s]" % (e["arch"], e["condition"])
                                for e in got["exposed_on"])
    for k in expect:
        if have[k] != expect[k]:
            bad("%s: %s is %r, the annotation says %r" %
                (at, k, have[k], expect[k]))
    reason = one(f, "reason")
    if reason is None and got["reason"] is not None:
        bad("%s: reason %r, the annotation says none" % (at, got["reason"]))
    elif reason is not None and not (got["reason"] or "").startswith(reason):
        bad("%s: reason %r, the annotation says %r..." %
            (at, got["reason"], reason))


def check_arch(got, name, f, bad):
    what = "arch %s [%s]" % (name, one(f, "cond", ""))
    expect = {
        "mask": [m for m in one(f, "mask", "").split(",") if m],
        "mask_condition": one(f, "mask-if"),
        "folded": [m for m in one(f, "folded", "").split(",") if m],
        "sync_hook": [h for h in one(f, "hook", "").split(",") if h],
    }
    have = {
        "mask": got["mask"],
        "mask_condition": got["mask_condition"],
        "folded": sorted(set(x["level"] for x in got["folded"])),
        "sync_hook": [h["file"] for h in got["sync_hook"]],
    }
    for k in expect:
        if have[k] != expect[k]:
            bad("%s: %s is %r, the annotation says %r" %
                (what, k, have[k], expect[k]))


def main():
    tree = sys.argv[1]
    doc = json.load(sys.stdin)
    calls, helpers, in_helper, arches = read_tree(tree)
    problems = []
    bad = problems.append

    byarch = dict(((a["arch"], a["condition"]), a) for a in doc["arches"])
    want = set((n, one(f, "cond", "")) for (n, f) in arches)
    for k in sorted(set(byarch) - want):
        bad("arch %s [%s]: in the model, annotated nowhere" % k)
    for (name, f) in arches:
        a = byarch.get((name, one(f, "cond", "")))
        if a is None:
            bad("arch %s [%s]: annotated, not in the model" %
                (name, one(f, "cond", "")))
        else:
            check_arch(a, name, f, bad)
    checked = len(arches)

    if "findings" in doc:
        got = dict(("%s:%d" % (x["file"], x["line"]), x)
                   for x in doc["findings"])
        for at in sorted(set(got) - set(calls)):
            bad("%s: a finding on a line without annotation" % at)
        for at in sorted(calls):
            if at not in got:
                bad("%s: annotated, no finding" % at)
            else:
                check_finding(at, got[at], calls[at], bad)
        have = sorted("%s:%s" % (h["file"], h["name"]) for h in doc["helpers"])
        if have != sorted(helpers):
            bad("helpers %s, the annotations say %s" % (have, sorted(helpers)))
        sev = [c["severity"] for c in calls.values()]
        unan = sum(c["rule"] == "unanalyzed" for c in calls.values())
        counts = dict(findings=len(calls), errors=sev.count("error"),
                      warnings=sev.count("warning"), notes=sev.count("note"),
                      unanalyzed=unan, direct=len(calls) - unan,
                      in_helper=in_helper)
        for k, v in sorted(counts.items()):
            if doc["counts"][k] != v:
                bad("counts.%s is %s, the annotations say %s" %
                    (k, doc["counts"][k], v))
        checked += len(calls) + 1
    for p in problems:
        print(p)
    print("%d annotated items checked, %d mismatches" % (checked, len(problems)),
          file=sys.stderr)
    sys.exit(1 if problems else 0)


main()
