"""Query rewriting for news-style wording, and the focus check that refuses "how many X" when X is absent."""

from __future__ import annotations

import pytest

from rag.backends.extractive import missing_focus
from rag.expand import expand


@pytest.mark.parametrize(
    ("question", "dense", "added"),
    [
        (
            "What did Washington and Moscow agree?",
            "What did the United States and Russia agree?",
            ["the United States", "Russia"],
        ),
        ("What did Tokyo's new premier say?", "What did Japan's new Prime Minister say?", ["Japan", "Prime Minister"]),
        (
            "What will Ottawa do with the jabs?",
            "What will Canada do with the vaccine doses?",
            ["Canada", "vaccine doses"],
        ),
        ("Which role at the world body?", "Which role at the United Nations?", ["the United Nations"]),
    ],
)
def test_metonyms_become_the_names_documents_use(question: str, dense: str, added: list[str]) -> None:
    e = expand(question)
    assert e.changed and e.dense == dense
    assert e.lexical.startswith(question), "BM25 keeps the original words"
    for name in added:
        assert name in e.lexical[len(question) :]


@pytest.mark.parametrize(
    "question",
    [
        "Which summit took place in Washington in May 2022?",
        "Where did Biden meet Kishida in Phnom Penh?",
        "Who visited Tokyo in 2022?",
        "What did the leaders agree on climate?",
        "Was the Washingtonian article right?",  # a longer word is not the capital
    ],
)
def test_places_and_plain_questions_are_left_alone(question: str) -> None:
    e = expand(question)
    assert not e.changed and e.dense == question and e.lexical == question


@pytest.mark.parametrize(
    ("question", "context", "missing"),
    [
        ("How many reporters attended the remarks?", "The leaders held remarks for the press.", "report"),
        ("How many yen did Japan pledge?", "Japan pledged $1 billion.", "yen"),
        ("What was the name of the interpreter?", "The meeting had two interpreters present.", None),
        ("What was the weather like at Camp David?", "The leaders met at Camp David.", "weather"),
        ("How much money did Japan pledge?", "Japan pledged $1 billion.", None),  # "money" is not counted
        ("How many lakes will be restored?", "They will restore sixty lakes.", None),
        ("What did the leaders agree?", "Anything at all.", None),  # no counted or named thing
        ("What is the total cost in dollars of the bridge?", "Canada is financing the bridge.", "cost"),
        ("What was the estimated cost of the bridge?", "The bridge will cost $5.7 billion.", None),
    ],
)
def test_missing_focus(question: str, context: str, missing: str | None) -> None:
    assert missing_focus(question, context) == missing
