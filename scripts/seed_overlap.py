"""List repository files that share any run of five words with the seed article (which must never
be copied into the repo). Run from the repository root: python scripts/seed_overlap.py"""
import re, subprocess, sys
seed=open('../shared/seed/000_5f99e16c0eb99cba.txt',encoding='utf-8').read()
words=re.findall(r'\w+', seed.lower())
N=5
grams={' '.join(words[i:i+N]) for i in range(len(words)-N+1)}
files=subprocess.run(['git','ls-files'],capture_output=True,text=True).stdout.split()
for f in files:
    if f.endswith(('.png','.js','.css')) or 'vendor' in f: continue
    try: t=open(f,encoding='utf-8').read().lower()
    except Exception: continue
    w=re.findall(r'\w+', t)
    hits=set()
    for i in range(len(w)-N+1):
        g=' '.join(w[i:i+N])
        if g in grams: hits.add(g)
    if hits: print(f, len(hits), list(hits)[:4])
