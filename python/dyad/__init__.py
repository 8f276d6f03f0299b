"""dyad: political event data from news text, as pandas DataFrames.

    >>> import dyad
    >>> dyad.code(["Azerbaijan's foreign minister visited Damascus."])   # events
    >>> store = dyad.Store("news.db", create=True)
    >>> store.ingest(["...article text...", {"id": "a1", "text": "...", "outlet": "SANA"}])
    >>> store.events(pair=("AZE", "SYR"), cameo="04")
    >>> store.relations("AZE", "SYR", freq="M")
    >>> print(dyad.explain("Azerbaijan's foreign minister visited Damascus."))

Inputs (code, iter_code, Store.ingest) are an iterable of: strings (an article's text,
read as a plain-text article: a date header, dateline and byline become its fields),
dicts (an article record with ``id``, ``url``, ``outlet``, ``published``, ``title``,
``text`` as in JSON Lines input; other keys are kept as metadata), ``pathlib.Path``
objects (files or directories, read as ``dyad code`` reads them: plain text, JSON Lines,
.gz, .zst), or one pandas DataFrame whose rows are such records. Iterables are consumed
in batches, so a generator larger than memory streams.

The event DataFrame has the fields of the JSON Lines record ``dyad code`` writes,
flattened (``source.code`` is ``source_code``, ``span`` is ``span_begin``/``span_end``)
and typed: ``date`` is datetime64 (a month or year is its first day, ``date_precision``
tells which), missing values are NA. Coding runs in C++ with the GIL released.
"""

from __future__ import annotations

import datetime as _datetime
import errno
import json
import math
import os
import sys
import warnings
from collections.abc import Iterable, Iterator, Mapping

import pandas as pd

from . import _dyad, _frames
from ._dyad import StoreError

__version__ = "0.1.0"
__all__ = ["code", "iter_code", "explain", "Store", "StoreError", "DyadWarning"]


class DyadWarning(UserWarning):
    """An input was malformed and skipped (errors="warn"), or was used despite a problem."""


def _warn(text: str) -> None:
    """A DyadWarning attributed to the caller's code, outside this package."""
    here, level, frame = os.path.dirname(os.path.abspath(__file__)), 2, sys._getframe(1)
    while frame is not None and os.path.dirname(os.path.abspath(frame.f_code.co_filename)) == here:
        frame, level = frame.f_back, level + 1
    warnings.warn(text, DyadWarning, stacklevel=level)


# --- Inputs ---

_ERRORS = ("raise", "warn", "ignore")


def _json_default(value):
    if value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, (_datetime.date, _datetime.datetime, pd.Timestamp)):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return str(value)


def _clean(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, Mapping):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def _items(data) -> Iterator:
    """The inputs one by one: a single text, record or path is one input; a DataFrame's
    rows are records."""
    if isinstance(data, (str, bytes, Mapping, os.PathLike)):
        yield data
    elif isinstance(data, pd.DataFrame):
        names = [str(c) for c in data.columns]
        for row in data.itertuples(index=False, name=None):
            yield dict(zip(names, row))
    elif isinstance(data, Iterable):
        yield from data
    else:
        raise ValueError(f"expected article texts, records or paths (an iterable), got {type(data).__name__}")


def _encode(index: int, item):
    """(kind, payload) for the C++ module: 0 text, 1 JSON record; or a path string."""
    if isinstance(item, str):
        if len(item) < 1024 and "\n" not in item and item.strip() and os.path.isfile(item):
            _warn(f"input {index} is coded as article text, though it names a file; "
                  f"pass pathlib.Path({item!r}) to read the file")
        return (0, item)
    if isinstance(item, bytes):
        return (0, item.decode("utf-8", errors="replace"))
    if isinstance(item, Mapping):
        try:
            record = json.dumps(_clean(item), default=_json_default, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as e:
            raise ValueError(f"input {index}: the record cannot be written as JSON: {e}") from None
        return (1, record)
    if isinstance(item, os.PathLike):
        path = os.fspath(item)
        if not os.path.exists(path):
            raise FileNotFoundError(errno.ENOENT, f"input {index}: no such file or directory", path)
        return path
    raise ValueError(f"input {index}: expected a str (article text), a dict (article record) or a "
                     f"pathlib.Path, got {type(item).__name__}")


def _batches(data, batch_size: int) -> Iterator[tuple[int, list]]:
    """(index of the first input, encoded inputs) per batch; a path is a batch alone."""
    if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
    batch, first = [], 0
    for index, item in enumerate(_items(data)):
        encoded = _encode(index, item)
        if isinstance(encoded, str):
            if batch:
                yield first, batch
                batch = []
            yield index, encoded
            first = index + 1
            continue
        if not batch:
            first = index
        batch.append(encoded)
        if len(batch) >= batch_size:
            yield first, batch
            batch = []
    if batch:
        yield first, batch


def _report(problems, first: int, errors: str) -> None:
    """Raises ValueError (errors="raise") or warns about the problems of a batch."""
    failed = []
    for index, where, message, is_error in problems:
        where = f"input {first + index}" if index >= 0 else where
        text = f"{where}: {message}" if where else message
        if is_error:
            failed.append(text)
        elif errors != "ignore":
            _warn(text)
    if not failed:
        return
    if errors == "raise":
        more = f" (and {len(failed) - 5} more)" if len(failed) > 5 else ""
        raise ValueError("; ".join(failed[:5]) + more)
    if errors == "warn":
        for text in failed:
            _warn(text + " (skipped)")


def _check_common(errors: str, threads) -> None:
    if errors not in _ERRORS:
        raise ValueError(f"errors must be one of {', '.join(_ERRORS)}, got {errors!r}")
    if not isinstance(threads, int) or isinstance(threads, bool) or not 1 <= threads <= 256:
        raise ValueError(f"threads must be an integer from 1 to 256, got {threads!r}")


_coders: dict = {}


def _coder(dictionaries) -> _dyad.Coder:
    """The pipeline for these extra dictionaries (built once per set: it loads models)."""
    if dictionaries is None:
        paths = ()
    elif isinstance(dictionaries, (str, os.PathLike)):
        paths = (os.fspath(dictionaries),)
    else:
        paths = tuple(os.fspath(d) for d in dictionaries)
    for p in paths:
        if not os.path.isfile(p):
            raise FileNotFoundError(errno.ENOENT, "no such dictionary file", p)
    key = tuple((p, os.path.getmtime(p)) for p in paths)
    coder = _coders.get(key)
    if coder is None:
        coder = _dyad.Coder(list(paths))  # ValueError for a malformed dictionary
        _coders[key] = coder
    return coder


# --- Coding ---

def iter_code(data, batch_size: int = 1000, *, dictionaries=None, threads: int = 1,
              errors: str = "raise") -> Iterator[pd.DataFrame]:
    """Codes the inputs batch by batch, yielding one event DataFrame per batch of
    `batch_size` inputs (and one per path): for inputs larger than memory.

    errors: "raise" (ValueError naming the input, e.g. "input 3: no article text"),
    "warn" (skip it with a DyadWarning) or "ignore" (skip it). threads: coding threads
    sharing one pipeline.
    """
    _check_common(errors, threads)
    if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
    coder = _coder(dictionaries)  # the arguments are checked now, not at the first batch
    return _code_batches(coder, data, batch_size, threads, errors)


def _code_batches(coder, data, batch_size: int, threads: int, errors: str) -> Iterator[pd.DataFrame]:
    for first, batch in _batches(data, batch_size):
        if isinstance(batch, str):
            columns, problems = coder.code_paths([batch], threads)
        else:
            columns, problems = coder.code(batch, threads)
        _report(problems, first, errors)
        yield _frames.frame(columns, _frames.EVENT_COLUMNS)


def code(data, *, dictionaries=None, threads: int = 1, errors: str = "raise",
         batch_size: int = 1000) -> pd.DataFrame:
    """Codes articles into events: one row per event, the fields of ``dyad code``'s JSON
    Lines record as typed columns. `data`: see the module's help (texts, records, paths,
    a DataFrame, or any iterable of them, streamed in batches)."""
    frames = [f for f in iter_code(data, batch_size, dictionaries=dictionaries, threads=threads,
                                   errors=errors) if len(f)]
    if not frames:
        return _frames.empty(_frames.EVENT_COLUMNS)
    if len(frames) == 1:
        return frames[0]
    return pd.concat(frames, ignore_index=True)


def explain(sentence: str, *, dictionaries=None) -> str:
    """``dyad explain``'s report: the sentences, tokens, dependency tree, actors, the
    patterns tried and why each event was or was not coded."""
    if not isinstance(sentence, str):
        raise ValueError(f"explain takes a str, got {type(sentence).__name__}")
    if not sentence.strip():
        raise ValueError("explain: give a non-empty text")
    return _coder(dictionaries).explain(sentence)


# --- Filters ---
#
# The filters are checked and parsed in C++ by the parser of `dyad events`' flags and of
# the HTTP API's parameters (store/filter_params.h): the values pass and fail as they do
# there, with the same messages (here as ValueError). Python only turns its values into
# the flags' text: names as the flags' ("min_sources" is --min-sources, start/from_
# --from, end/to --to), a date or an int year as YYYY-MM-DD or YYYY.

_COUNTS = ("min-sources", "min-articles", "limit", "offset", "top")


def _value(name: str, value) -> str:
    """The text of one filter value; ValueError for a value of the wrong type."""
    if name in _COUNTS:
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError(f"{name}: expected a non-negative integer, got {value!r}")
        return str(value)
    if name in ("from", "to"):
        if isinstance(value, int) and not isinstance(value, bool):
            return f"{value:04d}"
        if isinstance(value, (_datetime.date, pd.Timestamp)):
            return value.strftime("%Y-%m-%d")
    if not isinstance(value, str):
        raise ValueError(f"{name}: expected a str, got {value!r}")
    return value


def _filters(start=None, end=None, from_=None, to=None, **named) -> list:
    """[(flag name, [values])] of the filters given (None is not given); pair and between
    take two codes."""
    if start is not None and from_ is not None:
        raise ValueError("give start or from_, not both")
    if end is not None and to is not None:
        raise ValueError("give end or to, not both")
    named["from"] = start if start is not None else from_
    named["to"] = end if end is not None else to
    args = []
    for key, value in named.items():
        if value is None:
            continue
        name = key.replace("_", "-")
        if name in ("pair", "between"):
            if isinstance(value, str) or not isinstance(value, Iterable):
                raise ValueError(f"{name}: expected two codes, e.g. ('AZE', 'SYR'), got {value!r}")
            args.append((name, [_value(name, v) for v in value]))
        else:
            args.append((name, [_value(name, value)]))
    return args


def _text(name: str, value):
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{name}: expected a str, got {value!r}")
    return value


def _count(name: str, value):
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"{name}: expected a non-negative integer, got {value!r}")
    return value


# --- The store ---

class Store:
    """A dyad store (the SQLite file of ``dyad ingest``). ``Store(path)`` opens an
    existing store (FileNotFoundError when there is none); ``Store(path, create=True)``
    creates it when missing. One connection: safe to share between threads (calls take
    turns), and several Stores or processes may open one file. Use it as a context
    manager or call close()."""

    def __init__(self, path, create: bool = False):
        path = os.fspath(path)
        if os.path.isdir(path):
            raise IsADirectoryError(errno.EISDIR, "a directory, not a dyad store", path)
        if not create and not os.path.exists(path):
            raise FileNotFoundError(errno.ENOENT, "no dyad store here (Store(path, create=True) creates one)", path)
        parent = os.path.dirname(os.path.abspath(path))
        if create and not os.path.isdir(parent):
            raise FileNotFoundError(errno.ENOENT, "no such directory for the store", parent)
        self._store = _dyad.Store(path, bool(create))

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"dyad.Store({self._store.path!r})" if not self._store.closed else "dyad.Store(<closed>)"

    def close(self) -> None:
        self._store.close()

    @property
    def path(self) -> str:
        return self._store.path

    def counts(self) -> dict:
        """{"articles", "sentences", "events", "clusters"} stored."""
        return self._store.counts()

    def ingest(self, data=None, *, actors=None, dictionaries=None, threads: int = 1,
               errors: str = "raise", batch_size: int = 500) -> dict:
        """Codes and stores articles (as ``dyad ingest``): texts, records, paths or a
        DataFrame, streamed in transactions of `batch_size`. Idempotent: articles already
        stored (same id, or same title and text) are not stored again. `actors`: an actor
        file that seeds and overrides the entity registry first. Returns counts:
        {"stored", "already_stored", "skipped", "sentences", "events"}."""
        _check_common(errors, threads)
        coder = _coder(dictionaries)
        totals = {"stored": 0, "already_stored": 0, "skipped": 0, "sentences": 0, "events": 0}
        if actors is not None:
            path = os.fspath(actors)
            if not os.path.isfile(path):
                raise FileNotFoundError(errno.ENOENT, "no such actor file", path)
            problems = self._store.seed_actors(path)
            totals["skipped"] += sum(1 for p in problems if p[3])
            _report(problems, 0, errors)
        if data is None:
            return totals
        for first, batch in _batches(data, batch_size):
            if isinstance(batch, str):
                result = self._store.ingest_paths(coder, [batch], threads, batch_size)
            else:
                result = self._store.ingest(coder, batch, threads)
            problems = result.pop("problems")
            totals["skipped"] += sum(1 for p in problems if p[3])
            for key, value in result.items():
                totals[key] += value
            _report(problems, first, errors)
        return totals

    def events(self, *, actor=None, pair=None, between=None, cameo=None, start=None, end=None,
               outlet=None, search=None, cluster=None, min_sources=0, min_articles=0, limit=None,
               offset=0, from_=None, to=None) -> pd.DataFrame:
        """The stored events, oldest first (undated first), with the filters of ``dyad
        events``: actor (code prefix on either side), pair (two countries, either
        direction), between (two actor code prefixes, either direction), cameo (code
        prefix), start/end (inclusive dates YYYY, YYYY-MM or YYYY-MM-DD; from_/to are the
        same), outlet, search (full-text query over the article), cluster (a cluster id),
        min_sources, min_articles, limit, offset. A bad filter raises ValueError with the
        message `dyad events` and the HTTP API give."""
        f = _filters(start, end, from_, to, actor=actor, pair=pair, between=between, cameo=cameo,
                     outlet=outlet, search=search, cluster=cluster, min_sources=min_sources,
                     min_articles=min_articles, limit=limit, offset=offset)
        return _frames.frame(self._store.events(f), _frames.EVENT_COLUMNS)

    def articles(self, *, outlet=None, start=None, end=None, search=None, limit=None, text: bool = False,
                 from_=None, to=None) -> pd.DataFrame:
        """The stored articles (``dyad articles``): their fields, the numbers of sentences
        and events, and with text=True their text. Filters: outlet, start/end
        (publication dates), search (full text, best matches first), limit."""
        f = _filters(start, end, from_, to, outlet=outlet, search=search, limit=limit)
        schema = _frames.ARTICLE_COLUMNS + ([("text", "str")] if text else [])
        return _frames.frame(self._store.articles(f, bool(text)), schema)

    def article(self, article_id: str) -> dict:
        """One article as ``dyad show --format json``: {"article": {...}, "sentences":
        [{"index", "span", "text", "events": [...]}]}. KeyError when there is none."""
        result = self._store.article(_text("article_id", article_id) or "")
        if result is None:
            raise KeyError(article_id)
        return result

    def actors(self, query: str = "", limit=None) -> pd.DataFrame:
        """The entity registry (``dyad actors``): people across spellings, best matches
        for `query` (a name in any spelling, or an actor code prefix) first; all, most
        articles first, without a query."""
        n = _count("limit", limit)
        return _frames.frame(self._store.actors(_text("query", query) or "", -1 if n is None else n),
                             _frames.ACTOR_COLUMNS)

    def _relation(self, a, b, cameo, start, end, top):
        a, b = ("" if code is None else code for code in (a, b))  # both required: None is refused as ""
        return self._store.relation(_filters(start, end, a=a, b=b, cameo=cameo, top=top))

    def relations(self, a: str, b: str, freq: str = "M", *, cameo=None, start=None, end=None) -> pd.DataFrame:
        """The timeline of the relation between two actors or countries (code prefixes,
        either direction), as ``dyad relations``: one row per period (freq "D" days, "W"
        ISO weeks, "M" months, "Q" quarters, "Y" years) with events, clusters (distinct
        real-world events), counts per quad class, the mean Goldstein score and both
        directions. Events dated less precisely than the period (only to a month or a
        year) are rows of their own with that precision; undated events the last row
        ("undated", start NaT). ``df.attrs`` holds the totals, outlets and article count.
        Months, quarters and years are read from the sums the store keeps; days and
        weeks from the pair's events."""
        if freq not in ("D", "W", "M", "Q", "Y", "A"):
            raise ValueError(f"freq must be 'D', 'W', 'M', 'Q' or 'Y' (days, weeks, months, quarters, years), "
                             f"got {freq!r}")
        rel = self._relation(a, b, cameo, start, end, 0)
        if freq in ("D", "W"):
            events = self.events(between=(a, b), cameo=cameo, start=start, end=end)
            rows = _from_events(events, rel["a"], rel["b"], freq)
        else:
            rows = _aggregate(rel["periods"], freq)
        df = _frames.frame({name: [r[name] for r in rows] for name, _ in _frames.RELATION_COLUMNS},
                           _frames.RELATION_COLUMNS)
        totals = dict(rel["totals"])
        totals.update(totals.pop("quad_class"))
        df.attrs.update({"a": rel["a"], "b": rel["b"], "totals": totals, "articles": rel["articles"],
                         "outlets": rel["outlets"], "first_date": rel["first_date"] or None,
                         "last_date": rel["last_date"] or None})
        return df

    def key_events(self, a: str, b: str, top: int = 10, *, cameo=None, start=None, end=None) -> pd.DataFrame:
        """The relation's key events (clusters), most sources first: date, code, sides,
        numbers of articles and sources, evidence, outlets, how the reports differ
        (details) and the reports themselves."""
        rel = self._relation(a, b, cameo, start, end, top)
        columns = {name: [] for name, _ in _frames.KEY_EVENT_COLUMNS}
        for k in rel["key_events"]:
            outlets = sorted({r["outlet"] for r in k["reports"] if r["outlet"]})
            for name in columns:
                columns[name].append(outlets if name == "outlets" else k.get(name))
        return _frames.frame(columns, _frames.KEY_EVENT_COLUMNS)

    def clusters(self, *, pair=None, cameo=None, start=None, end=None, min_sources=0, min_articles=0,
                 limit=None, from_=None, to=None) -> pd.DataFrame:
        """The clusters (one real-world event reported by one or more articles), by date:
        code, sides, date, numbers of articles, sources and mentions, outlets. Filters as
        events(): pair, cameo, start/end, min_sources, min_articles, limit."""
        f = _filters(start, end, from_, to, pair=pair, cameo=cameo, min_sources=min_sources,
                     min_articles=min_articles, limit=limit)
        return _frames.frame(self._store.clusters(f), _frames.CLUSTER_COLUMNS)

    def cluster(self, cluster_id: str) -> dict:
        """One cluster with every kept report and how they differ ("details"). KeyError
        when there is none."""
        result = self._store.cluster(_text("cluster_id", cluster_id) or "")
        if result is None:
            raise KeyError(cluster_id)
        return result


_QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


def _aggregate(periods: list, freq: str) -> list:
    """The store's periods ("2024-12", "1992", "undated") summed into `freq` periods."""
    groups: dict = {}
    for p in periods:
        period = p["period"]
        if period == "undated":
            key = ("undated", None, None)
        elif len(period) == 4:
            key = (period, period, "year")
        elif freq == "M":
            key = (period, period, "month")
        elif freq == "Q":
            quarter = (int(period[5:7]) - 1) // 3
            key = (f"{period[:4]}Q{quarter + 1}", f"{period[:4]}-{quarter * 3 + 1:02d}", "quarter")
        else:
            key = (period[:4], period[:4], "year")
        g = _group(groups, key)
        g["events"] += p["events"]
        g["tenths"] += p["goldstein_tenths"]
        g["a_to_b"] += p["a_to_b"]
        g["b_to_a"] += p["b_to_a"]
        g["clusters"].update(p["cluster_ids"])
        for q in _QUADS:
            g[q] += p["quad_class"][q]
    return _rows(groups)


def _group(groups: dict, key: tuple) -> dict:
    return groups.setdefault(key, {"events": 0, "tenths": 0, "a_to_b": 0, "b_to_a": 0, "clusters": set(),
                                   **{q: 0 for q in _QUADS}})


_PRECISION_RANK = {"year": 0, "quarter": 1, "month": 2, "week": 3, "day": 4}


def _rows(groups: dict) -> list:
    """The rows of the timeline, in time order (a year before its months), undated last."""
    rows = []
    for (period, start, precision), g in groups.items():
        rows.append({"period": period, "start": start, "precision": precision, "events": g["events"],
                     "clusters": len(g["clusters"]), **{q: g[q] for q in _QUADS},
                     "mean_goldstein": g["tenths"] / (10 * g["events"]) if g["events"] else None,
                     "a_to_b": g["a_to_b"], "b_to_a": g["b_to_a"]})
    rows.sort(key=lambda r: (r["start"] is None, ((r["start"] or "") + "-01-01")[:10],
                             _PRECISION_RANK.get(r["precision"], 9)))
    return rows


def _from_events(events: pd.DataFrame, a: str, b: str, freq: str) -> list:
    """Timeline rows of days or ISO weeks from the pair's events (as the store sums
    them: A is the source when the source has A's prefix and the target B's, or the
    target not A's)."""
    groups: dict = {}
    columns = zip(events["date"], events["date_precision"], events["source_code"], events["target_code"],
                  events["quad_class"], events["goldstein"], events["cluster_id"])
    for date, precision, source, target, quad, goldstein, cluster in columns:
        if pd.isna(date):
            key = ("undated", None, None)
        elif precision == "day" and freq == "D":
            day = date.strftime("%Y-%m-%d")
            key = (day, day, "day")
        elif precision == "day":
            year, week, weekday = date.isocalendar()
            monday = (date - pd.Timedelta(days=weekday - 1)).strftime("%Y-%m-%d")
            key = (f"{year}-W{week:02d}", monday, "week")
        elif precision == "month":
            key = (date.strftime("%Y-%m"), date.strftime("%Y-%m"), "month")
        else:
            key = (date.strftime("%Y"), date.strftime("%Y"), "year")
        g = _group(groups, key)
        source, target = source if isinstance(source, str) else "", target if isinstance(target, str) else ""
        a_is_source = source.startswith(a) and (target.startswith(b) or not target.startswith(a))
        g["events"] += 1
        g["tenths"] += round(goldstein * 10)
        g["a_to_b" if a_is_source else "b_to_a"] += 1
        if isinstance(cluster, str):
            g["clusters"].add(cluster)
        if not pd.isna(quad) and 1 <= quad <= 4:
            g[_QUADS[quad - 1]] += 1
    return _rows(groups)
