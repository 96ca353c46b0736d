#!/usr/bin/env python3
"""Reduce ptsync's JSON to what a fixture's expectation pins down.

Run-specific details (file counts, the tree's path) are dropped; every
judgement ptsync makes is kept: rule, severity, address or reason class,
and the variants each finding is exposed on."""
import json
import sys


def finding(f):
    reason = f["reason"]
    return {
        "at": "%s:%d:%d" % (f["file"], f["line"], f["column"]),
        "function": f["function"],
        "section": f["section"],
        "level": f["level"],
        "rule": f["rule"],
        "severity": f["severity"],
        "address": f["address"],
        # the reason's class: its words before the first colon
        "reason": reason.split(":")[0] if reason else None,
        "exposed_on": sorted("%s [%s]" % (e["arch"], e["condition"])
                             for e in f["exposed_on"]),
        "latent_on": f["latent_on_count"],
        "noop_on": f["noop_on_count"],
        "synced_locally": f["synced_locally"],
        "boot_only": f["boot_only"],
    }


def arch(a):
    return {
        "arch": a["arch"],
        "condition": a["condition"],
        "mask": a["mask"],
        "mask_condition": a["mask_condition"],
        "folded": sorted(set(x["level"] for x in a["folded"])),
        "sync_hook": [h["file"] for h in a["sync_hook"]],
    }


doc = json.load(sys.stdin)
out = {}
if "findings" in doc:
    out["findings"] = [finding(f) for f in doc["findings"]]
    out["helpers"] = sorted("%s:%s" % (h["file"], h["name"])
                            for h in doc["helpers"])
    c = doc["counts"]
    out["counts"] = {k: c[k] for k in ("findings", "errors", "warnings",
                                       "notes", "direct", "unanalyzed",
                                       "in_helper")}
out["arches"] = [arch(a) for a in doc["arches"]]
json.dump(out, sys.stdout, indent=1, sort_keys=True)
print()
