#!/usr/bin/env python3
"""Scores `zongjie extract` against Corpus/gold/records (for iterating; the Swift tests compute the
same figures). Usage: score_records.py [--kind K] [--verbose] [--fields]"""
import json, subprocess, sys, glob, os, collections
args = sys.argv[1:]
verbose = '--verbose' in args
fields = '--fields' in args
kind_filter = args[args.index('--kind') + 1] if '--kind' in args else None
gold_dir = args[args.index('--gold') + 1] if '--gold' in args else 'Corpus/gold/records'
pages_dir = args[args.index('--pages') + 1] if '--pages' in args else 'Corpus/pages'
binary = os.environ.get('ZONGJIE') or '.build/release/zongjie'
tp = collections.Counter(); fp = collections.Counter(); fn = collections.Counter()
field_ok = collections.Counter(); field_total = collections.Counter()
for gold_path in sorted(glob.glob(gold_dir + '/*.jsonl')):
    page = pages_dir + '/' + os.path.basename(gold_path).replace('.jsonl', '.txt')
    text = open(page, encoding='utf-8', newline='').read()
    gold = [json.loads(l) for l in open(gold_path)]
    out = subprocess.run([binary, 'extract', page, '--kinds', 'count,money,date,institution,dispatch'], capture_output=True, text=True).stdout
    got = [json.loads(l) for l in out.splitlines() if l.strip()]
    if kind_filter:
        gold = [g for g in gold if g['kind'] == kind_filter]; got = [g for g in got if g['kind'] == kind_filter]
    gk = {(g['kind'], g['start'], g['end']): g for g in gold}
    pk = {(g['kind'], g['start'], g['end']): g for g in got}
    line = lambda o: text.count('\n', 0, o) + 1
    for k in gk:
        if k in pk:
            tp[k[0]] += 1
            g, p = gk[k], pk[k]
            for f in g:
                if f in ('kind', 'start', 'end', 'text'): continue
                field_total[(k[0], f)] += 1
                gv, pv = g[f], p.get(f)
                same = gv == pv or (isinstance(gv, (int, float)) and isinstance(pv, (int, float)) and abs(gv - pv) < 1e-6)
                if same: field_ok[(k[0], f)] += 1
                elif fields and verbose: print(f'  field {os.path.basename(page)[:3]}:{line(k[1])} {k[0]} {f}: gold {gv!r} got {pv!r}  [{g["text"]}]')
        else:
            fn[k[0]] += 1
            if verbose: print(f'  FN {os.path.basename(page)[:3]}:{line(k[1])} {k[0]} {gk[k]["text"]!r}   …{text[max(0,k[1]-12):k[2]+8]!r}')
    for k in pk:
        if k not in gk:
            fp[k[0]] += 1
            if verbose: print(f'  FP {os.path.basename(page)[:3]}:{line(k[1])} {k[0]} {pk[k]["text"]!r}   …{text[max(0,k[1]-12):k[2]+8]!r}')
for kind in ['count', 'money', 'date', 'institution', 'dispatch']:
    if kind_filter and kind != kind_filter: continue
    t, p_, n_ = tp[kind], fp[kind], fn[kind]
    prec = t / (t + p_) if t + p_ else 0; rec = t / (t + n_) if t + n_ else 0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0
    fa = ' '.join(f'{f}={field_ok[(kind,f)]}/{field_total[(kind,f)]}' for (k2, f) in sorted(field_total) if k2 == kind)
    print(f'{kind:12s} P {prec:.3f} R {rec:.3f} F1 {f1:.3f}  (tp {t} fp {p_} fn {n_})  {fa}')
