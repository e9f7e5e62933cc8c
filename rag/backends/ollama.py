"""``ollama:<model>``: Ollama's native chat API (``POST /api/chat``, newline-delimited JSON stream), with the
answer schema passed as ``format`` so the model returns cited sentences."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx

from rag.backends import register
from rag.backends.base import Backend, GenerationRequest, Turn, heuristic_condense, split_marked_sentences
from rag.backends.prompting import ANSWER_SCHEMA, condense_messages, messages_for, structured_to_text
from rag.config import Settings
from rag.errors import BackendError, ConfigError

__all__ = ["OllamaBackend"]


class OllamaBackend(Backend):
    name = "ollama"

    def __init__(self, model: str, base_url: str, timeout: float) -> None:
        if not model:
            raise ConfigError("name the model: --backend ollama:MODEL (e.g. ollama:llama3.2)")
        self.model = model
        self.base_url = base_url.rstrip("/")
        self._http = httpx.Client(base_url=self.base_url, timeout=timeout)

    def _chat(self, messages: list[dict[str, str]], fmt: object | None, stream: bool) -> Iterator[dict]:  # type: ignore[type-arg]
        body: dict[str, object] = {
            "model": self.model,
            "messages": messages,
            "stream": stream,
            "options": {"temperature": 0},
        }
        if fmt is not None:
            body["format"] = fmt
        try:
            with self._http.stream("POST", "/api/chat", json=body) as r:
                if r.status_code == 404:
                    raise BackendError(
                        f"Ollama at {self.base_url} has no model {self.model!r}: `ollama pull {self.model}`"
                    )
                if r.status_code >= 400:
                    r.read()
                    raise BackendError(f"Ollama at {self.base_url} answered {r.status_code}: {r.text[:300]}")
                for line in r.iter_lines():
                    if not line.strip():
                        continue
                    try:
                        msg = json.loads(line)
                    except json.JSONDecodeError as e:
                        raise BackendError(f"Ollama sent a line that is not JSON: {line[:120]!r}") from e
                    if msg.get("error"):
                        raise BackendError(f"Ollama: {msg['error']}")
                    yield msg
        except httpx.TimeoutException as e:
            raise BackendError(
                f"Ollama at {self.base_url} did not answer in time: raise SUMMIT_RAG_LLM_TIMEOUT_S"
            ) from e
        except httpx.TransportError as e:
            raise BackendError(
                f"cannot reach Ollama at {self.base_url} ({e}): start `ollama serve`, or set SUMMIT_RAG_OLLAMA_BASE_URL"
            ) from e

    def generate(self, request: GenerationRequest) -> Iterator[str]:
        raw = "".join(
            m.get("message", {}).get("content", "")
            for m in self._chat(messages_for(request, True), ANSWER_SCHEMA, True)
        )
        for i, sentence in enumerate(split_marked_sentences(structured_to_text(raw))):
            yield ("" if i == 0 else " ") + sentence

    def condense(self, question: str, history: list[Turn]) -> str:
        if not history:
            return question
        try:
            text = "".join(
                m.get("message", {}).get("content", "")
                for m in self._chat(condense_messages(question, history), None, False)
            ).strip()
        except BackendError:
            text = ""
        return text if 3 <= len(text) <= 500 else heuristic_condense(question, history)

    def close(self) -> None:
        self._http.close()


@register("ollama")
def _factory(model: str, settings: Settings, embedder: object) -> Backend:
    return OllamaBackend(model, settings.ollama_base_url, settings.llm_timeout_s)
