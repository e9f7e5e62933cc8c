"""Unit and property tests for sentence splitting and chunking (pure functions)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.chunking import chunk_text, count_tokens, get_encoding, split_sentences
from ingest.clean import clean_text
from tests.conftest import CORPUS, SEED

ENC = get_encoding()

words = st.sampled_from(
    [
        "the",
        "summit",
        "leaders",
        "agreed",
        "U.S.",
        "Japan",
        "Mr.",
        "Biden",
        "Kishida",
        "2022",
        "one",
        "hour",
        "and",
        "20",
        "minutes",
        "“quoted”",
        "café",
        "—",
        "naïve",
        "東京",
        "co-operation",
        "e.g.",
        "Prof.",
        "Smith",
        "$40+",
        "trillion",
    ]
)
sentence = st.lists(words, min_size=1, max_size=40).map(lambda ws: " ".join(ws) + st_end())


def st_end() -> str:
    return "."


texts = st.lists(
    st.tuples(st.lists(words, min_size=1, max_size=60), st.sampled_from([". ", "! ", "? ", ".\n", ".\n\n", " ", "\n"])),
    min_size=1,
    max_size=40,
).map(lambda parts: "".join(" ".join(ws) + sep for ws, sep in parts))


@settings(max_examples=150, deadline=None)
@given(text=texts, max_tokens=st.integers(8, 120), ratio=st.floats(0, 0.9), extra=st.integers(0, 100))
def test_chunks_cover_the_text_slice_back_and_respect_limits(
    text: str, max_tokens: int, ratio: float, extra: int
) -> None:
    overlap = int(max_tokens * ratio)
    hard_max = max_tokens + extra
    chunks = chunk_text(text, max_tokens, overlap, ENC, hard_max=hard_max)
    sentences = {(s.start, s.end) for s in split_sentences(text)}
    covered = [False] * len(text)
    for c in chunks:
        assert c.text.strip(), "empty chunk"
        assert text[c.start : c.end] == c.text, "offsets do not slice back to the chunk"
        assert c.tokens == count_tokens(ENC, c.text) <= hard_max
        if c.tokens > max_tokens:  # only one sentence, or a window of a sentence over hard_max, may
            assert any(s <= c.start and c.end <= e for s, e in sentences), "chunk over the target spans sentences"
        for i in range(c.start, c.end):
            covered[i] = True
    missing = [i for i, ch in enumerate(text) if not ch.isspace() and not covered[i]]
    assert not missing, f"characters not in any chunk: {text[missing[0] : missing[0] + 20]!r}"
    starts = [c.start for c in chunks]
    assert starts == sorted(starts) and len(set(starts)) == len(starts), "chunks must advance"


@settings(max_examples=60, deadline=None)
@given(text=texts)
def test_sentences_are_exact_nonblank_slices(text: str) -> None:
    for s in split_sentences(text):
        assert s.text and s.text == s.text.strip() and text[s.start : s.end] == s.text


def test_abbreviations_do_not_end_sentences() -> None:
    text = "Prime Minister Kishida met U.S. President Joe Biden. Mr. Biden agreed. It was 3 p.m. in Tokyo."
    got = [s.text for s in split_sentences(text)]
    assert got[0] == "Prime Minister Kishida met U.S. President Joe Biden."
    assert got[1] == "Mr. Biden agreed."


def test_a_military_rank_does_not_end_a_sentence() -> None:
    """Probe 61: "... convened a meeting in Honolulu with U.S. Navy Adm. John C. Aquilino, Commander, ..." was cut
    after "Adm.", so "Which U.S. admiral took part ...?" met a sentence without a name and one without the meeting."""
    text = "They met in Honolulu with U.S. Navy Adm. John C. Aquilino and Maj. Gen. Smith. Officials then left."
    got = [s.text for s in split_sentences(text)]
    assert got == [
        "They met in Honolulu with U.S. Navy Adm. John C. Aquilino and Maj. Gen. Smith.",
        "Officials then left.",
    ]


def test_a_list_run_into_one_line_is_one_sentence_per_item() -> None:
    """The Americas Partnership fact sheet runs its list into one line: "...; - Leaders committed to ...; and -
    Costa Rica offered to host ...". One sentence of 600 characters was the answer to "Which country offered to
    host...?"; each item is a sentence now. A dash inside a sentence is not a list."""
    text = (
        "The Partnership will: - Leaders directed their Ministers to stand up three tracks; - Ministers will meet "
        "yearly; and - Costa Rica offered to host the next summit in 2025. Ties are close - very close."
    )
    got = [s.text for s in split_sentences(text)]
    assert got == [
        "The Partnership will:",
        "- Leaders directed their Ministers to stand up three tracks;",
        "- Ministers will meet yearly; and",
        "- Costa Rica offered to host the next summit in 2025.",
        "Ties are close - very close.",
    ]


def test_overlap_repeats_whole_trailing_sentences() -> None:
    text = " ".join(f"Sentence number {i} talks about the summit." for i in range(60))
    chunks = chunk_text(text, 60, 20, ENC)
    assert len(chunks) > 3
    for a, b in itertools.pairwise(chunks):
        assert b.start < a.end, "consecutive chunks should overlap"
        assert text[b.start - 1] == " " or b.start == 0, "overlap must start on a sentence boundary"


def test_sentence_over_the_limit_is_split_on_token_boundaries() -> None:
    text = "word " * 500 + "end."
    chunks = chunk_text(text, 50, 10, ENC)
    assert all(c.tokens <= 50 for c in chunks)
    assert chunks[-1].text.endswith("end.")


def test_a_long_sentence_stays_whole_up_to_the_hard_maximum() -> None:
    long = "The leaders " + "and their ministers " * 20 + "agreed."
    text = f"Short one. {long} Short two."
    chunks = chunk_text(text, 40, 8, ENC, hard_max=120)
    assert long in [c.text for c in chunks], "a citation must never have to span two chunks"


def test_overlap_must_be_smaller_than_size() -> None:
    with pytest.raises(ValueError, match="overlap"):
        chunk_text("a b c.", 10, 10, ENC)


def test_default_chunks_fit_the_embedding_model_window(embedder) -> None:  # type: ignore[no-untyped-def]
    """Measured with the model's own tokenizer: title + chunk never exceeds its 256 word-pieces, so no chunk tail
    is silently truncated."""
    from ingest.pipeline import embed_text, fit_title
    from rag.config import Settings
    from rag.types import Chunk

    s = Settings()
    worst = 0
    for path in [SEED, *sorted(CORPUS.glob("*.txt"))]:
        text = clean_text(path.read_text(encoding="utf-8"))
        title = text.split("\n")[0]
        for c in chunk_text(text, s.chunk_tokens, s.chunk_overlap, ENC, hard_max=s.chunk_max_tokens):
            chunk = Chunk("d", 0, c.start, c.end, c.text, c.tokens)
            assert embedder.count_wordpieces(c.text) <= 230, "the chunk alone must leave room for its title"
            worst = max(worst, embedder.count_wordpieces(embed_text(fit_title(title, chunk, embedder), c.text)))
    assert 60 < worst <= embedder.max_seq_length == 256


def test_query_time_sentences_are_encoded_once(embedder) -> None:  # type: ignore[no-untyped-def]
    """The sentence rerank and the extractive backend read the same sentences: the second reading is free."""
    texts = ["Kishida met Biden online.", "The meeting lasted one hour and 20 minutes.", "Kishida met Biden online."]
    before = embedder.sentences_encoded
    first = embedder.embed_sentences(texts)
    assert embedder.sentences_encoded - before == 2, "a text repeated in one call is encoded once"
    again = embedder.embed_sentences([*reversed(texts), "A new sentence about trade."])
    assert embedder.sentences_encoded - before == 3, "only the new text reaches the model"
    assert first.shape == (3, embedder.dimension) and again.shape == (4, embedder.dimension)
    np.testing.assert_array_equal(again[0], first[2])
    np.testing.assert_array_equal(first[0], first[2])
    fresh = embedder._model.encode([texts[1]], normalize_embeddings=True)[0]
    np.testing.assert_allclose(first[1], fresh, atol=1e-5)
    assert embedder.embed_sentences([]).shape == (0, embedder.dimension)
