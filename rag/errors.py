"""summit-rag's errors. Each says what went wrong and how to fix it.

SummitRagError
├── ConfigError            a setting is missing or wrong
├── RejectedFile           a file was not ingested (unsupported, empty, too big, unreadable)
├── StoreError             the store cannot be used as asked
│   ├── ModelMismatch      the collection was built with another embedding model
│   └── StoreBusy          another process is writing to the same data dir
├── QuestionError          empty or oversized question
└── BackendError           a language-model backend failed (unreachable, bad key, unknown model, timeout, bad reply)
"""

from __future__ import annotations

__all__ = [
    "BackendError",
    "ConfigError",
    "ModelMismatch",
    "QuestionError",
    "RejectedFile",
    "StoreBusy",
    "StoreError",
    "SummitRagError",
]


class SummitRagError(Exception):
    """Base of every error summit-rag raises on purpose."""


class ConfigError(SummitRagError):
    pass


class RejectedFile(SummitRagError):
    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


class StoreError(SummitRagError):
    pass


class ModelMismatch(StoreError):
    pass


class StoreBusy(StoreError):
    pass


class QuestionError(SummitRagError):
    pass


class BackendError(SummitRagError):
    pass
