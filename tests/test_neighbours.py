"""Collection words near a question's words: what the embedding model finds, and a vocabulary kept in step with
ingest and delete that embeds each word once. Real embedding model, real store."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.config import Settings
from rag.neighbours import Vocabulary
from rag.store import Store
from tests.conftest import SEED_ID


@pytest.mark.integration
def test_a_question_word_finds_the_collection_words_that_mean_the_same(embedder) -> None:  # type: ignore[no-untyped-def]
    words = ["getting", "obtain", "umbrella", "catastrophe", "regularly", "turtles", "bridge", "loans"]
    vocab = Vocabulary(words, embedder.embed_words(words), 0, "m")
    near = vocab.near("What capability did he say he would think about obtaining?", embedder)
    assert "getting" in near
    assert "obtain" not in near  # the same word inflected adds nothing BM25's stemming does not
    assert "umbrella" not in near and "turtles" not in near
    near = set(vocab.near("How often will the biggest lender meet after the disaster?", embedder))
    assert near >= {"regularly", "catastrophe", "loans"} and "bridge" not in near


@pytest.mark.integration
def test_vocabulary_follows_ingest_and_delete_and_embeds_each_word_once(
    settings: Settings, embedder, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from ingest.pipeline import ingest

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Turtle Accord\n\nEleven coastal states signed the accord on marine turtles.")
    (docs / "b.txt").write_text("Reef Pact\n\nThe coastal states agreed to protect coral reefs and seagrass.")
    ingest([docs], settings, embedder=embedder)
    folder = settings.data_dir / "vocabulary"
    store = Store(settings)
    try:
        saved = Vocabulary.load(folder)
        assert saved is not None and saved.generation == store.catalog.generation()
        assert {"turtles", "coral", "seagrass", "coastal"} <= set(saved.words)

        (docs / "c.txt").write_text("Mangrove Charter\n\nThe states will replant mangroves along the coast.")
        before = embedder.words_embedded
        ingest([docs / "c.txt"], settings, embedder=embedder)
        after = Vocabulary.load(folder)
        assert after is not None and "mangroves" in after.words
        # only the words not seen before (mangroves, charter, replant, ...), not the whole vocabulary again
        new_words = set(after.words) - set(saved.words)
        assert embedder.words_embedded - before == len(new_words) < len(after.words), new_words

        with store.writing():
            store.delete_document("c")
        before = embedder.words_embedded
        rebuilt = Vocabulary.current(store.catalog, folder, embedder, settings.embedding_model)
        assert "mangroves" not in rebuilt.words and "turtles" in rebuilt.words
        assert embedder.words_embedded == before  # a delete embeds nothing
    finally:
        store.close()


@pytest.mark.integration
def test_near_words_lift_the_passage_worded_otherwise(seeded: Settings, embedder) -> None:  # type: ignore[no-untyped-def]
    """'think about obtaining' shares no word with the seed's 'consider acquiring enemy base attack capability'
    but 'capability'; the ranking with the collection's near words ('acquiring', 'acquisition') puts it first."""
    from rag.answer import Engine

    q = "What capability did the Japanese premier say he would think about obtaining?"
    first = {}
    for weight in (0.0, 1.0):
        eng = Engine(seeded.model_copy(update={"neighbour_weight": weight}), embedder=embedder)
        try:
            first[weight] = eng.retriever.retrieve(q)[0].doc_id
        finally:
            eng.close()
    assert first == {0.0: first[0.0], 1.0: SEED_ID} and first[0.0] != SEED_ID, first
