#!/usr/bin/env python3
"""shim_gaps.py - which missing WDK headers and names cost real driver trees the most functions.

Usage: shim_gaps.py [--drvtaint BIN] [--data-dir DIR] [--top N] [--json FILE] TREE...

For each tree, finds the kernel-driver folders (a .vcxproj whose ConfigurationType is Driver, or a
WDK `sources` file whose TARGETTYPE is DRIVER, EXPORT_DRIVER or MINIPORT), scans them with
`drvtaint scan -v` and reads the parse health of every unit under them. The headers a unit misses
are found by following its #include lines through the tree (file names compared without case, as
on Windows): a header that neither the tree nor the shim (--data-dir, default the source tree's
include/wdk) has is a gap. A drvtaint whose front end prints "MEASURE-HDR/MEASURE-NAME<TAB>unit<TAB>
name" lines when DRVTAINT_MEASURE=1 is set (a local debugging patch, not part of drvtaint) also
gives the names recovery declared; without it the name ranking is empty.

Prints, per tree, the units, functions and the share of functions without errors after recovery;
then the missing headers that the tree does not ship itself (so WDK or SDK headers), ranked by the
number of functions with errors in the units that miss them; then the names declared on the fly,
ranked the same way. A header or name is charged every erroneous function of a unit that misses it,
so the ranking says where to look first, not how many functions one header alone would fix.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

HEALTH = re.compile(r"^(?P<path>\S.*?): (?P<nf>\d+) functions, (?P<before>\d+) errors before recovery, "
                    r"(?P<after>\d+) after .*?(?:; functions with errors: (?P<bad>.*))?$")
DRIVER_TYPES = ("DRIVER", "EXPORT_DRIVER", "MINIPORT")
SHIM = set()  # lower-case names of the shim's headers
DATA_DIR = None  # --data-dir: another rules/ + include/wdk/ (a shim before a change, for before/after)


def driver_dirs(tree):
    """Folders of kernel-driver projects, outermost only."""
    found = set()
    for root, dirs, files in os.walk(tree):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in files:
            p = os.path.join(root, f)
            if f.lower().endswith(".vcxproj"):
                try:
                    text = open(p, errors="replace").read()
                except OSError:
                    continue
                if re.search(r"<ConfigurationType>\s*Driver\s*</ConfigurationType>", text, re.I):
                    found.add(root)
            elif f.lower() == "sources":
                try:
                    text = open(p, errors="replace").read()
                except OSError:
                    continue
                m = re.search(r"^\s*TARGETTYPE\s*=\s*(\w+)", text, re.M | re.I)
                if m and m.group(1).upper() in DRIVER_TYPES:
                    found.add(root)
    outer = []
    for d in sorted(found):
        if not any(d.startswith(o + os.sep) for o in outer):
            outer.append(d)
    return outer


def tree_files(tree):
    names = set()
    for root, dirs, files in os.walk(tree):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        names.update(f.lower() for f in files)
    return names


INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)


def tree_index(tree):
    """Lower-case file name -> paths in the tree."""
    index = collections.defaultdict(list)
    for root, dirs, files in os.walk(tree):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in files:
            index[f.lower()].append(os.path.join(root, f))
    return index


def static_missing(unit, index, shim, memo):
    """Headers reachable from unit through the tree's own headers that neither has."""
    missing, seen, todo = set(), set(), [unit]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        if path not in memo:
            try:
                memo[path] = INCLUDE.findall(open(path, errors="replace").read())
            except OSError:
                memo[path] = []
        for inc in memo[path]:
            base = inc.replace("\\", "/").rsplit("/", 1)[-1].lower()
            if base.endswith(".tmh"):
                continue  # WPP output: generated, not a shim gap
            if base in index:
                todo.extend(index[base][:1])
            elif base not in shim:
                missing.add(inc.replace("\\", "/").lower())
    return missing


def scan(binary, tree, dirs):
    env = dict(os.environ, DRVTAINT_MEASURE="1")
    if DATA_DIR:
        env["DRVTAINT_DATA_DIR"] = DATA_DIR
    args = [binary, "scan", "-v", "-q", "-j2", "--fail-on", "none"] + [os.path.relpath(d, tree) for d in dirs]
    res = subprocess.run(args, cwd=tree, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         text=True, errors="replace")
    units = {}
    hdrs = collections.defaultdict(set)
    names = collections.defaultdict(set)
    for line in res.stderr.splitlines():
        if line.startswith("MEASURE-HDR\t") or line.startswith("MEASURE-NAME\t"):
            kind, path, what = line.split("\t", 2)
            key = os.path.normpath(os.path.relpath(path, tree) if os.path.isabs(path) else path)
            (hdrs if kind == "MEASURE-HDR" else names)[key].add(what)
            continue
        m = HEALTH.match(line)
        if m:
            bad = len(m.group("bad").split()) if m.group("bad") else 0
            units[os.path.normpath(m.group("path"))] = (int(m.group("nf")), bad, int(m.group("after")))
    return units, hdrs, names


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--drvtaint", default="build-meas/drvtaint")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--data-dir", help="DRVTAINT_DATA_DIR for the scans (compare another shim)")
    ap.add_argument("--json", help="write the per-tree and ranked numbers to FILE")
    ap.add_argument("trees", nargs="+")
    a = ap.parse_args()
    global DATA_DIR, SHIM
    DATA_DIR = os.path.abspath(a.data_dir) if a.data_dir else None
    here = os.path.dirname(os.path.abspath(__file__))
    shim_dir = os.path.join(DATA_DIR or os.path.join(here, "..", ".."), "include", "wdk")
    SHIM = {f.lower() for f in os.listdir(shim_dir)}
    binary = os.path.abspath(a.drvtaint)
    hdr_cost = collections.Counter()
    hdr_units = collections.Counter()
    hdr_sole = collections.Counter()
    name_cost = collections.Counter()
    name_units = collections.Counter()
    out = {"trees": {}}
    tot_f = tot_bad = tot_u = 0
    for tree in a.trees:
        tree = os.path.abspath(tree)
        dirs = driver_dirs(tree)
        if not dirs:
            print(f"{tree}: no driver projects found", file=sys.stderr)
            continue
        local = tree_files(tree)
        units, hdrs, names = scan(binary, tree, dirs)
        if not hdrs:
            index = tree_index(tree)
            memo = {}
            for path in units:
                hdrs[path] = static_missing(os.path.join(tree, path), index, SHIM, memo)
        nf = sum(u[0] for u in units.values())
        bad = sum(u[1] for u in units.values())
        clean_units = sum(1 for u in units.values() if u[2] == 0)
        tot_f += nf
        tot_bad += bad
        tot_u += len(units)
        share = 100.0 * (nf - bad) / nf if nf else 100.0
        print(f"{os.path.basename(tree)}: {len(dirs)} driver folders, {len(units)} units "
              f"({clean_units} without errors), {nf} functions, {nf - bad} without errors ({share:.1f}%)")
        out["trees"][os.path.basename(tree)] = {"driver_folders": len(dirs), "units": len(units),
                                                "clean_units": clean_units, "functions": nf,
                                                "clean_functions": nf - bad}
        for path, (_, nbad, _) in units.items():
            gaps = set()
            for h in hdrs.get(path, ()):
                base = h.replace("\\", "/").rsplit("/", 1)[-1].lower()
                if base in local:
                    continue  # the tree ships it: an include path problem, not a shim gap
                gaps.add(h.lower())
            for h in gaps:
                hdr_cost[h] += nbad
                hdr_units[h] += 1
                if len(gaps) == 1:
                    hdr_sole[h] += nbad
            for n in names.get(path, ()):
                name_cost[n] += nbad
                name_units[n] += 1
    if tot_f:
        print(f"all: {tot_u} units, {tot_f} functions, {tot_f - tot_bad} without errors "
              f"({100.0 * (tot_f - tot_bad) / tot_f:.1f}%)")
    print(f"\nmissing headers not shipped by the tree (functions with errors in units missing it / units /"
          f" functions with errors in units missing only it):")
    for h, c in hdr_cost.most_common(a.top):
        print(f"  {c:6d} {hdr_units[h]:5d} {hdr_sole[h]:6d}  {h}")
    print(f"\nnames declared on the fly (functions with errors in units declaring it / units):")
    for n, c in name_cost.most_common(a.top):
        print(f"  {c:6d} {name_units[n]:5d}  {n}")
    if a.json:
        out["headers"] = [[h, c, hdr_units[h], hdr_sole[h]] for h, c in hdr_cost.most_common()]
        out["names"] = [[n, c, name_units[n]] for n, c in name_cost.most_common()]
        with open(a.json, "w") as f:
            json.dump(out, f, indent=1, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
