#!/usr/bin/env python3
"""Table of nbrun-bench 20-epoch runs (logs named seed<N>[-dropout].log in the given folder)."""
import glob
import os
import re
import sys

folder = sys.argv[1] if len(sys.argv) > 1 else "/tmp/engine-runs"
print("| run | final train acc | final val acc | min val_loss (epoch) | final val_loss | test acc | s/epoch | peak MiB |")
print("|---|---|---|---|---|---|---|---|")
for path in sorted(glob.glob(os.path.join(folder, "seed*.log"))):
    text = open(path).read()
    final = re.search(r"final accuracy ([\d.]+)\s+val_accuracy ([\d.]+)\s+min val_loss ([\d.]+) \(epoch (\d+)\)\s+"
                      r"final val_loss ([\d.]+)\s+test accuracy ([\d.]+)", text)
    # v1 logs: "seconds per epoch 12.78 (min ...)"; v2 logs: "seconds per epoch: median 1.93, min ..."
    speed = re.search(r"seconds per epoch:? (?:median )?([\d.]+).*peak memory (\d+) MiB", text)
    epochs = len(re.findall(r"^epoch ", text, re.M))
    name = os.path.basename(path)[:-4]
    if not final:
        print(f"| {name} | (running, {epochs} epochs done) |")
        continue
    a, va, mv, me, fv, ta = final.groups()
    print(f"| {name} | {a} | {va} | {mv} ({me}) | {fv} | {ta} | {speed.group(1)} | {speed.group(2)} |")
