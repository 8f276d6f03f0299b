#!/usr/bin/python3
"""Loads one dyad export with a real parser for its format and checks what the README
promises of it. Usage: export_check.py FORMAT FILE JSONL_FILE [SECOND_EXPORT]
JSONL_FILE is the jsonl export of the same store (the same events in the same order).
Prints "ok N" (N rows) or the first violation, exit 1."""
import csv
import json
import sys

fmt, path, jsonl_path = sys.argv[1:4]
second = sys.argv[4] if len(sys.argv) > 4 else None
events = [json.loads(l) for l in open(jsonl_path, encoding="utf-8") if l.strip()]


def fail(msg):
    print(msg)
    sys.exit(1)


if fmt == "jsonl":
    for e in events:
        for key in ("outlet", "url", "modality", "negated", "date_basis", "symmetric", "cluster_id"):
            if key not in e:
                fail("jsonl: no %s in %s" % (key, e["event_id"]))
        if e["negated"] or e["modality"] in ("hypothetical", "requested"):
            fail("jsonl: %s (%s, negated %s) kept by default" % (e["event_id"], e["modality"], e["negated"]))
    print("ok", len(events))
elif fmt == "csv":
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    header, body = rows[0], rows[1:]
    for col in ("date_basis", "symmetric", "source_role", "target_role", "modality", "negated",
                "outlet", "url", "num_sources"):
        if col not in header:
            fail("csv: no column " + col)
    for r in body:
        if len(r) != len(header):
            fail("csv: %d fields, header has %d: %r" % (len(r), len(header), r))
    if len(body) != len(events):
        fail("csv: %d rows, jsonl %d" % (len(body), len(events)))
    for r, e in zip(body, events):
        d = dict(zip(header, r))
        if d["event_id"] != e["event_id"] or d["evidence"] != e["evidence"]["text"]:
            fail("csv: row of %s differs from its jsonl record" % d["event_id"])
        if d["date"] != (e["date"] or "") or d["symmetric"] != str(e["symmetric"]).lower():
            fail("csv: date/symmetric of %s" % d["event_id"])
    print("ok", len(body))
elif fmt == "gdelt":
    def load(p):
        with open(p, newline="", encoding="utf-8") as f:
            return list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE, strict=True))
    rows = load(path)
    if len(rows) != len(events):
        fail("gdelt: %d rows, jsonl %d" % (len(rows), len(events)))
    for r, e in zip(rows, events):
        if len(r) != 61:
            fail("gdelt: %d columns" % len(r))
        if (e["date"] or e.get("published")) and not r[1]:
            fail("gdelt: SQLDATE empty for dated event %s" % e["event_id"])
        for c in (5, 15):
            if r[c].startswith("---"):
                fail("gdelt: actor code %r" % r[c])
        if r[34] != "":
            fail("gdelt: AvgTone %r" % r[34])
        mentions, sources, articles = int(r[31]), int(r[32]), int(r[33])
        if not (mentions >= articles >= sources >= 1):
            fail("gdelt: counts %d %d %d" % (mentions, sources, articles))
        if len(r[59]) != 14 or not r[59].isdigit():
            fail("gdelt: DATEADDED %r" % r[59])
    if second is not None:
        other = load(second)
        if [r[59] for r in other] != [r[59] for r in rows]:
            fail("gdelt: DATEADDED differs between two exports")
    print("ok", len(rows))
elif fmt == "plover":
    records = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    for rec in records:
        for who in rec["actor"] + rec["recipient"]:
            if who.get("code") == "---" or who.get("sector") in ("HLH", "INS", "SEP"):
                fail("plover: CAMEO's codes in %r" % who)
        if "negated" not in rec or "modality" not in rec:
            fail("plover: no negated/modality")
        if rec.get("link") and rec["cite_info"].get("url") != rec["link"]:
            fail("plover: no url in cite_info")
    print("ok", len(records))
else:
    fail("unknown format " + fmt)
