"""dyad.Store: ingest, the queries of the CLI as DataFrames, and its errors."""

from pathlib import Path

import pandas as pd
import pytest

import dyad
from dyad import _frames


def test_missing_store_raises_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError, match="create=True"):
        dyad.Store(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists()
    not_a_store = tmp_path / "text.db"
    not_a_store.write_text("hello, this is no SQLite file\n" * 100)
    with pytest.raises(dyad.StoreError):
        dyad.Store(not_a_store)
    with pytest.raises(IsADirectoryError):
        dyad.Store(tmp_path)
    with pytest.raises(FileNotFoundError):
        dyad.Store(tmp_path / "no" / "such" / "dir.db", create=True)


def test_examples_store(tmp_path, examples_dir):
    """The bundled examples (always there): a directory ingested, the Qatar-Turkey visit
    that two outlets report as one key event."""
    with dyad.Store(tmp_path / "examples.db", create=True) as store:
        summary = store.ingest(examples_dir)
        assert summary["stored"] >= 10 and summary["skipped"] == 0, summary
        key = store.key_events("QAT", "TUR", top=1).iloc[0]
        assert key["num_sources"] == 2 and key["outlets"] == ["Bosphorus Daily", "Gulf Courier"], key
        assert key["date"] == pd.Timestamp("2025-03-11")
        timeline = store.relations("QAT", "TUR")
        assert timeline[timeline["period"] == "2025-03"].iloc[0]["events"] > 0
        events = store.events(pair=("QAT", "TUR"))
        assert events["cluster_id"].isin([key["cluster_id"]]).sum() >= 2


def test_round_trip(tmp_path, seeds_dir, examples_dir):
    path = tmp_path / "news.db"
    files = sorted(seeds_dir.glob("*.txt"))
    with dyad.Store(path, create=True) as store:
        first = store.ingest(files)
        assert first["stored"] == 2 and first["events"] > 0 and first["skipped"] == 0, first
        again = store.ingest(files)
        assert again["stored"] == 0 and again["already_stored"] == 2, again
        texts = store.ingest([examples_dir / "01_qatar_turkey_visit_gulf_courier.txt",
                              {"id": "rec1", "outlet": "Test Wire", "published": "2025-01-05",
                               "text": "Azerbaijan's foreign minister visited Damascus."}])
        assert texts["stored"] == 2, texts
        counts = store.counts()
    assert counts["articles"] == 4 and counts["events"] == first["events"] + texts["events"]

    store = dyad.Store(str(path))  # reopened, a str path
    events = store.events()
    assert list(events.columns) == [name for name, _ in _frames.EVENT_COLUMNS]
    assert len(events) == counts["events"]
    assert str(events["date"].dtype) == "datetime64[ns]"
    assert events["cluster_id"].notna().all()  # every stored event is in a cluster
    # The stored events are the coded ones.
    coded = dyad.code(files)
    stored = store.events(search="Rafiyev")
    assert set(coded["event_id"]) <= set(events["event_id"])
    assert len(stored) > 0 and set(stored["event_id"]) <= set(coded["event_id"])
    rec = store.events(outlet="test wire")
    assert list(rec["article_id"].unique()) == ["rec1"]
    store.close()
    with pytest.raises(ValueError, match="closed"):
        store.events()


def test_event_filters(seed_store):
    pair = seed_store.events(pair=("AZE", "SYR"))
    assert len(pair) >= 6
    assert all({s, t} == {"AZE", "SYR"} for s, t in zip(pair["source_country"], pair["target_country"]))
    consult = seed_store.events(pair=["syr", "aze"], cameo="04")
    assert 0 < len(consult) < len(pair) and consult["cameo"].str.startswith("04").all()
    dec = seed_store.events(actor="AZE", start="2024-12", end="2024-12")
    assert len(dec) > 0 and (dec["date"].dt.strftime("%Y-%m") == "2024-12").all()
    assert len(seed_store.events(between=("AZEGOV", "SYR"), limit=2)) == 2
    two = seed_store.events(min_sources=2)
    assert len(two) >= 4 and two["cluster_id"].notna().all()
    cluster = two["cluster_id"].iloc[0]
    assert set(seed_store.events(cluster=cluster)["cluster_id"]) == {cluster}
    old = seed_store.events(end=1999)
    assert len(old) >= 1 and (old["date"] < pd.Timestamp("2000-01-01")).all()


@pytest.mark.parametrize("kwargs", [
    {"start": "2024-13"}, {"end": "last week"}, {"cameo": "visit"}, {"pair": ("AZE",)},
    {"pair": "AZE SYR"}, {"between": ("AZE", "")}, {"min_sources": -1}, {"limit": "10"},
    {"actor": "AZE;--"}, {"start": "2024", "from_": "2023"},
])
def test_bad_filter_raises_value_error(seed_store, kwargs):
    with pytest.raises(ValueError):
        seed_store.events(**kwargs)


@pytest.mark.parametrize("kwargs, message", [
    ({"start": "2024-13"}, "from: '2024-13' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, a real date)"),
    ({"to": "2023-02-29"}, "to: '2023-02-29' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, a real date)"),
    ({"cameo": "visit"}, "cameo: 'visit' is not a CAMEO code prefix (1 to 4 digits: 04, 042)"),
    ({"min_sources": -1}, "min-sources: '-1' is not a non-negative integer"),
    ({"pair": ("AZE",)}, "pair: expected two codes A B"),
    ({"actor": "AZE;--"}, "actor: 'AZE;--' is not an actor code (letters and digits: AZE, AZEGOV, IGOUNO)"),
])
def test_bad_filter_message_is_the_commands(seed_store, kwargs, message):
    """The filters are checked by the parser of `dyad events` and the HTTP API
    (store/filter_params.h): the same message."""
    with pytest.raises(ValueError) as raised:
        seed_store.events(**kwargs)
    assert str(raised.value) == message


def test_relation_filters_are_checked_as_the_api_checks_them(seed_store):
    with pytest.raises(ValueError, match="^a: 'AZE;' is not an actor code"):
        seed_store.relations("AZE;", "SYR")
    with pytest.raises(ValueError, match="^cameo: 'visit' is not a CAMEO code prefix"):
        seed_store.key_events("AZE", "SYR", cameo="visit")
    with pytest.raises(ValueError, match="^from: '2024-00' is not a date"):
        seed_store.relations("AZE", "SYR", start="2024-00")
    assert seed_store.relations("aze", "syr").attrs["a"] == "AZE"


def test_events_offset(seed_store):
    every = seed_store.events()
    assert list(seed_store.events(offset=2)["event_id"]) == list(every["event_id"])[2:]


def test_unknown_filter_is_a_type_error(seed_store):
    with pytest.raises(TypeError):
        seed_store.events(country="AZE")


def test_articles_and_article(seed_store):
    arts = seed_store.articles()
    assert len(arts) == 2
    assert set(arts["outlet"].dropna()) >= {"SANA"}, arts[["id", "outlet", "published"]]
    assert str(arts["published"].dtype) == "datetime64[ns]"
    assert str(arts["sentences"].dtype) == "Int64" and (arts["events"] > 0).all()
    sana = arts[arts["outlet"] == "SANA"].iloc[0]
    assert pd.isna(sana["published"])  # undated: its text gives an estimate
    assert sana["published_estimate_date"] == pd.Timestamp("2025-01-01")
    assert sana["published_estimate_precision"] == "year"
    assert "text" not in arts.columns
    with_text = seed_store.articles(search="Rafiyev", text=True)
    assert len(with_text) >= 1 and with_text["text"].str.contains("Rafiyev").all()
    shown = seed_store.article(sana["id"])
    assert shown["article"]["id"] == sana["id"]
    assert any(s["events"] for s in shown["sentences"])
    with pytest.raises(KeyError):
        seed_store.article("no-such-article")


def test_actors(seed_store):
    found = seed_store.actors("Shibani")
    assert len(found) >= 1
    top = found.iloc[0]
    assert "shaibani" in top["name"].lower() or "shibani" in top["name"].lower()
    assert top["code"].startswith("SYR")
    assert isinstance(top["aliases"], list) and len(top["aliases"]) >= 2
    assert len(seed_store.actors()) >= len(found)
    assert len(seed_store.actors(limit=1)) == 1


def test_relations_and_key_events(seed_store):
    rel = seed_store.relations("AZE", "SYR")
    assert [n for n, _ in _frames.RELATION_COLUMNS] == list(rel.columns)
    dec = rel[rel["period"] == "2024-12"]
    assert len(dec) == 1 and dec.iloc[0]["events"] > 0
    assert dec.iloc[0]["start"] == pd.Timestamp("2024-12-01") and dec.iloc[0]["precision"] == "month"
    assert rel.attrs["totals"]["events"] == rel["events"].sum()
    assert "1992" in set(rel["period"])  # an event dated to the year
    years = seed_store.relations("aze", "syr", freq="Y")
    assert years["events"].sum() == rel["events"].sum()
    assert years[years["period"] == "2024"].iloc[0]["clusters"] <= rel["clusters"].sum()
    # Weeks and days from the events agree with the store's sums.
    weeks = seed_store.relations("AZE", "SYR", freq="W")
    for column in ("events", "a_to_b", "b_to_a", "verbal_cooperation", "material_cooperation"):
        assert weeks[column].sum() == rel[column].sum(), column
    visit_week = weeks[weeks["period"] == "2025-W01"].iloc[0]  # Monday 2024-12-30
    assert visit_week["start"] == pd.Timestamp("2024-12-30") and visit_week["precision"] == "week"
    assert visit_week["events"] == dec.iloc[0]["events"]
    assert visit_week["mean_goldstein"] == pytest.approx(dec.iloc[0]["mean_goldstein"])
    days = seed_store.relations("AZE", "SYR", freq="D")
    assert list(days["period"]) == ["1992", "1997", "2008", "2024-12-30", "2025"][:len(days)]
    with pytest.raises(ValueError, match="freq"):
        seed_store.relations("AZE", "SYR", freq="fortnight")
    key = seed_store.key_events("AZE", "SYR", top=3)
    assert 1 <= len(key) <= 3
    first = key.iloc[0]
    assert first["num_sources"] == 2 and len(first["outlets"]) == 2, key[["cameo", "num_sources", "outlets"]]
    assert first["date"] == pd.Timestamp("2024-12-30")


def test_clusters(seed_store):
    clusters = seed_store.clusters(pair=("AZE", "SYR"), min_sources=2)
    assert len(clusters) >= 3
    assert (clusters["num_sources"] >= 2).all()
    visit = clusters[clusters["cameo"] == "042"]
    assert len(visit) == 1 and visit.iloc[0]["date"] == pd.Timestamp("2024-12-30")
    one = seed_store.cluster(visit.iloc[0]["cluster_id"])
    assert len(one["reports"]) >= 2 and "details" in one
    with pytest.raises(KeyError):
        seed_store.cluster("nope")


def test_ingest_generator_and_bad_records(tmp_path, seed_texts):
    store = dyad.Store(tmp_path / "gen.db", create=True)
    gen = ({"id": f"g{i}", "text": seed_texts[k]} for i, k in enumerate(sorted(seed_texts) * 2))
    summary = store.ingest(gen, batch_size=1)
    # The same texts again under other ids are the same articles (content hash).
    assert summary["stored"] == 2 and summary["already_stored"] == 2, summary
    with pytest.raises(ValueError, match="input 1"):
        store.ingest(["Azerbaijan's foreign minister visited Damascus.", {"id": "x"}])
    with pytest.raises(FileNotFoundError):
        store.ingest([Path("/nonexistent/file.txt")])
    assert store.counts()["articles"] >= 2
    store.close()
