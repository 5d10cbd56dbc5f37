# -*- coding: utf-8 -*-
"""Corrupt one gold record or structure entry at a time and make sure check_i.py reports it."""
import copy
import json
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, ROOT)
import check_i  # noqa: E402

PAGES = ["i1_education_team.txt", "i2_sci_tech_envoy.txt", "i3_cadre_reports_scraped.txt"]


def load(name):
    text = open(os.path.join(ROOT, "pages", name), encoding="utf-8", newline="").read()
    recs = [json.loads(l) for l in open(os.path.join(ROOT, "gold", name.replace(".txt", ".jsonl")), encoding="utf-8")]
    st = json.load(open(os.path.join(ROOT, "structure", name.replace(".txt", ".json")), encoding="utf-8"))
    return text, recs, st


def run(name, text, recs, st):
    check_i.errors.clear()
    check_i.check_page(name, text, recs, st)
    check_i.check_structure(name, text, st)
    return len(check_i.errors)


def first(recs, kind, pred=lambda r: True):
    return next(i for i, r in enumerate(recs) if r["kind"] == kind and pred(r))


def mutations(text, recs):
    def setf(kind, field, val, pred=lambda r: True):
        def f(rs):
            rs[first(rs, kind, pred)][field] = val(rs[first(rs, kind, pred)]) if callable(val) else val
        return f
    yield "count value+1", setf("count", "value", lambda r: r["value"] + 1)
    yield "count qualifier", setf("count", "qualifier", "approx", lambda r: r["qualifier"] == "exact")
    yield "count unit", setf("count", "unit", "人", lambda r: r["unit"] == "名")
    yield "count low", setf("count", "low", 0, lambda r: r["qualifier"] == "range")
    yield "count object far", setf("count", "object", "农牧民群众", lambda r: r["object"] is not None)
    yield "count end-1", setf("count", "end", lambda r: r["end"] - 1)
    yield "money amount", setf("money", "amount", lambda r: r["amount"] * 10)
    yield "money high", setf("money", "high", lambda r: r["high"] + 1, lambda r: r["qualifier"] == "range")
    yield "money qualifier", setf("money", "qualifier", "exact", lambda r: r["qualifier"] != "exact")
    yield "money currency", setf("money", "currency", "RMB")
    yield "date month", setf("date", "month", 3, lambda r: r["month"] not in (None, 3))
    yield "date year", setf("date", "year", lambda r: (r["year"] or 2000) + 1)
    yield "date to", setf("date", "to", None, lambda r: r["to"] is not None)
    yield "date masked", setf("date", "masked", lambda r: not r["masked"])
    yield "inst type", setf("institution", "type", "other", lambda r: r["type"] != "other")
    yield "inst masked", setf("institution", "masked", lambda r: not r["masked"])
    yield "inst name", setf("institution", "name", lambda r: r["name"][:-1])
    yield "dispatch count", setf("dispatch", "count", lambda r: r["count"] + 1)
    yield "dispatch per", setf("dispatch", "per", "每年", lambda r: r["per"] is None)
    yield "dispatch per wrong", setf("dispatch", "per", "每次", lambda r: r["per"] is not None)
    yield "dispatch batches", setf("dispatch", "batches", lambda r: (r["batches"] or 0) + 1)
    yield "dispatch from", setf("dispatch", "from", "教育部")
    yield "dispatch staff", setf("dispatch", "staff", "干部", lambda r: r["staff"] is not None)
    yield "dispatch verb", setf("dispatch", "verb", "选送")
    yield "dispatch unit", setf("dispatch", "unit", "人次", lambda r: r["unit"] == "名")

    def key_order(rs):
        r = rs[0]
        items = list(r.items())
        items[4], items[5] = items[5], items[4]
        rs[0] = dict(items)
    yield "key order", key_order

    def unsort(rs):
        rs[3], rs[4] = rs[4], rs[3]
    yield "sort order", unsort

    def dup(rs):
        rs.insert(1, copy.deepcopy(rs[0]))
    yield "duplicate", dup

    def drop_count_of_dispatch(rs):
        d = rs[first(rs, "dispatch")]
        i = next(i for i, r in enumerate(rs) if r["kind"] == "count" and d["start"] <= r["start"] and r["end"] <= d["end"] and r["low"] == d["count"])
        del rs[i]
    yield "dispatch without its count", drop_count_of_dispatch


def smutations():
    def lvl(st):
        st["articles"][-1]["headings"][-1]["level"] += 2
    yield "heading level jump", lvl

    def hstart(st):
        st["articles"][-1]["headings"][0]["start"] += 1
    yield "heading start", hstart

    def bstart(st):
        if st["boilerplate"]:
            st["boilerplate"][0]["end"] -= 1
        else:
            st["articles"][0]["title"] += "x"
    yield "boilerplate end / title", bstart

    def style(st):
        st["articles"][-1]["headings"][0]["style"] = "1."
    yield "heading style", style

    def astart(st):
        st["articles"][0]["start"] += 1
    yield "article start", astart


def main():
    missed = 0
    total = 0
    for name in PAGES:
        text, recs, st = load(name)
        base = run(name, text, recs, st)
        assert base == 0, check_i.errors
        for label, f in mutations(text, recs):
            rs = copy.deepcopy(recs)
            try:
                f(rs)
            except StopIteration:
                continue
            total += 1
            n = run(name, text, rs, st)
            if n == 0:
                missed += 1
                print("MISSED", name, label)
        for label, f in smutations():
            s2 = copy.deepcopy(st)
            f(s2)
            total += 1
            if run(name, text, recs, s2) == 0:
                missed += 1
                print("MISSED", name, label)
    print(f"{total} corruptions, {missed} missed")


if __name__ == "__main__":
    main()
