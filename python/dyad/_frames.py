"""Typed pandas DataFrames from the columns the C++ module returns.

The module flattens each JSON record (export/event_json.h) into columns: nested objects
become ``parent_member`` columns (``source.code`` -> ``source_code``) and a ``span``
pair ``span_begin``/``span_end``. Here each known column gets its type: text as pandas'
``string`` dtype, counts and offsets as nullable ``Int64``, dates as ``datetime64[ns]``
(a year or month is its first day; the record's precision column tells which), and
every missing value (an empty string, an absent member, a null) as NA. Columns a newer
record adds that are not listed here are kept, after the listed ones, as objects.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

# (column, kind): "str", "int", "float" (never missing), "Float" (may be missing),
# "bool", "date", "obj" (lists and dicts).
_ACTOR = [("code", "str"), ("country", "str"), ("role", "str"), ("entity", "str"),
          ("text", "str"), ("span_begin", "int"), ("span_end", "int")]

EVENT_COLUMNS = (
    [("event_id", "str"), ("article_id", "str"), ("sentence", "int"),
     ("span_begin", "int"), ("span_end", "int"),
     ("date", "date"), ("date_precision", "str"), ("date_basis", "str")]
    + [("source_" + n, k) for n, k in _ACTOR]
    + [("target_" + n, k) for n, k in _ACTOR]
    + [("cameo", "str"), ("goldstein", "float"), ("quad_class", "int"),
       ("plover_type", "str"), ("plover_mode", "str"),
       ("location_name", "str"), ("location_country", "str"), ("location_adm1", "str"),
       ("location_lat", "Float"), ("location_lon", "Float"),
       ("negated", "bool"), ("modality", "str"), ("symmetric", "bool"), ("quantity", "str"),
       ("evidence_pattern", "str"), ("evidence_text", "str"), ("cluster_id", "str")]
)

ARTICLE_COLUMNS = [
    ("id", "str"), ("outlet", "str"), ("distributor", "str"), ("url", "str"),
    ("published", "date"),
    ("published_estimate_date", "date"), ("published_estimate_precision", "str"),
    ("published_estimate_basis", "str"), ("published_estimate_evidence", "str"),
    ("published_estimate_not_before", "date"),
    ("published_estimate_not_before_evidence", "str"),
    ("dateline", "str"), ("byline", "str"), ("title", "str"), ("language", "str"),
    ("metadata", "obj"), ("sentences", "int"), ("events", "int"),
]

ACTOR_COLUMNS = [
    ("id", "int"), ("name", "str"), ("code", "str"), ("country", "str"), ("title", "str"),
    ("aliases", "obj"), ("codes", "obj"), ("first_seen", "date"), ("last_seen", "date"),
    ("articles", "int"), ("mentions", "int"), ("user_defined", "bool"),
]

CLUSTER_COLUMNS = [
    ("cluster_id", "str"), ("cameo", "str"), ("root", "str"),
    ("source_code", "str"), ("source_country", "str"),
    ("target_code", "str"), ("target_country", "str"), ("symmetric", "bool"),
    ("date", "date"), ("date_precision", "str"),
    ("num_articles", "int"), ("num_sources", "int"), ("num_mentions", "int"),
    ("first_report", "date"), ("last_report", "date"),
    ("sources", "obj"), ("outlets", "obj"), ("more", "obj"),
]

RELATION_COLUMNS = [
    ("period", "str"), ("start", "date"), ("precision", "str"), ("events", "int"),
    ("clusters", "int"), ("verbal_cooperation", "int"), ("material_cooperation", "int"),
    ("verbal_conflict", "int"), ("material_conflict", "int"), ("mean_goldstein", "Float"),
    ("a_to_b", "int"), ("b_to_a", "int"),
]

KEY_EVENT_COLUMNS = [
    ("cluster_id", "str"), ("date", "date"), ("date_precision", "str"), ("cameo", "str"),
    ("name", "str"), ("goldstein", "float"), ("source", "str"), ("target", "str"),
    ("symmetric", "bool"), ("num_articles", "int"), ("num_sources", "int"),
    ("num_mentions", "int"), ("first_report", "date"), ("last_report", "date"),
    ("evidence", "str"), ("outlets", "obj"), ("details", "obj"), ("reports", "obj"),
]


def to_datetime(values) -> pd.Series:
    """ISO dates as datetime64[ns]: "2024" and "2024-12" as their first day; date-times
    with an offset in UTC (without the zone); "", None and dates pandas cannot hold
    (before 1677 or after 2262) as NaT."""
    s = pd.Series([v if isinstance(v, str) and v else None for v in values], dtype=object)
    out = pd.Series(pd.NaT, index=s.index, dtype="datetime64[ns]")
    present = s.dropna()
    if present.empty:
        return out
    lengths = present.str.len()
    short = present[lengths <= 10]
    if not short.empty:
        n = short.str.len()
        padded = np.where(n == 4, short + "-01-01", np.where(n == 7, short + "-01", short))
        out[short.index] = pd.to_datetime(pd.Series(padded, index=short.index),
                                          format="%Y-%m-%d", errors="coerce")
    long = present[lengths > 10]
    if not long.empty:
        stamps = pd.to_datetime(long, errors="coerce", utc=True)
        out[long.index] = stamps.dt.tz_convert(None)
    return out


def _column(values: list, kind: str):
    if kind == "str":
        return pd.array([v if v != "" else None for v in values], dtype="string")
    if kind == "int":
        return pd.array(values, dtype="Int64")
    if kind == "float":
        return np.array(values, dtype="float64")
    if kind == "Float":
        return pd.array(values, dtype="Float64")
    if kind == "bool":
        return pd.array(values, dtype="boolean")
    if kind == "date":
        return to_datetime(values).to_numpy()
    series = pd.Series(values, dtype=object)
    return series.to_numpy()


def frame(columns: dict, schema: list) -> pd.DataFrame:
    """The DataFrame of flattened records with the columns of `schema`, typed."""
    rows = len(next(iter(columns.values()))) if columns else 0
    known = {name for name, _ in schema}
    data = {}
    for name, kind in schema:
        values = columns.get(name)
        data[name] = _column(values if values is not None else [None] * rows, kind)
    for name, values in columns.items():
        if name in known:
            continue
        # A member that is null in some records and an object in others ("location")
        # flattens to its members' columns and a column of its own that holds only Nones.
        if any(other.startswith(name + "_") for other in columns) and all(v is None for v in values):
            continue
        data[name] = _column(values, "obj")
    return pd.DataFrame(data, index=pd.RangeIndex(rows))


def empty(schema: list) -> pd.DataFrame:
    return frame({}, schema)
