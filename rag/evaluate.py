"""``summit-rag eval QA.jsonl``: retrieval, evidence, citation and refusal metrics, overall and per type."""

from __future__ import annotations

import json
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from rag.answer import Engine
from rag.errors import ConfigError
from rag.types import Answer

__all__ = ["evaluate", "load_qa", "metrics_for"]

_REQUIRED = ("id", "question", "doc_ids", "type")


def _norm(s: str) -> str:
    return " ".join(s.split())


def load_qa(path: Path) -> list[dict[str, Any]]:
    items = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as e:
            raise ConfigError(f"{path}:{i} is not valid JSON ({e.msg}): one JSON object per line") from e
        missing = [k for k in _REQUIRED if k not in item]
        if missing:
            raise ConfigError(f"{path}:{i} lacks {', '.join(missing)}: each line needs {', '.join(_REQUIRED)}")
        items.append(item)
    return items


def _doc_ranks(answer: Answer) -> list[str]:
    seen: list[str] = []
    for p in answer.passages:
        if p.doc_id not in seen:
            seen.append(p.doc_id)
    return seen


def _pct(values: list[float]) -> float | None:
    return round(100 * sum(values) / len(values), 1) if values else None


def _quantile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    s = sorted(values)
    return round(s[min(len(s) - 1, int(q * len(s)))] * 1000, 1)


def metrics_for(rows: list[dict[str, Any]]) -> dict[str, Any]:
    answerable = [r for r in rows if r["gold"]]
    unanswerable = [r for r in rows if not r["gold"]]
    m: dict[str, Any] = {"n": len(rows), "answerable": len(answerable), "unanswerable": len(unanswerable)}
    for k in (1, 5, 10):
        m[f"hit@{k}"] = _pct([any(d in r["gold"] for d in r["docs"][:k]) for r in answerable])
    m["mrr"] = (
        round(
            sum(next((1 / i for i, d in enumerate(r["docs"], 1) if d in r["gold"]), 0.0) for r in answerable)
            / len(answerable),
            3,
        )
        if answerable
        else None
    )
    ev = [r["evidence_hit"] for r in answerable if r["evidence_hit"] is not None]
    m["evidence_recall@5"] = _pct(ev)
    cites = [c in r["gold"] for r in answerable for c in r["cited_docs"]]
    m["citation_precision"] = _pct(cites)
    m["refusal_rate_unanswerable"] = _pct([r["refused"] for r in unanswerable])
    m["false_refusal_rate"] = _pct([r["refused"] for r in answerable])
    lat = [r["latency"] for r in rows]
    m["latency_p50_ms"] = _quantile(lat, 0.5)
    m["latency_p95_ms"] = _quantile(lat, 0.95)
    return m


def evaluate(
    engine: Engine, items: list[dict[str, Any]], top_k: int | None = None, backend: str | None = None
) -> dict[str, Any]:
    rows, results = [], []
    for item in items:
        t = time.perf_counter()
        answer = engine.ask(item["question"], top_k=top_k, backend=backend)
        latency = time.perf_counter() - t
        gold = set(item.get("doc_ids") or [])
        top5 = [_norm(p.text) for p in answer.passages[:5]]
        evidence = [e for e in item.get("evidence") or [] if e.get("sentence")]
        evidence_hit = (
            all(any(_norm(e["sentence"]) in p for p in top5) for e in evidence[:1]) if evidence and gold else None
        )
        if evidence and gold and len({e["doc_id"] for e in evidence}) > 1:
            # questions across documents: recall is the share of their evidence sentences found
            evidence_hit = sum(any(_norm(e["sentence"]) in p for p in top5) for e in evidence) / len(evidence)
        rows.append(
            {
                "type": item["type"], "gold": gold, "docs": _doc_ranks(answer), "refused": answer.refused,
                "cited_docs": [c.doc_id for c in answer.citations], "evidence_hit": evidence_hit, "latency": latency,
            }
        )  # fmt: skip
        result = answer.to_json()
        result.update({"id": item["id"], "question": item["question"], "type": item["type"]})
        results.append(result)
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_type[r["type"]].append(r)
    metrics = {"overall": metrics_for(rows), "by_type": {t: metrics_for(rs) for t, rs in sorted(by_type.items())}}
    return {"metrics": metrics, "results": results}
