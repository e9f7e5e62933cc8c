"""Backends, registered by provider name and resolved from ``provider:model`` strings in one place."""

from __future__ import annotations

from collections.abc import Callable

from rag.backends.base import REFUSAL, Backend, GenerationRequest, Turn
from rag.config import Settings
from rag.errors import ConfigError

__all__ = ["REFUSAL", "Backend", "GenerationRequest", "Turn", "register", "registered", "resolve_backend"]

Factory = Callable[[str, Settings, object], Backend]
_REGISTRY: dict[str, Factory] = {}


def register(provider: str) -> Callable[[Factory], Factory]:
    def deco(factory: Factory) -> Factory:
        _REGISTRY[provider] = factory
        return factory

    return deco


def registered() -> list[str]:
    _load_builtin()
    return sorted(_REGISTRY)


def _load_builtin() -> None:
    from rag.backends import extractive, local, ollama, openai  # noqa: F401 - registration side effects


def resolve_backend(spec: str, settings: Settings, embedder: object) -> Backend:
    """``extractive`` | ``openai:gpt-4o-mini`` | ``ollama:llama3.2`` | ``local:/path/model.gguf``."""
    _load_builtin()
    provider, _, model = spec.partition(":")
    factory = _REGISTRY.get(provider.strip().lower())
    if factory is None:
        known = ", ".join(p if p == "extractive" else f"{p}:MODEL" for p in registered())
        raise ConfigError(f"unknown backend {spec!r}: use one of {known}")
    return factory(model.strip(), settings, embedder)
