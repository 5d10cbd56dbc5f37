# -*- coding: utf-8 -*-
"""Small helpers: every record is an anchor string with the record text marked [[...]].
The anchor (brackets removed) must occur exactly once in the page (or `occ` picks the n-th
occurrence, 0-based), so offsets are found by search, never typed by hand."""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")


def read_page(name):
    with open(os.path.join(ROOT, "pages", name), encoding="utf-8", newline="") as f:
        return f.read()


def locate(page, anchor, occ=None):
    pre, rest = anchor.split("[[", 1)
    mid, post = rest.split("]]", 1)
    full = pre + mid + post
    hits = []
    i = page.find(full)
    while i >= 0:
        hits.append(i)
        i = page.find(full, i + 1)
    if occ is None:
        if len(hits) != 1:
            raise SystemExit(f"anchor {anchor!r}: {len(hits)} occurrences")
        pos = hits[0]
    else:
        if occ >= len(hits):
            raise SystemExit(f"anchor {anchor!r}: occurrence {occ} of {len(hits)}")
        pos = hits[occ]
    s = pos + len(pre)
    return s, s + len(mid), mid


class Page:
    def __init__(self, name):
        self.name = name
        self.text = read_page(name)
        self.recs = []

    def _base(self, kind, anchor, occ):
        s, e, t = locate(self.text, anchor, occ)
        return {"kind": kind, "start": s, "end": e, "text": t}

    def C(self, anchor, value, qualifier, unit, obj, low=None, high=None, occ=None):
        r = self._base("count", anchor, occ)
        r.update({"value": value, "low": value if low is None else low,
                  "high": value if high is None else high, "qualifier": qualifier,
                  "unit": unit, "object": obj})
        self.recs.append(r)

    def M(self, anchor, amount, qualifier, low=None, high=None, currency="CNY", occ=None):
        r = self._base("money", anchor, occ)
        r.update({"amount": amount, "low": amount if low is None else low,
                  "high": amount if high is None else high, "qualifier": qualifier,
                  "currency": currency})
        self.recs.append(r)

    def D(self, anchor, year, month, day, masked=False, to=None, occ=None):
        r = self._base("date", anchor, occ)
        r.update({"year": year, "month": month, "day": day, "masked": masked,
                  "to": None if to is None else {"year": to[0], "month": to[1], "day": to[2]}})
        self.recs.append(r)

    def I(self, anchor, typ, masked=False, occ=None):
        r = self._base("institution", anchor, occ)
        r.update({"name": r["text"], "type": typ, "masked": masked})
        self.recs.append(r)

    def P(self, anchor, count, unit, staff, verb, frm, batches=None, per=None, occ=None):
        r = self._base("dispatch", anchor, occ)
        r.update({"count": count, "unit": unit, "staff": staff, "verb": verb, "from": frm,
                  "batches": batches, "per": per})
        self.recs.append(r)

    def write(self):
        recs = sorted(self.recs, key=lambda r: (r["start"], r["kind"], r["end"]))
        seen = set()
        for r in recs:
            k = (r["kind"], r["start"], r["end"])
            if k in seen:
                raise SystemExit(f"duplicate {k}")
            seen.add(k)
        os.makedirs(os.path.join(ROOT, "gold"), exist_ok=True)
        out = os.path.join(ROOT, "gold", self.name.replace(".txt", ".jsonl"))
        with open(out, "w", encoding="utf-8", newline="\n") as f:
            for r in recs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(out, len(recs))
