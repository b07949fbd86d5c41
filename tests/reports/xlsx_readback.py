#!/usr/bin/env python3
"""Reads back the xlsx report of the example unit with the standard library only (zipfile + XML).

Usage: tests/reports/xlsx_readback.py BAOMI SOURCE_ROOT WORK_DIR

Runs `baomi check --format xlsx -o FILE` and `--format json` on the example unit (with its waivers),
then checks the workbook: the two sheets by name and order, the header rows, that the 整改台账 has one
row per fail/unknown finding and the finding list one per listed finding, that a known cell (the first
problem's rule id, and a subject's JSON Pointer) reads back, and that the same run gives the same bytes.
Also: without -o the format is refused with exit 2 and a Chinese message.
"""
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
LEDGER_HEADER = ["序号", "自查项", "对象", "问题", "规则", "规则名称", "依据条款", "责任部门", "整改措施", "整改期限", "整改情况"]
LIST_HEADER = ["规则", "规则名称", "自查项", "严重程度", "结果", "对象类别", "对象键", "对象", "JSON 指针", "说明", "证据",
               "责任部门", "整改措施", "期限", "剩余天数", "依据条款", "豁免理由", "指纹"]

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print(f"FAIL: {what}")


def column_index(ref):
    letters = "".join(ch for ch in ref if ch.isalpha())
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - ord("A") + 1)
    return n - 1


def read_sheets(path):
    """{sheet name: [row as a list of cell texts]} in workbook order."""
    with zipfile.ZipFile(path) as z:
        check(z.testzip() is None, "the zip's entries have valid CRCs")
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
                shared.append("".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")))
        book = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels.findall("rel:Relationship", NS)}
        sheets = {}
        for s in book.find("m:sheets", NS).findall("m:sheet", NS):
            target = targets[s.get(f"{{{NS['r']}}}id")]
            root = ET.fromstring(z.read("xl/" + target.lstrip("/").removeprefix("xl/")))
            rows = []
            for row in root.find("m:sheetData", NS).findall("m:row", NS):
                cells = {}
                for c in row.findall("m:c", NS):
                    kind = c.get("t")
                    if kind == "s":
                        value = shared[int(c.find("m:v", NS).text)]
                    elif kind == "inlineStr":
                        value = "".join(t.text or "" for t in c.iter(f"{{{NS['m']}}}t"))
                    else:
                        v = c.find("m:v", NS)
                        value = v.text if v is not None else ""
                    cells[column_index(c.get("r"))] = value
                width = max(cells) + 1 if cells else 0
                rows.append([cells.get(i, "") for i in range(width)])
            sheets[s.get("name")] = rows
        return sheets


def main():
    baomi, root, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    snapshot = os.path.join(root, "facts/examples/org.json")
    waivers = os.path.join(root, "facts/examples/waivers.json")
    base = [baomi, "check", snapshot, "--waivers", waivers]
    xlsx = os.path.join(work, "report.xlsx")
    again = os.path.join(work, "again.xlsx")
    report = os.path.join(work, "report.json")
    for args in ([*base, "--format", "xlsx", "-o", xlsx], [*base, "--format", "xlsx", "-o", again],
                 [*base, "--format", "json", "-o", report]):
        run = subprocess.run(args, capture_output=True, text=True)
        check(run.returncode in (0, 1), f"{' '.join(args)} exits 0 or 1, not {run.returncode}: {run.stderr}")

    refused = subprocess.run([*base, "--format", "xlsx"], capture_output=True, text=True)
    check(refused.returncode == 2, f"xlsx without -o exits 2, not {refused.returncode}")
    check("请用 -o 指定输出文件" in refused.stderr, f"xlsx without -o says why: {refused.stderr!r}")
    check(refused.stdout == "", "xlsx without -o writes nothing to stdout")

    with open(xlsx, "rb") as a, open(again, "rb") as b:
        check(a.read() == b.read(), "the same run gives the same bytes")

    with open(report, encoding="utf-8") as f:
        findings = json.load(f)["findings"]
    problems = [f for f in findings if f["outcome"] in ("fail", "unknown")]
    listed = [f for f in findings if f["outcome"] in ("fail", "unknown", "pending", "waived")]

    sheets = read_sheets(xlsx)
    check(list(sheets) == ["整改台账", "全部结果"], f"sheet names: {list(sheets)}")
    ledger = sheets.get("整改台账", [[]])
    every = sheets.get("全部结果", [[]])
    check(ledger[0] == LEDGER_HEADER, f"整改台账 header: {ledger[0]}")
    check(every[0] == LIST_HEADER, f"全部结果 header: {every[0]}")
    check(len(problems) > 0, "the example unit has fail/unknown findings")
    check(len(ledger) - 1 == len(problems),
          f"整改台账 rows {len(ledger) - 1} == fail/unknown findings {len(problems)}")
    check(len(every) - 1 == len(listed), f"全部结果 rows {len(every) - 1} == listed findings {len(listed)}")
    # The rows are numbered 1…n, every problem's rule id appears, and the first listed finding reads
    # back cell by cell.
    check([r[0] for r in ledger[1:]] == [str(i) for i in range(1, len(ledger))], "序号 runs 1…n")
    check(sorted(r[4] for r in ledger[1:]) == sorted(f["rule"] for f in problems),
          "the 整改台账's rule ids are those of the fail/unknown findings")
    if len(every) > 1 and listed:
        first = listed[0]
        check(every[1][0] == first["rule"], f"全部结果 A2 {every[1][0]!r} == {first['rule']!r}")
        check(every[1][8] == first["subject"]["pointer"],
              f"全部结果 I2 {every[1][8]!r} == {first['subject']['pointer']!r}")
        check(every[1][17] == first["fingerprint"], f"全部结果 R2 {every[1][17]!r} == {first['fingerprint']!r}")
    statuses = {r[4] for r in every[1:]}
    check(statuses <= {"不符合", "证据不足", "待办", "已豁免"}, f"全部结果 outcomes: {statuses}")

    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print(f"xlsx reads back: 整改台账 {len(ledger) - 1} rows, 全部结果 {len(every) - 1} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
