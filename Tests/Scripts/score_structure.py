#!/usr/bin/env python3
"""Scores `zongjie segment --format json` against Corpus/gold/structure (for iterating; the Swift
tests compute the same figures). Usage: score_structure.py [--verbose] [zongjie binary]"""
import json, subprocess, sys, glob, os
verbose = '--verbose' in sys.argv
args = [a for a in sys.argv[1:] if a != '--verbose']
binary = args[0] if args else '.build/release/zongjie'
tot = dict(atp=0, afp=0, afn=0, htp=0, hfp=0, hfn=0, lvl=0)
for gold_path in sorted(glob.glob((os.environ.get('GOLD_DIR') or 'Corpus/gold/structure') + '/*.json')):
    gold = json.load(open(gold_path))
    page = (os.environ.get('PAGES_ROOT') or 'Corpus') + '/' + gold['source']
    text = open(page, encoding='utf-8', newline='').read()
    out = json.loads(subprocess.run([binary, 'segment', page, '--format', 'json'], capture_output=True, text=True).stdout)
    g_starts = {a['start'] for a in gold['articles']}
    p_starts = {a['start'] for a in out['articles']}
    atp = len(g_starts & p_starts)
    g_head = {}
    for a in gold['articles']:
        for h in a['headings']:
            g_head[h['start']] = h
    p_head = {}
    def walk(secs):
        for s in secs:
            p_head[s['start']] = s
            walk(s['children'])
    for a in out['articles']:
        walk(a['sections'])
    htp = len(set(g_head) & set(p_head))
    lvl = sum(1 for k in set(g_head) & set(p_head) if g_head[k]['level'] == p_head[k]['level'])
    tot['atp'] += atp; tot['afp'] += len(p_starts - g_starts); tot['afn'] += len(g_starts - p_starts)
    tot['htp'] += htp; tot['hfp'] += len(set(p_head) - set(g_head)); tot['hfn'] += len(set(g_head) - set(p_head)); tot['lvl'] += lvl
    print(f"{os.path.basename(page)[:3]} articles tp={atp} fp={len(p_starts-g_starts)} fn={len(g_starts-p_starts)}  headings tp={htp} fp={len(set(p_head)-set(g_head))} fn={len(set(g_head)-set(p_head))} level-ok={lvl}")
    if verbose:
        line = lambda o: text.count('\n', 0, o) + 1
        for s in sorted(p_starts - g_starts): print('   article FP', line(s), text[s:s+30].replace('\n', '⏎'))
        for s in sorted(g_starts - p_starts): print('   article FN', line(s), text[s:s+30].replace('\n', '⏎'))
        for s in sorted(set(p_head) - set(g_head)): print('   heading FP', line(s), p_head[s]['heading'][:40])
        for s in sorted(set(g_head) - set(p_head)): print('   heading FN', line(s), g_head[s]['heading'][:40])
        for k in sorted(set(g_head) & set(p_head)):
            if g_head[k]['level'] != p_head[k]['level']: print('   level', line(k), g_head[k]['heading'][:30], 'gold', g_head[k]['level'], 'got', p_head[k]['level'])
def f1(tp, fp, fn): return 2*tp/(2*tp+fp+fn) if tp else 0.0
print(f"article F1 {f1(tot['atp'],tot['afp'],tot['afn']):.3f}  heading F1 {f1(tot['htp'],tot['hfp'],tot['hfn']):.3f}  level accuracy {tot['lvl']/max(1,tot['htp']):.3f}")
