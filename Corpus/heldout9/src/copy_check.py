# -*- coding: utf-8 -*-
"""Independence check: list every maximal string of N+ characters (default 12) that a page of this set
shares with any page under /work/main/Corpus/**/pages or /work/shared/seeds."""
import glob
import os
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 12
HERE = os.path.dirname(os.path.abspath(__file__))
mine = {os.path.basename(p): open(p, encoding="utf-8").read()
        for p in sorted(glob.glob(os.path.join(HERE, "..", "pages", "*.txt")))}
others = sorted(set(glob.glob("/work/main/Corpus/**/pages/**/*.txt", recursive=True))
                | set(glob.glob("/work/shared/seeds/**/*", recursive=True)))
texts = {}
for p in others:
    if os.path.isfile(p):
        texts[p] = open(p, encoding="utf-8", errors="replace").read()
grams = {}
for p, t in texts.items():
    for i in range(len(t) - N + 1):
        grams.setdefault(t[i:i + N], p)
found = 0
for name, t in mine.items():
    i = 0
    while i <= len(t) - N:
        g = t[i:i + N]
        if g in grams:
            src = grams[g]
            k = i + N
            while k < len(t) and t[i:k + 1] in texts[src]:
                k += 1
            print(f"{name}\t{i}\t{t[i:k]!r}\t{os.path.relpath(src, '/work')}")
            found += 1
            i = k
        else:
            i += 1
print(f"{found} shared strings of {N}+ characters ({len(texts)} files compared)")
