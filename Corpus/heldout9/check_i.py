# -*- coding: utf-8 -*-
"""Checker for held-out set 9 (annotator "i").

python3 check_i.py          errors + coverage summary
python3 check_i.py --list   also print unreviewed tokens as ready-to-fill review lines
python3 check_i.py --all    also print every reviewed omission with its reason
"""
import glob
import json
import os
import re
import sys
from decimal import Decimal

ROOT = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(ROOT, "src"))
import reviewed_i  # noqa: E402

# ------------------------------------------------------------------ contract values (spec + guidelines)
KEYS = {
    "count": ["kind", "start", "end", "text", "value", "low", "high", "qualifier", "unit", "object"],
    "money": ["kind", "start", "end", "text", "amount", "low", "high", "qualifier", "currency"],
    "date": ["kind", "start", "end", "text", "year", "month", "day", "masked", "to"],
    "institution": ["kind", "start", "end", "text", "name", "type", "masked"],
    "dispatch": ["kind", "start", "end", "text", "count", "unit", "staff", "verb", "from", "batches", "per"],
}
QUALIFIERS = {"exact", "approx", "more", "less", "range"}
TYPES = {"university", "hospital", "government", "school", "company", "other"}
PERS = {None, "每年", "每学年", "每学期", "每批", "每次"}
VERBS = ["选派", "派出", "派驻", "下派", "派遣", "外派", "增派", "轮派", "互派", "抽调", "委派", "选调", "组派", "派"]
CURRENCIES = {"CNY", "USD", "EUR", "HKD", "JPY", "GBP"}
MEASURES = sorted(("名 人 人次 位 户 户次 个 家 所 项 次 场 场次 期 批 批次 篇 门 门次 台 台次 台件 台套 例 张 件 份 套 册 "
                   "本 节 间 对 辆 车次 封 面 剂 只 处 部 轮 条 种 类 座 栋 支 架 艘 棵 株 头 口 块 盏 袋 箱 包 盒 瓶 枚 颗 "
                   "幅 首 堂 班 组 届").split(), key=len, reverse=True)
LEAD = {"大约": "approx", "将近": "approx", "接近": "approx", "约": "approx", "近": "approx",
        "超过": "more", "突破": "more", "不少于": "more", "不低于": "more", "至少": "more", "最少": "more",
        "多达": "more", "逾": "more", "过": "more", "超": "more",
        "不足": "less", "不到": "less", "不超过": "less", "最多": "less"}
TRAIL = {"左右": "approx", "以上": "more", "以下": "less"}
DATE_MODIFIERS = ["初", "底", "旬", "份", "以来", "前夕", "度", "起", "前", "后", "内", "末", "季", "学期", "至今"]
STUDY = ["进修", "访学", "攻读", "跟班学习", "跟岗学习", "学习培训", "学习", "培训"]
MASK = re.compile(r"[xX×ｘ_＿*＊□]")
SUFFIX_TYPES = [("有限公司", "company"), ("公司", "company"), ("集团", "company"), ("合作社", "company"),
                ("研究所", "other"), ("研究院", "other"), ("科学院", "other"),
                ("附属医院", "hospital"), ("医院", "hospital"), ("卫生院", "hospital"),
                ("附属中学", "school"), ("中学", "school"), ("小学", "school"), ("学校", "school"),
                ("大学", "university"), ("学院", "university"),
                ("委员会", "government"), ("人民政府", "government"), ("指挥部", "government"),
                ("县委", "government"), ("市委", "government"), ("局", "government"), ("厅", "government"),
                ("部", "government")]

FW = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
CN_DIG = {"〇": 0, "零": 0, "0": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
          "八": 8, "九": 9}
CN_UNIT = {"十": 10, "百": 100, "千": 1000}

errors = []


def err(page, msg):
    errors.append(f"{page}: {msg}")


# ------------------------------------------------------------------ independent number reading
def cn_number(s):
    """Chinese numeral (no 万/亿) → int, or None."""
    if not s:
        return None
    if all(c in CN_DIG for c in s) and len(s) > 1:          # digit by digit: 二〇二三
        return int("".join(str(CN_DIG[c]) for c in s))
    total, cur = 0, None
    for c in s:
        if c in CN_DIG:
            cur = CN_DIG[c]
        elif c in CN_UNIT:
            total += (1 if cur is None else cur) * CN_UNIT[c]
            cur = None
        else:
            return None
    return total + (cur or 0)


def plain_number(s):
    s = s.translate(FW).replace(",", "")
    if re.fullmatch(r"\d+(\.\d+)?", s):
        return Decimal(s) if "." in s else int(s)
    return cn_number(s)


NUM = r"[0-9０-９][0-9０-９,，.．]*|[〇零一二两三四五六七八九十百千]+"
PART = re.compile(r"^(?P<n>" + NUM + r")?(?P<x1>余|多|几)?(?P<m>万|亿)?(?P<x2>余|多)?$")
RANGE_SEP = re.compile(r"——|--|—|–|-|~|～|至|、")


def read_part(s):
    """'1.2万' → (12000, mult, more?) ; '百万余' style handled by PART with n absent → 1."""
    m = PART.match(s)
    if not m or (m.group("n") is None and m.group("m") is None):
        return None
    n = plain_number(m.group("n")) if m.group("n") else 1
    if n is None:
        return None
    mult = {"万": 10000, "亿": 100000000, None: 1}[m.group("m")]
    more = bool(m.group("x1") or m.group("x2"))
    return n, mult, more


def read_quantity(core):
    """core: number part (no unit, no qualifiers) → (value, low, high, qualifier-from-core)."""
    parts = RANGE_SEP.split(core)
    if len(parts) == 2:
        a, b = read_part(parts[0]), read_part(parts[1])
        if not a or not b:
            return None
        amult = a[1] if a[1] != 1 else b[1]            # multiplier carried to a bare first end
        lo, hi = a[0] * amult, b[0] * b[1]
        return lo, lo, hi, "range"
    if len(parts) != 1:
        return None
    a = read_part(core)
    if not a:
        return None
    v = a[0] * a[1]
    return v, v, v, ("more" if a[2] else "exact")


def strip_quals(t, extra_lead=()):
    lead = None
    for w in sorted(list(LEAD) + list(extra_lead), key=len, reverse=True):
        if t.startswith(w):
            lead = w
            t = t[len(w):]
            break
    trail = None
    for w in TRAIL:
        if t.endswith(w):
            trail = w
            t = t[:-len(w)]
            break
    return t, lead, trail


def norm(v):
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    return v


def reread_count(t):
    core, lead, trail = strip_quals(t)
    unit = next((u for u in MEASURES if core.endswith(u)), None)
    if unit is None:
        return None
    core = core[:-len(unit)]
    if core.endswith("余") or core.endswith("多"):
        pass
    q = read_quantity(core)
    if q is None:
        return None
    v, lo, hi, cq = q
    if cq == "range":
        qual = "range"
    elif cq == "more":
        qual = "more"
    elif trail:
        qual = TRAIL[trail]
    elif lead:
        qual = LEAD[lead]
    else:
        qual = "exact"
    return norm(v), norm(lo), norm(hi), qual, unit


def reread_money(t):
    core, lead, trail = strip_quals(t, extra_lead=("人民币",))
    if lead == "人民币":
        lead = None
    elif core.startswith("人民币"):
        core = core[3:]
    if not core.endswith("元"):
        return None
    core = core[:-1]
    parts = RANGE_SEP.split(core)
    parts = [p[:-1] if p.endswith("元") else p for p in parts]
    q = read_quantity(RANGE_SEP.search(core).group(0).join(parts) if len(parts) == 2 else core)
    if q is None:
        return None
    v, lo, hi, cq = q
    qual = "range" if cq == "range" else "more" if cq == "more" else (TRAIL[trail] if trail else LEAD[lead] if lead else "exact")
    return norm(v), norm(lo), norm(hi), qual


YEAR = r"(?P<y>[0-9０-９]{4}|[12][0-9０-９][xX×_]{2}|20[xX]{2}|[〇零一二三四五六七八九]{4}|[xX×_]+)"
DATE_SIDE = re.compile(r"^(?:" + YEAR + r"年)?(?:(?P<m>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}|[xX×_]+)月)?"
                       r"(?:(?P<d>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}|[xX×_]+)日)?$")


def date_val(s):
    if s is None:
        return None, False
    if MASK.search(s):
        return None, True
    v = plain_number(s)
    return v, False


def read_side(s):
    m = DATE_SIDE.match(s)
    if not m or not s:
        return None
    out, masked = {}, False
    for k in ("y", "m", "d"):
        g = m.group(k)
        v, mk = date_val(g)
        masked = masked or mk
        out[k] = (g is not None, v)
    return out, masked


def reread_date(t):
    parts = re.split(r"至|到|——|—|–|-|~|～", t)
    if len(parts) == 1:
        r = read_side(t)
        if not r:
            return None
        o, mk = r
        return o["y"][1], o["m"][1], o["d"][1], mk, None
    if len(parts) != 2:
        return None
    a, b = parts
    if re.fullmatch(r"[0-9０-９xX×_]+", a):                 # 2024—2025年 / 2024—2025学年
        unit = "年" if b.endswith("年") else None
        if b.endswith("学年"):
            b = b[:-2] + "年"
            unit = "年"
        a = a + (unit or "")
    if b.endswith("学年"):
        b = b[:-2] + "年"
    ra, rb = read_side(a), read_side(b)
    if not ra or not rb:
        return None
    (oa, ma), (ob, mb) = ra, rb
    ty = ob["y"][1] if ob["y"][0] else oa["y"][1]
    if ob["m"][0]:
        tm = ob["m"][1]
    elif ob["d"][0]:
        tm = oa["m"][1]
    else:
        tm = None
    td = ob["d"][1] if ob["d"][0] else None
    return oa["y"][1], oa["m"][1], oa["d"][1], ma or mb, {"year": ty, "month": tm, "day": td}


def inst_type(name):
    for suf, typ in SUFFIX_TYPES:
        if name.endswith(suf):
            return typ
    return None


# ------------------------------------------------------------------ page-level checks
def lines_of(text):
    starts, pos = [], 0
    for ln in text.split("\n"):
        starts.append(pos)
        pos += len(ln) + 1
    return starts


def line_no(starts, off):
    lo = 0
    for i, s in enumerate(starts):
        if s <= off:
            lo = i
    return lo + 1


def check_page(name, text, recs, st):
    starts = lines_of(text)
    bps = [(b["start"], b["end"]) for b in st["boilerplate"]]
    delim = [(a["start"], a["start"] + len(text[a["start"]:].split("\n", 1)[0]))
             for a in st["articles"] if re.search(r"篇[一二三四五六七八九十]+$|第\d+篇", a["title"])]

    def in_bp(s, e):
        return any(bs <= s and e <= be + 0 for bs, be in bps) or any(bs <= s < be or bs < e <= be for bs, be in bps)

    # ---- file rules
    raw = open(os.path.join(ROOT, "pages", name), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(name, "BOM")
    if b"\r" in raw:
        err(name, "CR in page")
    if raw.endswith(b"\n"):
        err(name, "final newline")
    if not 1600 <= len(text) <= 2400:
        err(name, f"length {len(text)} outside 1600–2400")

    prev = None
    seen = set()
    by_kind = {}
    for r in recs:
        k = r["kind"]
        if k not in KEYS:
            err(name, f"unknown kind {k}")
            continue
        if list(r.keys()) != KEYS[k]:
            err(name, f"key order {list(r.keys())} for {k}")
        s, e = r["start"], r["end"]
        if text[s:e] != r["text"]:
            err(name, f"text mismatch at {s}: {r['text']!r} vs {text[s:e]!r}")
        if "\n" in r["text"] or not r["text"]:
            err(name, f"record across a line break or empty at {s}")
        if in_bp(s, e):
            err(name, f"record in boilerplate at {s} {r['text']!r}")
        if any(ds <= s < de for ds, de in delim):
            err(name, f"record in an SEO delimiter line at {s}")
        key = (s, k, e)
        if prev is not None and key < prev:
            err(name, f"not sorted at {s}")
        prev = key
        if key in seen:
            err(name, f"duplicate {key}")
        seen.add(key)
        by_kind.setdefault(k, []).append(r)
        # numbers glued on the outside
        before = text[s - 1] if s > 0 else ""
        after = text[e] if e < len(text) else ""
        if re.match(r"[0-9０-９]", after):
            err(name, f"digit glued after {r['text']!r} at {s}")
        if re.match(r"[0-9０-９]", before) and k in ("count", "money", "date"):
            ls = starts[line_no(starts, s) - 1]
            if not (re.fullmatch(r"[0-9]{1,3}", text[ls:s])):
                err(name, f"digit glued before {r['text']!r} at {s} that is not a fused page number")
        if k in ("count", "money"):
            lowk = "value" if k == "count" else "amount"
            v, lo, hi = r[lowk], r["low"], r["high"]
            if r["qualifier"] not in QUALIFIERS:
                err(name, f"qualifier {r['qualifier']}")
            if not (lo <= v <= hi):
                err(name, f"low<=value<=high broken at {s}")
            if (r["qualifier"] == "range") != (lo != hi):
                err(name, f"range convention broken at {s}")
            if r["qualifier"] == "range" and v != lo:
                err(name, f"range value must be low at {s}")
        if k == "count":
            got = reread_count(r["text"])
            want = (r["value"], r["low"], r["high"], r["qualifier"], r["unit"])
            if got != want:
                err(name, f"count re-read {r['text']!r}: {got} != {want}")
            if r["unit"] not in MEASURES or not r["text"].replace("左右", "").replace("以上", "").replace("以下", "").endswith(r["unit"]):
                err(name, f"unit {r['unit']} at {s}")
            if r["object"] is not None:
                o = r["object"]
                if len(o) > 8:
                    err(name, f"object too long {o}")
                win = text[max(0, s - 14):e + 10]
                if o not in win:
                    err(name, f"object {o} not next to {r['text']!r} at {s}")
            if re.match(r"^一(?![十百千万])", r["text"]) and not any(
                    d["start"] <= s and e <= d["end"] for d in recs if d["kind"] == "dispatch"):
                err(name, f"bare 一 count outside a dispatch at {s}")
        if k == "money":
            got = reread_money(r["text"])
            want = (r["amount"], r["low"], r["high"], r["qualifier"])
            if got != want:
                err(name, f"money re-read {r['text']!r}: {got} != {want}")
            if r["currency"] not in CURRENCIES:
                err(name, f"currency {r['currency']}")
            if MASK.search(r["text"]):
                err(name, f"masked money annotated at {s}")
        if k == "date":
            got = reread_date(r["text"])
            want = (r["year"], r["month"], r["day"], r["masked"], r["to"])
            if got != want:
                err(name, f"date re-read {r['text']!r}: {got} != {want}")
            for mod in DATE_MODIFIERS:
                if mod in r["text"]:
                    err(name, f"date modifier {mod} inside {r['text']!r}")
            if r["masked"] != bool(MASK.search(r["text"])):
                err(name, f"date masked flag at {s}")
        if k == "institution":
            if r["name"] != r["text"]:
                err(name, f"name != text at {s}")
            if r["type"] not in TYPES:
                err(name, f"type {r['type']}")
            if inst_type(r["name"]) != r["type"]:
                err(name, f"type {r['type']} disagrees with suffix of {r['name']} ({inst_type(r['name'])})")
            if r["masked"] != bool(MASK.search(r["name"])):
                err(name, f"institution masked flag at {s}")
        if k == "dispatch":
            t = r["text"]
            if r["verb"] not in VERBS or not t.startswith(r["verb"]):
                err(name, f"dispatch verb {r['verb']} at {s}")
            if r["per"] not in PERS:
                err(name, f"per {r['per']}")
            pre = text[max(0, s - 8):s]
            if r["per"] and r["per"] not in pre:
                err(name, f"per {r['per']} not written before the verb at {s}")
            if r["per"] is None and re.search(r"每(年|学年|学期|批|次)$", pre):
                err(name, f"null per but a distributive word before the verb at {s}")
            bm = [m for m in re.finditer(r"(?<!第)(" + NUM + r")批(次)?", t)]
            if r["batches"] is not None:
                if not bm or plain_number(bm[0].group(1)) != r["batches"]:
                    err(name, f"batches {r['batches']} not written in {t!r}")
            elif bm:
                err(name, f"batches null but {bm[0].group(0)} in {t!r}")
            sentence_start = max(text.rfind(c, 0, s) for c in "。；\n") + 1
            if r["from"] is not None:
                ctx = text[sentence_start:s]
                if r["from"] not in ctx:
                    err(name, f"from {r['from']} not before the verb in its sentence at {s}")
                insts = {x["text"] for x in recs if x["kind"] == "institution"}
                if r["from"] not in insts and not re.search(r"[省市县区州]$", r["from"]):
                    err(name, f"from {r['from']} is neither an annotated institution nor a place")
            tail_end = min([i for i in (text.find(c, e) for c in "。；\n□，,;") if i >= 0] or [len(text)])
            tail = text[e:tail_end]
            for w in STUDY:
                if w in tail:
                    err(name, f"study word {w} after dispatch {t!r}")
                    break
    # ---- cross-record checks
    counts = by_kind.get("count", [])
    for d in by_kind.get("dispatch", []):
        inside = [c for c in counts if d["start"] <= c["start"] and c["end"] <= d["end"]
                  and c["low"] == d["count"] and c["unit"] == d["unit"]]
        if not inside:
            err(name, f"dispatch {d['text']!r} has no count record of its figure inside")
            continue
        c = inside[-1]
        if d["staff"] is not None:
            if d["staff"] not in d["text"]:
                err(name, f"staff {d['staff']} not in {d['text']!r}")
            if c["object"] != d["staff"]:
                err(name, f"staff {d['staff']} != count object {c['object']} at {d['start']}")
            if not (d["text"].endswith(d["staff"]) or c["end"] == d["end"]):
                err(name, f"dispatch span does not end at its staff or figure at {d['start']}")
        elif c["end"] != d["end"]:
            err(name, f"dispatch without staff must end at its figure at {d['start']}")
    for k, rs in by_kind.items():
        for a, b in zip(rs, rs[1:]):
            if b["start"] < a["end"]:
                if k == "dispatch" and a["start"] == b["start"]:
                    continue                                  # coordinated objects share the verb
                err(name, f"same-kind overlap {k} at {a['start']} and {b['start']}")
    return by_kind


def check_structure(name, text, st):
    starts = lines_of(text)
    lines = text.split("\n")
    if st["source"] != "pages/" + name:
        err(name, "structure source")
    if list(st.keys()) != ["source", "boilerplate", "articles"]:
        err(name, "structure keys")
    for b in st["boilerplate"]:
        if list(b.keys()) != ["start", "end", "line", "note"]:
            err(name, "boilerplate keys")
        ln = b["line"]
        if starts[ln - 1] != b["start"]:
            err(name, f"boilerplate {b} does not start a line")
        if b["end"] != len(text) and text[b["end"]] != "\n":
            err(name, f"boilerplate {b} does not end a line")
    prev_end = None
    for a in st["articles"]:
        if list(a.keys()) != ["title", "start", "end", "line", "headings"]:
            err(name, "article keys")
        if starts[a["line"] - 1] != a["start"]:
            err(name, f"article {a['title']} start")
        if lines[a["line"] - 1].strip() != a["title"]:
            err(name, f"article title {a['title']}")
        if prev_end is not None and a["start"] != prev_end and not any(
                b["start"] == prev_end and b["end"] + 1 == a["start"] for b in st["boilerplate"]):
            err(name, f"articles not contiguous at {a['start']}")
        prev_end = a["end"]
        levels = {}
        last = 0
        for h in a["headings"]:
            if list(h.keys()) != ["start", "heading", "level", "line", "style"]:
                err(name, "heading keys")
            s = h["start"]
            if text[s:s + len(h["heading"])] != h["heading"]:
                err(name, f"heading text {h['heading']!r} at {s}")
            ls = starts[h["line"] - 1]
            if not re.fullmatch(r"[0-9]{0,3}", text[ls:s]):
                err(name, f"heading {h['heading']} not at its line start")
            if not (a["start"] <= s < a["end"]):
                err(name, f"heading {h['heading']} outside its article")
            if h["level"] > last + 1 or h["level"] < 1:
                err(name, f"heading level jumps at {h['heading']}")
            last = h["level"]
            if levels.setdefault(h["style"], h["level"]) != h["level"]:
                err(name, f"style {h['style']} at two levels")
            pat = {"一、": r"[一二三四五六七八九十]+、", "(一)": r"[（(][一二三四五六七八九十]+[)）]",
                   "1.": r"\d+[.．]", "1.1": r"\d+\.\d+ ", "1、": r"\d+、", "(1)": r"[（(]\d+[)）]"}[h["style"]]
            if not re.match(pat, h["heading"]):
                err(name, f"marker of {h['heading']} does not match style {h['style']}")
            if "。" in h["heading"] or h["heading"].endswith("："):
                err(name, f"heading {h['heading']} keeps its closing mark")
    if st["articles"] and st["articles"][-1]["end"] > len(text):
        err(name, "article beyond text")


# ------------------------------------------------------------------ coverage
MEASURE_RE = "|".join(MEASURES)
TOKEN_PATTERNS = [
    ("numeral", re.compile(r"[0-9０-９]+(?:[.,．][0-9０-９]+)*")),
    ("cn-numeral", re.compile(r"[〇零一二两三四五六七八九十百千]+")),
    ("numeral+measure", re.compile(r"(?:[0-9０-９][0-9０-９,.．]*|[〇零一二两三四五六七八九十百千]+)(?:余|多)?(?:万|亿)?(?:余|多)?"
                                   r"(?:" + MEASURE_RE + r")(?!月|百分点|工作日|学时|课时|星期)")),
    ("date-like", re.compile(r"(?:[0-9０-９]+|[xX×_]+|[〇一二三四五六七八九十]+)[xX×_]*(?:年|月|日)")),
    ("money-like", re.compile(r"(?:[0-9０-９][0-9０-９,.．]*|[〇一二两三四五六七八九十百千]+|[xX×_]+)(?:余|多)?(?:万|亿)?(?:余|多)?元")),
    ("wan-yi", re.compile(r"(?:[0-9０-９][0-9０-９,.．]*|[xX×_]+)(?:余|多)?(?:万|亿)")),
    ("placeholder", re.compile(r"[xX×ｘ_＿*＊□]+")),
    ("inst-suffix", re.compile(r"大学|学院|医院|卫生院|中学|小学|学校|教育局|农业农村局|局|厅|委员会|人民政府|政府|指挥部|"
                               r"有限公司|公司|集团|合作社|研究所|研究院|科学院|县委|市委|党委|中心")),
    ("sending-verb", re.compile("|".join(VERBS))),
]
NEEDS = {"numeral+measure": {"count"}, "date-like": {"date"}, "money-like": {"money"},
         "inst-suffix": {"institution"}, "sending-verb": {"dispatch"}}


def locate(page, anchor):
    pre, rest = anchor.split("[[", 1)
    mid, post = rest.split("]]", 1)
    full = pre + mid + post
    hits = [m.start() for m in re.finditer(re.escape(full), page)]
    if len(hits) != 1:
        return None
    return hits[0] + len(pre), hits[0] + len(pre) + len(mid)


def coverage(name, text, recs, st, show_all, show_list):
    bps = [(b["start"], b["end"]) for b in st["boilerplate"]]
    delim = []
    for a in st["articles"]:
        if re.search(r"篇[一二三四五六七八九十]+$", a["title"]):
            delim.append((a["start"], a["start"] + len(a["title"])))
    tokens = []
    for cat, rx in TOKEN_PATTERNS:
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            if cat == "sending-verb":
                # the verb must start a dispatch record
                if any(r["kind"] == "dispatch" and r["start"] == s for r in recs):
                    continue
            else:
                kinds = NEEDS.get(cat)
                if any(r["start"] <= s and e <= r["end"] and (kinds is None or r["kind"] in kinds) for r in recs):
                    continue
            tokens.append((cat, s, e, m.group(0)))
    auto, open_toks = [], []
    for t in tokens:
        cat, s, e, w = t
        if any(bs <= s and e <= be for bs, be in bps):
            auto.append((t, "boilerplate (no records in boilerplate)"))
        elif any(ds <= s and e <= de for ds, de in delim):
            auto.append((t, "SEO delimiter line (篇N), holds no records"))
        else:
            open_toks.append(t)
    # reviewed entries
    entries = reviewed_i.REVIEWED.get(name, [])
    rule_idx = [i for i, r in enumerate(reviewed_i.WORD_RULES) if r[0] in (None, name)]
    rules = [reviewed_i.WORD_RULES[i] for i in rule_idx]
    used = [0] * len(entries)
    rule_used = [0] * len(rules)
    reviewed, unreviewed = [], []
    spans = []
    for i, (anchor, reason) in enumerate(entries):
        loc = locate(text, anchor)
        if loc is None:
            err(name, f"review anchor not unique or missing: {anchor!r}")
            spans.append(None)
        else:
            spans.append(loc)
    rule_spans = []
    for j, (_, rx, reason) in enumerate(rules):
        rule_spans.append([(m.start(), m.end()) for m in re.finditer(rx, text, re.M)])
    for t in open_toks:
        cat, s, e, w = t
        hit = None
        for i, sp in enumerate(spans):
            if sp and sp[0] <= s and e <= sp[1]:
                used[i] += 1
                hit = entries[i][1]
                break
        if hit is None:
            for j, sps in enumerate(rule_spans):
                if any(a <= s and e <= b for a, b in sps):
                    rule_used[j] += 1
                    hit = "[rule] " + rules[j][2]
                    break
        if hit is None:
            unreviewed.append(t)
        else:
            reviewed.append((t, hit))
    for i, n in enumerate(used):
        if n == 0 and spans[i] is not None:
            err(name, f"stale review entry {entries[i][0]!r}")
    for j, n in enumerate(rule_used):
        RULE_USE[rule_idx[j]] += n
    if show_all:
        for (cat, s, e, w), why in reviewed + auto:
            print(f"  {name} {s:5d} {cat:15s} {w!r:14s} {why}")
    if show_list:
        for cat, s, e, w in unreviewed:
            ctx = text[max(0, s - 6):s] + "[[" + w + "]]" + text[e:e + 6]
            ctx = ctx.replace("\n", "⏎")
            print(f'    ({ctx!r}, ""),  # {cat}')
    return len(reviewed), len(auto), unreviewed, sum(1 for t, h in reviewed if h.startswith("[rule]"))


RULE_USE = {}


def main():
    for i in range(len(reviewed_i.WORD_RULES)):
        RULE_USE[i] = 0
    show_all = "--all" in sys.argv
    show_list = "--list" in sys.argv
    totals = {}
    nrev = nauto = nrule = 0
    unrev_all = []
    for p in sorted(glob.glob(os.path.join(ROOT, "pages", "*.txt"))):
        name = os.path.basename(p)
        text = open(p, encoding="utf-8", newline="").read()
        recs = [json.loads(l) for l in open(os.path.join(ROOT, "gold", name.replace(".txt", ".jsonl")), encoding="utf-8")]
        st = json.load(open(os.path.join(ROOT, "structure", name.replace(".txt", ".json")), encoding="utf-8"))
        by_kind = check_page(name, text, recs, st)
        check_structure(name, text, st)
        r, a, u, ru = coverage(name, text, recs, st, show_all, show_list)
        nrev += r
        nauto += a
        nrule += ru
        unrev_all += u
        totals[name] = {k: len(v) for k, v in by_kind.items()}
        print(name, len(recs), totals[name], f"reviewed {r} (word rules {ru}), boilerplate/delimiter {a}, unreviewed {len(u)}")
    for i, n in RULE_USE.items():
        if n == 0:
            err(reviewed_i.WORD_RULES[i][0] or "*", f"stale word rule {reviewed_i.WORD_RULES[i][1]!r}")
    for e in errors:
        print("ERROR", e)
    print(f"{len(errors)} errors, {len(unrev_all)} unreviewed uncovered tokens "
          f"({nrev} reviewed omissions: {nrev - nrule} by anchor, {nrule} by word rule; {nauto} in boilerplate or delimiter lines)")
    return 1 if errors or unrev_all else 0


if __name__ == "__main__":
    sys.exit(main())
