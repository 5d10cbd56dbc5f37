#!/usr/bin/env python3
"""Writes Corpus/validate/pages.jsonl from `zongjie validate Corpus/pages/*.txt --format jsonl`.

Usage: swift build && .build/debug/zongjie validate Corpus/pages/*.txt --format jsonl \
         | python3 Tests/Scripts/validation_snapshot.py > Corpus/validate/pages.jsonl

Every finding gets the page, line and text it is about and a review note. The notes of the
figure rules (totals, growth, percent-range, dates, inconsistent-figures, missing-section) are
kept from the previous snapshot when the same finding is there; new findings of those rules get
"UNREVIEWED" and must be read and either explained or fixed in the rule before committing.
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SNAPSHOT = os.path.join(ROOT, "Corpus", "validate", "pages.jsonl")

previous = {}
if os.path.exists(SNAPSHOT):
    for line in open(SNAPSHOT, encoding="utf-8"):
        item = json.loads(line)
        previous[(item["page"], item["rule"], item["start"], item["end"])] = item.get("review", "")

texts = {}


def review(d, text):
    rule = d["rule"]
    message = d["message"]
    if rule == "placeholder":
        if "文号" in message:
            return "a document number whose year was deleted (seed catalog 6.2)"
        if text.startswith("□"):
            return "□ stands before a masked value (seed catalog 9.1)" if len(text) > 1 else "□ where punctuation was lost (seed catalog 9.1)"
        if "年份" in message:
            return "a masked year left from the template"
        return "a name or figure masked in the template"
    if rule == "web-residue":
        kind = re.search(r"（(.*?)）", message)
        return "website furniture, not the report's text" + (f" ({kind.group(1)})" if kind else "")
    if rule == "copied-text":
        source = re.search(r"“(Corpus/pages/[^”]+)”", message)
        return "the same report is on another page (seed catalog 1.4): " + (source.group(1) if source else "?")
    return "UNREVIEWED"


out = []
for line in sys.stdin:
    d = json.loads(line)
    source = d["source"]
    if source not in texts:
        texts[source] = open(os.path.join(ROOT, source), encoding="utf-8", newline="").read()
    text = texts[source]
    snippet = text[d["start"]:d["end"]]
    page = os.path.basename(source)
    key = (page, d["rule"], d["start"], d["end"])
    note = previous.get(key) or review(d, snippet)
    out.append({
        "page": page,
        "line": text.count("\n", 0, d["start"]) + 1,
        "start": d["start"],
        "end": d["end"],
        "rule": d["rule"],
        "severity": d["severity"],
        "text": snippet,
        "message": d["message"],
        "review": note,
    })

for item in out:
    print(json.dumps(item, ensure_ascii=False))
unreviewed = sum(1 for item in out if item["review"] == "UNREVIEWED")
if unreviewed:
    print(f"{unreviewed} findings need a review note", file=sys.stderr)
