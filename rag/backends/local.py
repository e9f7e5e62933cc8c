"""``local:<path.gguf>``: summit-rag starts an embedded llama.cpp server (the ``xllamacpp`` wheel) in a child
process on a free loopback port and talks to it through the OpenAI-compatible path; ``close()`` stops it.

Run as ``python -m rag.backends.local MODEL PORT THREADS CTX`` it is that child: it serves until SIGTERM."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from rag.backends import register
from rag.backends.base import Backend, GenerationRequest, Turn
from rag.backends.openai import OpenAIBackend
from rag.config import Settings
from rag.errors import BackendError, ConfigError

__all__ = ["LocalBackend"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LocalBackend(Backend):
    name = "local"

    def __init__(self, model_path: str, threads: int = 2, n_ctx: int = 4096, timeout: float = 300.0) -> None:
        path = Path(model_path).expanduser()
        if not model_path or not path.is_file():
            raise ConfigError(
                f"no GGUF model at {model_path!r}: pass --backend local:/path/to/model.gguf "
                "(`make local-model` fetches Qwen2.5-1.5B into models/)"
            )
        try:
            import xllamacpp  # noqa: F401
        except ImportError as e:
            raise ConfigError("the local backend needs xllamacpp: pip install 'summit-rag[local]'") from e
        self.port = _free_port()
        self.alias = path.stem
        cmd = [sys.executable, "-m", "rag.backends.local", str(path), str(self.port), str(threads), str(n_ctx)]
        self._proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self._wait_ready(time.time() + 120)
        self._api = OpenAIBackend(self.alias, f"http://127.0.0.1:{self.port}/v1", None, timeout)

    def _wait_ready(self, deadline: float) -> None:
        while time.time() < deadline:
            if self._proc.poll() is not None:
                err = (self._proc.stderr.read() if self._proc.stderr else b"").decode(errors="replace")[-800:]
                raise BackendError(f"the local model server exited ({self._proc.returncode}): {err}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/health", timeout=1) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.25)
        self.close()
        raise BackendError("the local model server did not start within 120 s: try a smaller GGUF")

    def generate(self, request: GenerationRequest) -> Iterator[str]:
        yield from self._api.generate(request)

    def condense(self, question: str, history: list[Turn]) -> str:
        return self._api.condense(question, history)

    def close(self) -> None:
        if self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()


@register("local")
def _factory(model: str, settings: Settings, embedder: object) -> Backend:
    return LocalBackend(model, threads=settings.llm_threads, timeout=settings.llm_timeout_s)


def _serve(model: str, port: int, threads: int, n_ctx: int) -> None:
    import xllamacpp

    params = xllamacpp.CommonParams()
    params.model.path = model
    params.hostnames = ["127.0.0.1"]
    params.port = port
    params.n_ctx = n_ctx
    params.cpuparams.n_threads = threads
    params.cpuparams_batch.n_threads = threads
    params.n_parallel = 1
    params.model_alias = {Path(model).stem}
    server = xllamacpp.Server(params)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    del server


if __name__ == "__main__":
    _serve(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
