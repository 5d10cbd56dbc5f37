# -*- coding: utf-8 -*-
"""Structure gold of set 9: boilerplate line ranges, articles and headings, decided by line number.
Offsets are computed from the page text (a heading's start is where its text is found on its line)."""
import json
import os

from annolib import ROOT, read_page

DECISIONS = {
    "i1_education_team.txt": {
        "boilerplate": [(1, 1, "breadcrumb (site navigation)"),
                        (3, 3, "page metadata 发布时间/来源/浏览次数 (inside the article)"),
                        (21, 21, "trailing UI text 【打印】【关闭】")],
        "articles": [(2, [
            (5, "一、基本情况", 1, "一、"),
            (8, "二、主要工作", 1, "一、"),
            (9, "（一）推进“组团式”帮扶", 2, "(一)"),
            (10, "（二）提升教学质量", 2, "(一)"),
            (11, "（三）发展职业教育", 2, "(一)"),
            (12, "（四）改善办学条件", 2, "(一)"),
            (13, "（五）开展送教下乡", 2, "(一)"),
            (14, "（六）促进交往交流交融", 2, "(一)"),
            (15, "三、存在的困难", 1, "一、"),
            (17, "四、下一步打算", 1, "一、"),
        ])],
    },
    "i2_sci_tech_envoy.txt": {
        "boilerplate": [],
        "articles": [(1, [
            (5, "一、基本情况", 1, "一、"),
            (6, "(一)人员派驻情况", 2, "(一)"),
            (8, "(二)产业服务情况", 2, "(一)"),
            (10, "（三）人才培训情况", 2, "(一)"),
            (12, "(四)资金投入情况", 2, "(一)"),
            (14, "(五)科技成果情况", 2, "(一)"),
            (17, "二、2024—2025年工作方案", 1, "一、"),
            (18, "1.总体目标", 2, "1."),
            (20, "2.重点任务", 2, "1."),
            (21, "2.1 建强特派员队伍", 3, "1.1"),
            (22, "2.2 完善投入机制", 3, "1.1"),
            (23, "2.3 加强协作交流", 3, "1.1"),
            (24, "2.4 健全利益联结", 3, "1.1"),
            (25, "三、保障措施", 1, "一、"),
            (26, "（一）加强组织领导", 2, "(一)"),
            (27, "（二）严格考核管理", 2, "(一)"),
            (28, "（三）强化经费保障", 2, "(一)"),
        ])],
    },
    "i3_cadre_reports_scraped.txt": {
        "boilerplate": [(1, 1, "breadcrumb (site navigation)"),
                        (2, 2, "SEO page title (精选3篇)"),
                        (3, 3, "page metadata 时间/来源"),
                        (4, 4, "小编 introduction"),
                        (5, 8, "本文目录 table of contents"),
                        (13, 13, "返回目录 back-link"),
                        (19, 19, "返回目录 back-link"),
                        (31, 34, "trailing related links 相关推荐 and 下一篇")],
        "articles": [(9, []), (14, []), (20, [
            (22, "一、主要工作", 1, "一、"),
            (23, "（一）带教传帮", 2, "(一)"),
            (24, "（二）推动派驻机制", 2, "(一)"),
            (25, "（三）参加进修培训", 2, "(一)"),
            (26, "（四）开展巡回义诊", 2, "(一)"),
            (27, "二、存在的不足", 1, "一、"),
            (29, "三、今后打算", 1, "一、"),
        ])],
    },
}


def build(name, dec):
    text = read_page(name)
    lines = text.split("\n")
    starts = []
    pos = 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln) + 1
    bp = []
    for a, b, note in dec["boilerplate"]:
        bp.append({"start": starts[a - 1], "end": starts[b - 1] + len(lines[b - 1]), "line": a, "note": note})
    bp_starts = sorted(x["start"] for x in bp)
    arts = []
    art_lines = [a for a, _ in dec["articles"]]
    for k, (a, heads) in enumerate(dec["articles"]):
        s = starts[a - 1]
        if k + 1 < len(art_lines):
            nxt = starts[art_lines[k + 1] - 1]
        else:
            nxt = len(text)
        # an article ends at the next article or at the first boilerplate range after it that starts a line
        # at or after its last content; boilerplate inside the article (the 发布时间 line) does not end it
        end = nxt
        for x in bp_starts:
            if s < x < nxt:
                # ends only if everything from x to nxt is boilerplate
                covered = all(any(b["start"] <= starts[i] <= b["end"] for b in bp)
                              for i in range(len(lines)) if x <= starts[i] < nxt)
                if covered:
                    end = x
                    break
        hs = []
        for ln, htext, level, style in heads:
            line = lines[ln - 1]
            off = line.find(htext)
            if off < 0:
                raise SystemExit(f"{name}: heading {htext!r} not on line {ln}")
            hs.append({"start": starts[ln - 1] + off, "heading": htext, "level": level, "line": ln, "style": style})
        arts.append({"title": lines[a - 1].strip(), "start": s, "end": end, "line": a, "headings": hs})
    return {"source": "pages/" + name, "boilerplate": bp, "articles": arts}


if __name__ == "__main__":
    os.makedirs(os.path.join(ROOT, "structure"), exist_ok=True)
    for name, dec in DECISIONS.items():
        st = build(name, dec)
        out = os.path.join(ROOT, "structure", name.replace(".txt", ".json"))
        with open(out, "w", encoding="utf-8", newline="\n") as f:
            f.write(json.dumps(st, ensure_ascii=False, indent=1))
        print(out, len(st["boilerplate"]), len(st["articles"]), sum(len(a["headings"]) for a in st["articles"]))
