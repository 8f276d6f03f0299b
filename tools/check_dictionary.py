#!/usr/bin/env python3
"""Self-check for dyad's event dictionary (data/events/*.txt, format in FORMAT.md).

Parses every line the way src/events/dictionary.cc does and reports:
  errors   - unknown CAMEO code, malformed element, no anchor word, unknown flag,
             the same pattern listed twice (with the same or a different code);
  warnings - a broad lemma used as a one-word pattern, words that do not look like
             lemmas (upper case, inflected forms outside quotes).
Prints the number of patterns per CAMEO root. Exit status 1 when there are errors
(or warnings, with --strict).

usage: tools/check_dictionary.py [--table TSV] [--strict] [FILE...]
"""

import argparse
import collections
import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_TABLE = os.path.join(ROOT, "..", "shared", "data", "cameo", "cameo_event_table.tsv")

FLAGS = {"symmetric", "verb", "noun", "state"}
ACTIONS = {"DISCARD", "DISCARD-SENTENCE"}
# Lemmas too broad to stand alone as a whole pattern.
BROAD = {"say", "call", "take", "make", "give", "hold", "strike", "fire", "back", "get",
         "put", "go", "come", "see", "have", "be", "do", "set", "run", "move", "meet",
         "open", "send", "hit", "head", "leave", "keep", "turn", "bring", "lead", "play",
         "order", "charge", "release", "free", "return", "support", "help", "deal", "reach"}
# Words that would make poor anchors: every sentence has them.
FUNCTION_WORDS = {"a", "an", "the", "in", "on", "at", "to", "of", "for", "with", "by", "from",
                  "and", "or", "but", "be", "is", "was", "have", "has", "do", "not", "no",
                  "it", "its", "this", "that", "as", "up", "out"}
WORD_RE = re.compile(r"^[^\W_][\w'\-\.&]*$")


def load_codes(path):
    codes = set()
    with open(path, encoding="utf-8", errors="replace") as f:
        next(f, None)  # header
        for line in f:
            code = line.split("\t", 1)[0].strip()
            if code:
                codes.add(code)
    return codes


class Element:
    def __init__(self, kind, words=(), optional=False):
        self.kind = kind  # word, exact, src, tgt, gap, poss
        self.words = list(words)
        self.optional = optional

    def is_word(self):
        return self.kind in ("word", "exact")


def parse_element(tok):
    optional = False
    if len(tok) >= 2 and tok[0] == "(" and tok[-1] == ")":
        optional = True
        tok = tok[1:-1]
    if not tok:
        raise ValueError("empty element")
    if tok in ("SRC", "TGT"):
        return Element("src" if tok == "SRC" else "tgt", optional=optional)
    if tok[:4] in ("SRC[", "TGT["):  # a slot restricted to actors of some kind
        if not tok.endswith("]") or len(tok) < 6:
            raise ValueError("unclosed '[' in '%s'" % tok)
        words = tok[4:-1].split("|")
        if any(not w for w in words):
            raise ValueError("empty alternative in '%s'" % tok)
        return Element("src" if tok[0] == "S" else "tgt", words, optional)
    if tok == "...":
        return Element("gap", optional=optional)
    if tok == "'s":
        return Element("poss", optional=optional)
    exact = len(tok) >= 2 and tok[0] == '"' and tok[-1] == '"'
    if exact:
        tok = tok[1:-1]
    words = tok.split("|")
    for w in words:
        if not w:
            raise ValueError("empty alternative in '%s'" % tok)
        if w in ("SRC", "TGT", "..."):
            raise ValueError("slot inside alternatives in '%s'" % tok)
        if "(" in w or ")" in w or '"' in w:
            raise ValueError("stray bracket or quote in '%s'" % tok)
    return Element("exact" if exact else "word", words, optional)


def check_file(path, codes, stats, seen, errors, warnings):
    name = os.path.basename(path)
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for no, raw in enumerate(lines, 1):
        where = "%s:%d" % (name, no)
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        flags = []
        if ";" in line:
            line, flag_part = line.split(";", 1)
            line = line.strip()
            flags = flag_part.split()
        parts = line.split()
        if len(parts) < 2:
            errors.append("%s: expected 'CODE PATTERN': %s" % (where, raw))
            continue
        code = parts[0]
        if code not in ACTIONS and code not in codes:
            errors.append("%s: unknown CAMEO code '%s'" % (where, code))
            continue
        try:
            elements = [parse_element(t) for t in parts[1:]]
        except ValueError as e:
            errors.append("%s: %s" % (where, e))
            continue
        anchors = [e for e in elements if e.is_word() and not e.optional]
        if not anchors:
            errors.append("%s: no required word to anchor the pattern" % where)
            continue
        for fl in flags:
            if fl not in FLAGS:
                errors.append("%s: unknown flag '%s'" % (where, fl))
        if "verb" in flags and "noun" in flags:
            errors.append("%s: both 'verb' and 'noun'" % where)
        anchor_index = elements.index(anchors[0])
        for w in anchors[0].words:
            if w in FUNCTION_WORDS:
                warnings.append("%s: anchor '%s' is a function word (tried at every occurrence)" % (where, w))
        for e in elements:
            if e.kind == "gap" and e.optional:
                errors.append("%s: optional gap '(...)' means nothing" % where)
        gaps = [i for i, e in enumerate(elements) if e.kind == "gap"]
        for i in gaps:
            if i < anchor_index:
                warnings.append("%s: a gap before the anchor is ignored by the matcher" % where)
            if i + 1 >= len(elements):
                errors.append("%s: a gap must be followed by an element" % where)
        words = [e for e in elements if e.is_word()]
        if len(words) == 1 and not flags and code not in ACTIONS:
            for w in words[0].words:
                if w in BROAD:
                    warnings.append("%s: broad lemma '%s' as a one-word pattern" % (where, w))
        for e in words:
            for w in e.words:
                if w != w.lower():
                    warnings.append("%s: '%s' is not lower case" % (where, w))
                if e.kind == "word" and not WORD_RE.match(w.lower()):
                    warnings.append("%s: odd word '%s'" % (where, w))
        key = " ".join(parts[1:]) + " ;" + " ".join(sorted(flags))
        if key in seen:
            prev_code, prev_where = seen[key]
            if prev_code == code:
                errors.append("%s: duplicate of %s" % (where, prev_where))
            else:
                errors.append("%s: same pattern as %s with code %s" % (where, prev_where, prev_code))
        else:
            seen[key] = (code, where)
        root = code if code in ACTIONS else code[:2]
        stats[root] += 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--table", default=DEFAULT_TABLE)
    ap.add_argument("--strict", action="store_true", help="warnings are errors")
    ap.add_argument("-q", "--quiet", action="store_true", help="only problems and the total")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    if not os.path.exists(args.table):
        print("check_dictionary: code table not found: %s" % args.table, file=sys.stderr)
        return 2
    codes = load_codes(args.table)
    files = args.files or sorted(glob.glob(os.path.join(ROOT, "data", "events", "*.txt")))
    stats = collections.Counter()
    seen = {}
    errors, warnings = [], []
    for path in files:
        check_file(path, codes, stats, seen, errors, warnings)
    for w in warnings:
        print("warning: " + w)
    for e in errors:
        print("error: " + e)
    total = sum(stats.values())
    if not args.quiet:
        print("patterns per root:")
        for root in sorted(stats):
            print("  %-16s %5d" % (root, stats[root]))
    print("%d patterns in %d files, %d errors, %d warnings" %
          (total, len(files), len(errors), len(warnings)))
    if errors or (args.strict and warnings):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
