"""``openai:<model>``: any OpenAI-compatible chat-completions server (OpenAI, vLLM, llama.cpp, LM Studio,
Ollama's /v1). Asks for structured output (cited sentences as JSON) and falls back to [n] markers in plain text
where the server refuses ``response_format``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rag.backends import register
from rag.backends.base import Backend, GenerationRequest, Turn, heuristic_condense, split_marked_sentences
from rag.backends.prompting import ANSWER_SCHEMA, condense_messages, messages_for, structured_to_text
from rag.config import Settings
from rag.errors import BackendError, ConfigError

__all__ = ["OpenAIBackend"]


class OpenAIBackend(Backend):
    name = "openai"

    def __init__(
        self, model: str, base_url: str | None, api_key: str | None, timeout: float, structured: bool = True
    ) -> None:
        try:
            import openai
        except ImportError as e:  # pragma: no cover - a core dependency
            raise ConfigError("the openai package is missing: pip install openai") from e
        if not model:
            raise ConfigError("name the model: --backend openai:MODEL (e.g. openai:gpt-4o-mini)")
        self.model = model
        self.base_url = base_url or "https://api.openai.com/v1"
        self.structured = structured
        self._openai = openai
        self._client = openai.OpenAI(base_url=self.base_url, api_key=api_key or "not-needed", timeout=timeout)

    def _explain(self, e: Exception) -> BackendError:
        o = self._openai
        where = f"the server at {self.base_url}"
        if isinstance(e, o.APITimeoutError):
            msg = f"{where} did not answer in time: raise SUMMIT_RAG_LLM_TIMEOUT_S or use a smaller model"
        elif isinstance(e, o.APIConnectionError):
            msg = f"cannot reach {where}: start it, or set SUMMIT_RAG_OPENAI_BASE_URL to where it runs"
        elif isinstance(e, o.AuthenticationError):
            msg = f"{where} refused the API key: set SUMMIT_RAG_OPENAI_API_KEY"
        elif isinstance(e, o.NotFoundError):
            msg = f"{where} does not know the model {self.model!r}: check the name it serves (GET /v1/models)"
        else:
            msg = f"{where} failed: {e}"
        return BackendError(msg)

    def _create(self, messages: list[dict[str, str]], **kwargs: Any) -> Any:
        try:
            return self._client.chat.completions.create(model=self.model, messages=messages, **kwargs)
        except self._openai.BadRequestError:
            raise
        except self._openai.OpenAIError as e:
            raise self._explain(e) from e

    def generate(self, request: GenerationRequest) -> Iterator[str]:
        if self.structured:
            fmt = {"type": "json_schema", "json_schema": {"name": "cited_answer", "schema": ANSWER_SCHEMA}}
            try:
                stream = self._create(
                    messages_for(request, structured=True), response_format=fmt, stream=True, temperature=0
                )
                raw = "".join(self._deltas(stream))
            except self._openai.BadRequestError:
                self.structured = False  # this server has no structured output: use [n] markers from now on
            else:
                text = structured_to_text(raw)
                for i, sentence in enumerate(split_marked_sentences(text)):
                    yield ("" if i == 0 else " ") + sentence
                return
        try:
            stream = self._create(messages_for(request, structured=False), stream=True, temperature=0)
        except self._openai.BadRequestError as e:
            raise self._explain(e) from e
        yield from self._deltas(stream)

    def _deltas(self, stream: Any) -> Iterator[str]:
        try:
            for chunk in stream:
                if chunk.choices and chunk.choices[0].delta and chunk.choices[0].delta.content:
                    yield chunk.choices[0].delta.content
        except self._openai.OpenAIError as e:
            raise self._explain(e) from e

    def condense(self, question: str, history: list[Turn]) -> str:
        if not history:
            return question
        try:
            reply = self._create(condense_messages(question, history), temperature=0, max_tokens=80)
            text = (reply.choices[0].message.content or "").strip().strip('"')
        except (BackendError, self._openai.OpenAIError):
            text = ""
        return text if 3 <= len(text) <= 500 else heuristic_condense(question, history)


@register("openai")
def _factory(model: str, settings: Settings, embedder: object) -> Backend:
    return OpenAIBackend(model, settings.openai_base_url, settings.openai_api_key, settings.llm_timeout_s)
