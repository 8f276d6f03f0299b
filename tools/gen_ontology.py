#!/usr/bin/env python3
"""Generates dyad's ontology tables from the shared reference data.

    python3 tools/gen_ontology.py [--shared ../shared] [--iso-codes FILE] [--out data]

writes
    data/cameo/cameo_codes.tsv   every CAMEO event code with Goldstein, quad class, PLOVER
    data/cameo/actor_types.tsv   CAMEO actor type/role codes and known-group codes
    data/geo/country_codes.tsv   ISO 3166-1 countries with FIPS 10-4, CAMEO code, capital,
                                 coordinates (ISO part from Debian's iso-codes, the rest
                                 from tools/country_facts.tsv)

The outputs are committed: the build never reads ../shared or iso-codes. Re-running the
generator on the same inputs gives byte-identical files. Inconsistencies in the inputs are
printed as warnings and resolved by the rules written into each output's header.
"""

import argparse
import json
import os
import re
import sys

WARNINGS = []


def warn(msg):
    WARNINGS.append(msg)
    print("gen_ontology: warning: " + msg, file=sys.stderr)


def die(msg):
    print("gen_ontology: error: " + msg, file=sys.stderr)
    sys.exit(1)


def read_lines(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return [line.rstrip("\r\n") for line in f]
    except OSError as e:
        die(f"cannot read {path}: {e}")


def data_rows(path):
    """(line_number, fields) for the non-comment, non-blank lines of a TSV."""
    for n, line in enumerate(read_lines(path), 1):
        if not line.strip() or line.startswith("#"):
            continue
        yield n, line.split("\t")


def none_if_empty(s):
    return s if s else "-"


# ---------------------------------------------------------------------------------------
# CAMEO event codes


def sentence_case(name):
    """GDELT writes root names in capitals ("MAKE PUBLIC STATEMENT")."""
    if name.isupper():
        return name[:1] + name[1:].lower()
    return name


def load_cameo_table(path):
    codes = {}
    order = []
    for n, f in data_rows(path):
        if f[0] == "code":
            continue  # column header
        if len(f) < 9:
            die(f"{path}:{n}: expected 9 columns, got {len(f)}")
        code, level, root, base, name, gold = f[0], f[1], f[2], f[3], f[4], f[5]
        quad = f[7]
        if not re.fullmatch(r"\d{2,4}", code):
            die(f"{path}:{n}: bad CAMEO code {code!r}")
        if code in codes:
            die(f"{path}:{n}: duplicate code {code}")
        if int(level) != len(code) - 1:
            die(f"{path}:{n}: level {level} does not match code {code}")
        codes[code] = {
            "code": code,
            "name": sentence_case(" ".join(name.split())),
            "goldstein": float(gold),
            "quad": int(quad),
            "root": root,
            "base": base,
        }
        order.append(code)
    return codes, order


def parent_of(code):
    """"0211" -> "021", "021" -> "02", "02" -> None."""
    return code[:-1] if len(code) > 2 else None


def load_plover_vocab(shared):
    """Event types, modes per type and contexts of the PLOVER manual."""
    types = {f[0] for _, f in data_rows(os.path.join(shared, "data/plover/plover_event_types.tsv"))}
    modes = {}
    for _, f in data_rows(os.path.join(shared, "data/plover/plover_modes.tsv")):
        modes.setdefault(f[0], set()).add(f[1])
    contexts = {f[0] for _, f in data_rows(os.path.join(shared, "data/plover/plover_contexts.tsv"))}
    contexts.discard("context")
    return types, modes, contexts


# Contexts of the 2021 CAMEO2PLOVER table that the later manual's context list renamed or
# folded into another context.
CONTEXT_RENAMES = {"democracy": "pro_democracy", "humanitarian": "human_security"}


def load_plover_map(path, cameo, types, modes, contexts):
    """code -> (type, mode, [contexts]) from the parsed CAMEO2PLOVER table."""
    mapping = {}
    for n, f in data_rows(path):
        f += [""] * (4 - len(f))
        code, ptype, mode = f[0].strip(), f[1].strip(), f[2].strip()
        ctx = [CONTEXT_RENAMES.get(c.strip(), c.strip()) for c in f[3].split(";") if c.strip()]
        if code not in cameo:
            warn(f"{path}:{n}: CAMEO code {code} is not in the CAMEO table; ignored")
            continue
        if ptype and ptype not in types:
            warn(f"{path}:{n}: unknown PLOVER type {ptype!r} for {code}; ignored")
            continue
        # A context written in the mode column (175 "pro_autocracy") is a context; "territory"
        # is both a THREATEN mode and a context, so only non-modes move.
        if mode and mode not in modes.get(ptype, set()) and mode in contexts:
            warn(f"{path}:{n}: {code}: mode {mode!r} is a PLOVER context; moved to contexts")
            if mode not in ctx:
                ctx.insert(0, mode)
            mode = ""
        for c in ctx:
            if c not in contexts:
                warn(f"{path}:{n}: {code}: unknown context {c!r}")
        if code in mapping:
            if mapping[code] != (ptype, mode, ctx):
                warn(f"{path}:{n}: second mapping for {code} ({ptype}); first one kept "
                     f"({mapping[code][0]})")
            continue
        mapping[code] = (ptype, mode, ctx)
    return mapping


def resolve_plover(cameo, order, mapping):
    """The PLOVER type, mode and contexts of every code, inheriting from the parent."""
    out = {}
    for code in sorted(order, key=len):  # parents before children
        own = mapping.get(code)
        if own and own[0]:
            out[code] = own
            continue
        parent = parent_of(code)
        inherited = out.get(parent, ("", "", [])) if parent else ("", "", [])
        if own:  # a row without a type: keep its own mode/contexts where given
            out[code] = (inherited[0], own[1] or inherited[1], own[2] or inherited[2])
        else:
            out[code] = inherited
    return out


CAMEO_HEADER = """\
# dyad CAMEO event ontology: every CAMEO 1.1b3 event code (20 roots "01".."20", base codes
# "010".."204", leaf codes "0211".."2042") with its Goldstein score, quad class and PLOVER
# type, mode and contexts.
# GENERATED by tools/gen_ontology.py; edit the generator, not this file.
#
# Columns (tab-separated, one code per line, lines starting with '#' are comments):
#   code             CAMEO event code, always a string of 2-4 digits with leading zeros
#   name             English description (GDELT lookup names; roots in sentence case)
#   goldstein        GDELT Goldstein scale value, -10.0 .. +10.0
#   quad_class       1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
#                    4 material conflict
#   plover_type      PLOVER event type (AGREE, CONSULT, ...), "-" when none
#   plover_mode      PLOVER mode ("visit", "phone", ...), "-" when none
#   plover_contexts  PLOVER contexts, ';'-separated, "-" when none
#
# Sources: CAMEO codes, names, Goldstein values (GDELT column) and quad classes from the
# CAMEO/GDELT code table; PLOVER type/mode/contexts from the CAMEO2PLOVER table of the
# PLOVER manual draft 0.8 (2021).
# Rules applied where the PLOVER table is silent or inconsistent:
#   - A code without a PLOVER row inherits type, mode and contexts from its parent code
#     ("0211" from "021", "021" from "02"). CAMEO 01 (public statement) and 02 (appeal)
#     have no PLOVER category at any level, so their whole families have plover_type "-".
#   - Root 08 has two PLOVER rows (CONCEDE and RETREAT): the first, CONCEDE, is kept;
#     its children carry their own types (080-083 CONCEDE, 084-087 RETREAT).
#   - A value in the mode column that is a PLOVER context and no mode of the type
#     (175 "pro_autocracy") is moved to the contexts.
#   - Contexts renamed by the later PLOVER manual are written with the new name:
#     "democracy" -> "pro_democracy", "humanitarian" -> "human_security".
#   - Modes are kept as the 2021 table gives them, also those the later manual's mode
#     lists dropped ("ease", "return", "assassinate", "massacre", ...).
#   - PLOVER rows for codes absent from the CAMEO table (1213, 1214) are ignored.
"""


def write_cameo_codes(path, cameo, order, plover):
    lines = [CAMEO_HEADER]
    for code in order:
        c = cameo[code]
        ptype, mode, ctx = plover[code]
        lines.append("\t".join([
            code, c["name"], f"{c['goldstein']:.1f}", str(c["quad"]), none_if_empty(ptype),
            none_if_empty(mode), none_if_empty(";".join(ctx))]) + "\n")
    write(path, "".join(lines))


def check_cameo(cameo, order):
    roots = [f"{i:02d}" for i in range(1, 21)]
    for r in roots:
        if r not in cameo:
            die(f"root {r} missing from the CAMEO table")
    for code in order:
        p = parent_of(code)
        if p and p not in cameo:
            die(f"parent {p} of {code} missing from the CAMEO table")
        if cameo[code]["root"] != code[:2]:
            die(f"{code}: root column says {cameo[code]['root']}")
        if not 1 <= cameo[code]["quad"] <= 4:
            die(f"{code}: quad class {cameo[code]['quad']}")
        if not -10 <= cameo[code]["goldstein"] <= 10:
            die(f"{code}: Goldstein {cameo[code]['goldstein']}")


def check_goldstein_lookup(path, cameo):
    """Cross-checks the table's GDELT column against GDELT's own Goldstein lookup."""
    if not os.path.exists(path):
        return
    for n, f in data_rows(path):
        if f[0] == "CAMEOEVENTCODE" or len(f) < 2:
            continue
        code = f[0].strip()
        if code in cameo and abs(float(f[1]) - cameo[code]["goldstein"]) > 1e-9:
            warn(f"{path}:{n}: Goldstein of {code} is {f[1]}, table says "
                 f"{cameo[code]['goldstein']}")


# ---------------------------------------------------------------------------------------
# Actor types

# Class of each CAMEO type code (CAMEO manual 1.1b3, tables "Generic Domestic Role Codes",
# "International/Transnational Generic Codes" and "International/Transnational Actors with
# Special Codes").
PRIMARY_ROLES = {"COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF"}
SECONDARY_ROLES = {"AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI",
                   "LAB", "LEG", "MED", "REF", "SET"}
TERTIARY_ROLES = {"MOD", "RAD"}
INTERNATIONAL = {"IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS"}
ORGANIZATIONS = {"AMN", "IRC", "GRP", "UNO", "PKO"}
# Role codes the CAMEO manual defines outside GDELT's type list.
EXTRA_TYPES = [("PTY", "party", "Political party")]

ACTOR_HEADER = """\
# dyad CAMEO actor code components: the 3-letter type/role codes that follow a country or
# international code in a CAMEO actor code ("AZEGOV", "IGOUNO", "NGOHRIAMN"), and the
# known-group codes of named organisations ("UNO", "ALQ", "HMS").
# GENERATED by tools/gen_ontology.py; edit the generator, not this file.
#
# Columns (tab-separated):
#   code   3 upper-case letters
#   class  primary_role | secondary_role | tertiary_role | party | international |
#          organization | known_group
#          (primary/secondary/tertiary: CAMEO manual table "Generic Domestic Role Codes";
#           international: generic international codes IGO, NGO, ...; organization: the
#           special organisation codes GDELT lists as types (UNO, AMN, IRC, GRP, PKO);
#           known_group: GDELT's known-group codes, written to Actor*KnownGroupCode)
#   label  English label
# A code may appear with two classes (UNO is a type and a known group).
"""


def load_code_labels(path):
    out = []
    seen = set()
    for _, f in data_rows(path):
        if len(f) < 2 or f[0] == "CODE":
            continue
        code, label = f[0].strip(), " ".join(f[1].split())
        if code in seen:
            continue  # GDELT's type list has UIS twice, its group list CEM and WTO twice
        seen.add(code)
        out.append((code, label))
    return out


def type_class(code):
    for cls, members in (("primary_role", PRIMARY_ROLES), ("secondary_role", SECONDARY_ROLES),
                         ("tertiary_role", TERTIARY_ROLES), ("international", INTERNATIONAL),
                         ("organization", ORGANIZATIONS)):
        if code in members:
            return cls
    return None


def write_actor_types(path, shared):
    types = load_code_labels(os.path.join(shared, "data/cameo/CAMEO.type.txt"))
    groups = load_code_labels(os.path.join(shared, "data/cameo/CAMEO.knowngroup.txt"))
    rows = []
    for code, label in types:
        cls = type_class(code)
        if cls is None:
            die(f"CAMEO type {code} ({label}) has no class; add it to gen_ontology.py")
        rows.append((code, cls, label))
    known = {c for c, _ in types}
    for code, cls, label in EXTRA_TYPES:
        if code not in known:
            rows.append((code, cls, label))
    for code, label in groups:
        rows.append((code, "known_group", label))
    order = {"primary_role": 0, "party": 1, "secondary_role": 2, "tertiary_role": 3,
             "international": 4, "organization": 5, "known_group": 6}
    rows.sort(key=lambda r: (order[r[1]], r[0]))
    for code, _, _ in rows:
        if not re.fullmatch(r"[A-Z]{3}", code):
            die(f"actor code {code!r} is not 3 upper-case letters")
    write(path, ACTOR_HEADER + "".join("\t".join(r) + "\n" for r in rows))


# ---------------------------------------------------------------------------------------
# Country codes

COUNTRY_HEADER = """\
# dyad country table: every ISO 3166-1 country or territory with the codes other formats
# use and the coordinates the exporters need.
# GENERATED by tools/gen_ontology.py from Debian iso-codes (iso_3166-1.json: alpha-3,
# alpha-2, name) and tools/country_facts.tsv (FIPS 10-4, CAMEO, capital, coordinates);
# edit those, not this file.
#
# Columns (tab-separated):
#   iso3         ISO 3166-1 alpha-3 ("DEU"); also the key dyad uses for countries
#                (plus the user-assigned XKX for Kosovo, CAMEO KOS, FIPS KV)
#   iso2         ISO 3166-1 alpha-2 ("DE")
#   fips         FIPS 10-4 country code as used in GDELT geo columns ("GM"), "-" if none
#   cameo        CAMEO country code, equal to iso3 except where CAMEO differs ("ROM")
#   name         English short name (iso-codes common_name where given, else name;
#                a few inverted or formal names shortened: "Democratic Republic of the
#                Congo", "Russia", "Palestine", ...)
#   capital      capital city, "-" when none (uninhabited territories)
#   capital_lat  capital latitude, decimal degrees north, "-" when no capital
#   capital_lon  capital longitude, decimal degrees east, "-" when no capital
#   lat          country centroid latitude (approximate geographic centre)
#   lon          country centroid longitude
"""


# Short names for ISO entries whose iso-codes name is inverted or formal.
NAME_OVERRIDES = {
    "COD": "Democratic Republic of the Congo", "COG": "Republic of the Congo",
    "FSM": "Micronesia", "PSE": "Palestine", "RUS": "Russia", "BRN": "Brunei",
    "VAT": "Vatican City", "VGB": "British Virgin Islands",
    "VIR": "United States Virgin Islands", "FLK": "Falkland Islands",
}

# Codes in common use that ISO 3166-1 leaves to users: alpha-3 -> (alpha-2, name).
USER_ASSIGNED = {"XKX": ("XK", "Kosovo")}


def load_iso(path):
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except OSError as e:
        die(f"cannot read {path}: {e} (apt-get install iso-codes)")
    out = {}
    for c in doc["3166-1"]:
        name = NAME_OVERRIDES.get(c["alpha_3"]) or c.get("common_name") or c["name"]
        out[c["alpha_3"]] = {"iso2": c["alpha_2"], "name": name}
    for iso3, (iso2, name) in USER_ASSIGNED.items():
        out.setdefault(iso3, {"iso2": iso2, "name": name})
    return out


def parse_coord(s, limit, where):
    if s == "-":
        return None
    try:
        v = float(s)
    except ValueError:
        die(f"{where}: bad coordinate {s!r}")
    if not -limit <= v <= limit:
        die(f"{where}: coordinate {s} out of range")
    return v


def load_country_facts(path):
    facts = {}
    for n, f in data_rows(path):
        where = f"{path}:{n}"
        if len(f) != 8:
            die(f"{where}: expected 8 columns, got {len(f)}")
        iso3, fips, cameo, capital, clat, clon, lat, lon = [x.strip() for x in f]
        if iso3 in facts:
            die(f"{where}: duplicate {iso3}")
        if not re.fullmatch(r"[A-Z]{2}|-", fips):
            die(f"{where}: bad FIPS code {fips!r}")
        if not re.fullmatch(r"[A-Z]{3}|-", cameo):
            die(f"{where}: bad CAMEO code {cameo!r}")
        rec = {"fips": fips, "cameo": iso3 if cameo == "-" else cameo, "capital": capital,
               "clat": parse_coord(clat, 90, where), "clon": parse_coord(clon, 180, where),
               "lat": parse_coord(lat, 90, where), "lon": parse_coord(lon, 180, where)}
        if (capital == "-") != (rec["clat"] is None) or (rec["clat"] is None) != (rec["clon"] is None):
            die(f"{where}: capital and its coordinates must be given together")
        if rec["lat"] is None or rec["lon"] is None:
            die(f"{where}: centroid coordinates are required")
        facts[iso3] = rec
    return facts


def fmt_coord(v):
    return "-" if v is None else f"{v:.4f}".rstrip("0").rstrip(".")


# CAMEO "country" codes that are no ISO country: sub-state areas, regions, and the
# dissolved Netherlands Antilles.
CAMEO_NON_COUNTRIES = {
    "WSB", "BAG", "GZS", "AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF",
    "EEU", "EUR", "LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF",
    "WAF", "WST", "ANT"}


def check_cameo_countries(path, facts):
    """Every CAMEO country code of GDELT's lookup must be a row's cameo code."""
    if not os.path.exists(path):
        return
    cameo_codes = {r["cameo"] for r in facts.values()}
    lines = read_lines(path)
    for n, line in enumerate(lines, 1):
        f = line.split("\t")
        if len(f) < 2 or f[0] == "CODE":
            continue
        code = f[0].strip()
        if code in facts or code in cameo_codes or code in CAMEO_NON_COUNTRIES:
            continue
        warn(f"{path}:{n}: CAMEO country code {code} ({f[1].strip()}) is in no row of "
             "country_facts.tsv")


def write_country_codes(path, iso, facts):
    for iso3 in facts:
        if iso3 not in iso:
            die(f"country_facts.tsv: {iso3} is not an ISO 3166-1 alpha-3 code")
    rows = []
    fips_seen = {}
    for iso3 in sorted(iso):
        if iso3 not in facts:
            die(f"country_facts.tsv: no row for {iso3} ({iso[iso3]['name']})")
        f = facts[iso3]
        if f["fips"] != "-":
            if f["fips"] in fips_seen:
                die(f"FIPS {f['fips']} given to both {fips_seen[f['fips']]} and {iso3}")
            fips_seen[f["fips"]] = iso3
        rows.append("\t".join([
            iso3, iso[iso3]["iso2"], f["fips"], f["cameo"], iso[iso3]["name"],
            f["capital"], fmt_coord(f["clat"]), fmt_coord(f["clon"]), fmt_coord(f["lat"]),
            fmt_coord(f["lon"])]) + "\n")
    write(path, COUNTRY_HEADER + "".join(rows))


# ---------------------------------------------------------------------------------------


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"gen_ontology: wrote {path}", file=sys.stderr)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.path.join(root, "..", "shared"))
    ap.add_argument("--iso-codes", default="/usr/share/iso-codes/json/iso_3166-1.json")
    ap.add_argument("--facts", default=os.path.join(here, "country_facts.tsv"))
    ap.add_argument("--out", default=os.path.join(root, "data"))
    args = ap.parse_args()

    cameo, order = load_cameo_table(os.path.join(args.shared, "data/cameo/cameo_event_table.tsv"))
    check_cameo(cameo, order)
    check_goldstein_lookup(os.path.join(args.shared, "data/cameo/CAMEO.goldsteinscale.txt"), cameo)
    types, modes, contexts = load_plover_vocab(args.shared)
    mapping = load_plover_map(os.path.join(args.shared, "data/plover/cameo_to_plover.tsv"),
                              cameo, types, modes, contexts)
    plover = resolve_plover(cameo, order, mapping)
    write_cameo_codes(os.path.join(args.out, "cameo/cameo_codes.tsv"), cameo, order, plover)

    write_actor_types(os.path.join(args.out, "cameo/actor_types.tsv"), args.shared)

    iso = load_iso(args.iso_codes)
    facts = load_country_facts(args.facts)
    check_cameo_countries(os.path.join(args.shared, "data/cameo/CAMEO.country.txt"), facts)
    write_country_codes(os.path.join(args.out, "geo/country_codes.tsv"), iso, facts)
    print(f"gen_ontology: {len(WARNINGS)} warning(s)", file=sys.stderr)


if __name__ == "__main__":
    main()
