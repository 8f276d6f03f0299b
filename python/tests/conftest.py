"""Fixtures of the dyad package's tests: the seed articles (../shared/seeds, skipped
with a message when absent) and the bundled examples."""

import os
from pathlib import Path

import pytest

SOURCE_DIR = Path(os.environ.get("DYAD_SOURCE_DIR", Path(__file__).resolve().parents[2]))
SHARED_DIR = Path(os.environ.get("DYAD_SHARED_DIR", SOURCE_DIR.parent / "shared"))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    d = SHARED_DIR / "seeds"
    if not (d / "004_3b28a4ce30bb7c8f.txt").is_file():
        pytest.skip(f"the seed articles are not in {d} (set DYAD_SHARED_DIR to ../shared)")
    return d


@pytest.fixture(scope="session")
def seed_texts(seeds_dir) -> dict:
    """{"000": SANA's article, "004": AzerNews'} as raw file contents."""
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))}


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    d = SOURCE_DIR / "data" / "examples"
    assert d.is_dir(), f"no bundled examples in {d}"
    return d


@pytest.fixture(scope="session")
def seed_store(seeds_dir, tmp_path_factory):
    """A store of the seeds, ingested from their directory."""
    import dyad

    path = tmp_path_factory.mktemp("store") / "seeds.db"
    with dyad.Store(path, create=True) as store:
        summary = store.ingest(sorted(seeds_dir.glob("*.txt")))
    assert summary["stored"] == 2, summary
    store = dyad.Store(path)
    yield store
    store.close()
