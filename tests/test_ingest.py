"""Ingest with the real model and a real Chroma: idempotence, replace, delete, rejection, model mismatch."""

from __future__ import annotations

import hashlib
import shutil
from datetime import date
from pathlib import Path

import pytest

from ingest.pipeline import ingest
from rag.config import Settings
from rag.errors import ModelMismatch, StoreBusy
from rag.store import Store
from tests.conftest import CORPUS, SEED, SEED_ID

pytestmark = pytest.mark.integration


def snapshot(data_dir: Path) -> dict[str, str]:
    """Every file of the data dir, by content hash."""
    return {
        str(p.relative_to(data_dir)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(data_dir.rglob("*"))
        if p.is_file() and p.name != ".write.lock"
    }


def chroma_state(settings: Settings) -> tuple[list[str], list[dict]]:
    store = Store(settings)
    try:
        col = store.collection()
        got = col.get(include=["metadatas"])
        return sorted(got["ids"]), got["metadatas"]
    finally:
        store.close()


def test_seed_ingests_once_then_is_unchanged_with_no_embedding(settings: Settings, embedder, tmp_path: Path) -> None:
    before = embedder.texts_embedded
    first = ingest([SEED], settings, embedder=embedder)
    assert [r.status for r in first.results] == ["added"]
    assert first.results[0].chunks >= 3 and first.embedded == first.results[0].chunks
    assert embedder.texts_embedded - before == first.embedded

    calls = embedder.calls
    again = ingest([SEED], settings, embedder=embedder)
    assert [r.status for r in again.results] == ["unchanged"]
    assert again.embedded == 0 and embedder.calls == calls, "an unchanged file must not reach the model"

    store = Store(settings)
    doc = store.catalog.get(SEED_ID)
    assert doc is not None and doc.title.startswith("Japan-US Summit Meeting")
    assert doc.sha256 == hashlib.sha256(SEED.read_bytes()).hexdigest() and doc.source == SEED.name
    ids = store.catalog.doc_chunk_ids(SEED_ID)
    rows = store.catalog.chunk_rows(ids)
    for cid in ids:  # offsets point at the chunk's own text in the stored cleaned document
        assert doc.text[rows[cid]["start"] : rows[cid]["end"]] == rows[cid]["text"]
    store.close()


def test_changed_file_replaces_its_old_version_whole(settings: Settings, embedder, tmp_path: Path) -> None:
    doc = tmp_path / "summit.txt"
    doc.write_text("Summit One\n\n" + " ".join(f"Point {i} of the first version was agreed." for i in range(80)))
    assert ingest([doc], settings, embedder=embedder).results[0].status == "added"
    old_ids, _ = chroma_state(settings)

    doc.write_text("Summit One\n\n" + " ".join(f"Point {i} of the second draft was agreed." for i in range(30)))
    r = ingest([doc], settings, embedder=embedder)
    assert r.results[0].status == "replaced"
    new_ids, metas = chroma_state(settings)
    assert not set(old_ids) & set(new_ids), "no chunk of the old version may survive"
    assert {m["version"] for m in metas} == {Store(settings).catalog.version_of("summit")}
    assert len(new_ids) == r.results[0].chunks


def test_replacing_reuses_vectors_of_unchanged_chunks(settings: Settings, embedder, tmp_path: Path) -> None:
    doc = tmp_path / "long.txt"
    paras = [
        f"Paragraph {i}. " + " ".join(f"The leaders discussed topic {i}-{j} at length." for j in range(25))
        for i in range(6)
    ]
    doc.write_text("Long Summit\n\n" + "\n\n".join(paras))
    first = ingest([doc], settings, embedder=embedder)
    doc.write_text("Long Summit\n\n" + "\n\n".join(paras) + "\n\nA closing line was added.")
    second = ingest([doc], settings, embedder=embedder)
    assert second.results[0].status == "replaced"
    assert second.reused >= first.embedded - 2, "unchanged chunk texts must not be embedded again"
    assert second.embedded <= 2


def test_delete_removes_document_chunks_and_bm25_entries(seeded: Settings) -> None:
    from rag.bm25 import BM25Index

    store = Store(seeded)
    with store.writing():
        assert store.delete_document(SEED_ID)
        assert not store.delete_document(SEED_ID)
    assert store.catalog.get(SEED_ID) is None
    assert store.collection().get(where={"doc_id": SEED_ID})["ids"] == []
    bm25 = BM25Index.current(store.catalog, seeded.data_dir / "bm25")
    assert not [i for i in bm25.ids if i.startswith(SEED_ID)]
    assert bm25.search("Kishida online meeting one hour 20 minutes", 5)[0][0].split("::")[0] != SEED_ID
    store.close()


def test_rejected_file_leaves_the_store_byte_for_byte(seeded: Settings, tmp_path: Path, embedder) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 50)
    (bad / "fake.docx").write_bytes(b"plain text pretending")
    (bad / "empty.md").write_bytes(b"")
    (bad / "notes.rtf").write_bytes(b"{\\rtf1 hello}")
    before = snapshot(seeded.data_dir)
    report = ingest([bad], seeded, embedder=embedder)
    assert [r.status for r in report.results] == ["rejected"] * 4
    assert all(r.reason for r in report.results)
    assert snapshot(seeded.data_dir) == before


def test_folder_ingest_reports_each_file_and_rejects_only_the_bad(settings: Settings, tmp_path: Path, embedder) -> None:
    docs = tmp_path / "docs" / "nested"
    docs.mkdir(parents=True)
    for f in sorted(CORPUS.glob("*.txt"))[:2]:
        shutil.copy(f, docs / f.name)
    (docs.parent / "image.txt").write_bytes(b"\x00\x01\x02" * 100)
    report = ingest([docs.parent], settings, embedder=embedder)
    assert sorted(r.status for r in report.results) == ["added", "added", "rejected"]
    assert not report.ok
    assert Store(settings).catalog.count() == 2


def test_duplicate_document_ids_in_one_run_are_rejected(settings: Settings, tmp_path: Path, embedder) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "same.txt").write_text("First text about a summit in Rome.")
    (tmp_path / "b" / "same.md").write_text("Second text about a summit in Paris.")
    report = ingest([tmp_path / "a", tmp_path / "b"], settings, embedder=embedder)
    assert [r.status for r in report.results] == ["added", "rejected"]
    assert "rename one" in report.results[1].reason


def test_opening_with_another_model_names_both_and_the_fix(seeded: Settings) -> None:
    other = Settings(data_dir=seeded.data_dir, embedding_model="/models/all-mpnet-base-v2")
    with pytest.raises(ModelMismatch) as e:
        Store(other)
    msg = str(e.value)
    assert "packaged:all-MiniLM-L6-v2" in msg and "/models/all-mpnet-base-v2" in msg and "384" in msg
    assert "SUMMIT_RAG_EMBEDDING_MODEL" in msg


def test_a_second_writer_gets_a_clear_message(seeded: Settings) -> None:
    first, second = Store(seeded), Store(seeded)
    with first.writing(), pytest.raises(StoreBusy, match="another ingest"), second.writing():
        pass
    first.close()
    second.close()


@pytest.mark.integration
def test_a_document_dated_only_by_its_year_is_found_by_year_filters(
    settings: Settings, embedder, tmp_path: Path
) -> None:
    """UN General Debate speeches state no full date; their title and file name give the year."""
    from rag.answer import Engine
    from rag.retrieve import Filters

    doc = tmp_path / "ungd-PHL-76-2021.txt"
    doc.write_text(
        "UN General Assembly General Debate, Session 76 (2021): Statement by Philippines\n\n"
        "Injustice is the common thread that ties these issues together.\n"
    )
    # a full date in the text outside that year is an earlier event (the EU's 2021 statement was dated 2014-08-15)
    eu = tmp_path / "ungd-EU-76-2021.txt"
    eu.write_text(
        "UN General Assembly General Debate, Session 76 (2021): Statement by European Union\n\n"
        "Nadia Murad is Yazidi, and on 15 August 2014 her life changed: jihadists attacked her village.\n"
    )
    # ... but a date inside the year stands, and a text with no year in its title or name keeps its own date
    inside_year = tmp_path / "ungd-FRA-76-2021.txt"
    inside_year.write_text("UN General Debate, Session 76 (2021): France\n\nParis, 24 September 2021. We speak.\n")
    plain = tmp_path / "op-ed.txt"
    plain.write_text("An op-ed\n\nOn 15 August 2014 the village was attacked.\n")
    assert ingest([doc, eu, inside_year, plain], settings, embedder=embedder).ok
    store = Store(settings)
    assert store.catalog.get("ungd-PHL-76-2021").date == "2021"
    assert store.catalog.get("ungd-EU-76-2021").date == "2021"
    assert store.catalog.get("ungd-FRA-76-2021").date == "2021-09-24"
    assert store.catalog.get("op-ed").date == "2014-08-15"
    store.close()
    engine = Engine(settings, embedder=embedder)
    try:
        inside = engine.ask(
            "What ties the issues together?", filters=Filters(date_from=date(2021, 1, 1), date_to=date(2021, 12, 31))
        )
        outside = engine.ask("What ties the issues together?", filters=Filters(date_from=date(2022, 1, 1)))
    finally:
        engine.close()
    assert inside.passages[0].doc_id == "ungd-PHL-76-2021" and not inside.refused
    assert "op-ed" not in {p.doc_id for p in inside.passages}  # 2014, outside the year asked
    assert outside.passages == [] and outside.refused


def test_a_derived_index_is_replaced_whole_or_not_at_all(tmp_path: Path) -> None:
    from rag.folders import replacing

    folder = tmp_path / "bm25"
    with replacing(folder) as tmp:
        (tmp / "index").write_text("one")
    with pytest.raises(RuntimeError), replacing(folder) as tmp:
        (tmp / "index").write_text("half")
        raise RuntimeError("crash mid-write")
    assert (folder / "index").read_text() == "one"  # the old index stays whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bm25"]  # no temporary or .old folder left behind
    with replacing(folder) as tmp:
        (tmp / "index").write_text("two")
    assert (folder / "index").read_text() == "two" and sorted(p.name for p in tmp_path.iterdir()) == ["bm25"]
