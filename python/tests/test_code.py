"""dyad.code, iter_code and explain: events as typed DataFrames."""

import json
import threading
import time
import warnings

import pandas as pd
import pytest

import dyad
from dyad import _dyad, _frames

TARGET = "Azerbaijan's foreign minister visited Damascus."


def aze_syr(df: pd.DataFrame) -> pd.DataFrame:
    pair = {"AZE", "SYR"}
    return df[[{s, t} == pair for s, t in zip(df["source_country"], df["target_country"])]]


def test_code_one_sentence():
    df = dyad.code([TARGET])
    assert len(df) == 1, df
    e = df.iloc[0]
    assert e["cameo"].startswith("04"), e["cameo"]
    assert (e["source_country"], e["target_country"]) == ("AZE", "SYR")
    assert e["source_code"] == "AZEGOV"
    assert e["plover_type"] == "CONSULT"
    assert TARGET.startswith(e["evidence_text"])
    # A single string is one article, not an iterable of characters.
    assert dyad.code(TARGET)["event_id"].tolist() == df["event_id"].tolist()


def test_columns_and_dtypes():
    df = dyad.code([{"id": "a1", "published": "2024-12-30", "outlet": "AzerNews", "text": TARGET}])
    assert list(df.columns) == [name for name, _ in _frames.EVENT_COLUMNS]
    assert str(df["date"].dtype) == "datetime64[ns]"
    for name in ("event_id", "article_id", "date_precision", "cameo", "source_code", "evidence_text",
                 "location_name", "cluster_id", "quantity"):
        assert str(df[name].dtype) == "string", name
    for name in ("sentence", "span_begin", "span_end", "quad_class", "source_span_begin"):
        assert str(df[name].dtype) == "Int64", name
    assert str(df["goldstein"].dtype) == "float64"
    assert str(df["negated"].dtype) == "boolean"
    assert str(df["location_lat"].dtype) == "Float64"
    e = df.iloc[0]
    assert e["article_id"] == "a1"
    assert e["date"] == pd.Timestamp("2024-12-30")
    assert e["date_precision"] == "day" and e["date_basis"] == "published"
    assert e["span_end"] > e["span_begin"] >= 0
    # Empty fields of the record are NA, never "".
    assert pd.isna(e["cluster_id"]) and pd.isna(e["quantity"])
    for name, kind in _frames.EVENT_COLUMNS:
        if kind == "str":
            assert not (df[name] == "").any(), name


def test_undated_and_empty_input_give_na_and_empty_frames():
    df = dyad.code([TARGET])
    assert pd.isna(df.iloc[0]["date"])  # no publication date, no date in the text
    empty = dyad.code(["The weather was fine on the coast."])
    assert len(empty) == 0
    assert list(empty.columns) == list(df.columns)
    assert empty.dtypes.equals(df.dtypes)


def test_seeds_aze_syr(seeds_dir, seed_texts):
    df = dyad.code(sorted(seeds_dir.glob("*.txt")))
    pairs = aze_syr(df)
    assert len(pairs) >= 6, df[["article_id", "cameo", "source_code", "target_code"]]
    visit = pairs[(pairs["cameo"] == "042") & (pairs["source_country"] == "AZE")]
    assert len(visit) >= 1, pairs[["cameo", "source_code", "target_code", "evidence_text"]]
    dated = visit[visit["date"] == pd.Timestamp("2024-12-30")]
    assert len(dated) >= 1 and set(dated["date_precision"]) == {"day"}
    # SANA's article dates events of 1992 to the year: datetime of its first day.
    years = df[df["date_precision"] == "year"]
    assert pd.Timestamp("1992-01-01") in set(years["date"]), df[["date", "date_precision", "evidence_text"]]
    # The same articles given as texts: the same events.
    by_text = dyad.code([seed_texts[k] for k in sorted(seed_texts)])
    assert sorted(by_text["event_id"]) == sorted(df["event_id"])


def test_generator_streams_in_batches(seed_texts):
    texts = [seed_texts["004"], TARGET, seed_texts["000"]]
    gen = ({"id": f"doc{i}", "text": t} for i, t in enumerate(texts * 3))
    frames = list(dyad.iter_code(gen, batch_size=2))
    assert len(frames) == 5  # 9 inputs in batches of 2
    whole = dyad.code(({"id": f"doc{i}", "text": t} for i, t in enumerate(texts * 3)), batch_size=4)
    assert len(whole) == sum(len(f) for f in frames)
    assert whole["article_id"].str.startswith("doc").all()
    assert len(aze_syr(whole)) > 0
    # A DataFrame's rows are records; NaN fields are missing.
    table = pd.DataFrame({"id": ["x1", "x2"], "text": [TARGET, seed_texts["004"]],
                          "published": ["2024-12-30", float("nan")]})
    df = dyad.code(table, threads=2)
    assert set(df["article_id"]) == {"x1", "x2"}
    assert (df[df["article_id"] == "x1"]["date"] == pd.Timestamp("2024-12-30")).all()


def test_bad_inputs_raise_value_error():
    with pytest.raises(ValueError, match="input 1"):
        dyad.code([TARGET, 42])
    with pytest.raises(ValueError, match="input 0"):
        dyad.code([{"title": "no text"}])
    with pytest.raises(ValueError, match="no article text"):
        dyad.code([""])
    with pytest.raises(ValueError, match="batch_size"):
        dyad.code([TARGET], batch_size=0)
    with pytest.raises(ValueError, match="errors"):
        dyad.code([TARGET], errors="sometimes")
    with pytest.raises(ValueError):
        dyad.code(42)
    with pytest.raises(FileNotFoundError):
        dyad.code([TARGET], dictionaries=["/nonexistent/dictionary.txt"])
    from pathlib import Path
    with pytest.raises(FileNotFoundError):
        dyad.code([Path("/nonexistent/article.txt")])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = dyad.code([{"title": "no text"}, TARGET], errors="warn")
    assert len(df) == 1
    mine = [w for w in caught if "input 0" in str(w.message)]
    assert mine and mine[0].category is dyad.DyadWarning
    assert mine[0].filename == __file__  # attributed to the caller's line


def test_extra_dictionary(tmp_path):
    text = "Azerbaijan's foreign minister serenaded Syria's foreign minister."
    assert len(dyad.code([text])) == 0
    extra = tmp_path / "praise.txt"
    extra.write_text("051  serenade TGT   ; verb\n")
    df = dyad.code([text], dictionaries=[extra])
    assert df[["cameo", "source_code", "target_code"]].values.tolist() == [["051", "AZEGOV", "SYRGOV"]]
    assert "serenade TGT" in dyad.explain(text, dictionaries=extra)
    bad = tmp_path / "bad.txt"
    bad.write_text("999  frobnicate TGT\n")
    with pytest.raises(ValueError, match="unknown CAMEO code"):
        dyad.code([text], dictionaries=[bad])
    # Arguments are checked when iter_code is called, before any input is read.
    with pytest.raises(ValueError, match="unknown CAMEO code"):
        dyad.iter_code(iter([text]), dictionaries=[bad])
    with pytest.raises(ValueError, match="batch_size"):
        dyad.iter_code([text], batch_size=-1)


def test_explain():
    text = dyad.explain(TARGET)
    assert isinstance(text, str)
    assert "sentence 0" in text and "tree:" in text
    assert "events: 1" in text and "AZEGOV -> SYR" in text
    with pytest.raises(ValueError):
        dyad.explain("   ")
    with pytest.raises(ValueError):
        dyad.explain(None)
    assert "events: 0" in dyad.explain("-- not an option")


def coding_span(coder, batch) -> tuple:
    """(start, end) of coding `batch` on another thread, and the times this thread ran
    meanwhile (about every millisecond)."""
    span, done = [], threading.Event()

    def work():
        t0 = time.perf_counter()
        coder.code(batch, 1)
        span.extend([t0, time.perf_counter()])
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    seen = [0.0]
    while not done.is_set():
        now = time.perf_counter()
        if now - seen[-1] > 0.001:
            seen.append(now)
    worker.join()
    return span[0], span[1], seen


def test_gil_released_while_coding(examples_dir):
    coder = _dyad.Coder([])
    record = json.dumps((examples_dir / "01_qatar_turkey_visit_gulf_courier.txt").read_text(encoding="utf-8"))
    for n in (50, 200, 800, 3200):  # until coding takes long enough to tell
        batch = [(1, '{"id": "g%d", "text": %s}' % (i, record)) for i in range(n)]
        t0, t1, seen = coding_span(coder, batch)
        if t1 - t0 > 0.2:
            break
    assert t1 - t0 > 0.2, "coding took too little time to tell"
    # With the GIL held for the call, this thread could not run in the middle of it.
    middle = [t for t in seen if t0 + 0.3 * (t1 - t0) < t < t0 + 0.7 * (t1 - t0)]
    assert middle, "the main thread did not run while the batch was coded"
