"""Fuzz the loaders, the cleaner and the chunker for a set time with hypothesis; report what was tried.

Every input must either load (and then chunk with exact offsets) or be rejected with our RejectedFile; anything
else is a bug and is printed with the input that caused it.

Usage: python bench/fuzz_loaders.py [SECONDS]
"""

from __future__ import annotations

import collections
import io
import sys
import time
import traceback
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.pipeline import prepare
from rag.config import Settings
from rag.errors import RejectedFile

SUFFIXES = [".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".rtf", ""]
SETTINGS = Settings()
tally: collections.Counter[str] = collections.Counter()
failures: list[str] = []


def zipped(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


payloads = st.one_of(
    st.binary(max_size=4000),
    st.text(max_size=4000).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.text(max_size=2000).map(lambda s: s.encode("utf-16")),
    st.text(alphabet=st.characters(max_codepoint=255), max_size=2000).map(lambda s: s.encode("latin-1")),
    st.text(max_size=1000).map(lambda s: f"<html><body><p>{s}</p><script>{s}</script></body></html>".encode("utf-8", "ignore")),
    st.binary(max_size=2000).map(lambda b: b"%PDF-1.4\n" + b),
    st.dictionaries(st.sampled_from(["word/document.xml", "[Content_Types].xml", "x"]), st.binary(max_size=500)).map(zipped),
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(data=payloads, suffix=st.sampled_from(SUFFIXES))
def fuzz(data: bytes, suffix: str) -> None:
    if time.monotonic() > STOP:
        return
    tally[f"tried {suffix or '(none)'}"] += 1
    try:
        doc, _, chunks = prepare(data, f"fuzz{suffix}", SETTINGS)
    except RejectedFile:
        tally["rejected"] += 1
        return
    except Exception:
        failures.append(f"{suffix} {data[:80]!r}\n{traceback.format_exc(limit=3)}")
        tally["CRASH"] += 1
        return
    tally["loaded"] += 1
    for c in chunks:
        if doc.text[c.start : c.end] != c.text or not c.text.strip():
            failures.append(f"bad chunk offsets for {suffix} {data[:80]!r}")
            tally["BAD CHUNK"] += 1


if __name__ == "__main__":
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 60
    STOP = time.monotonic() + seconds
    t = time.monotonic()
    while time.monotonic() < STOP:  # batches of 300 examples until the time is up
        fuzz()
    print(
        f"fuzzed for {time.monotonic() - t:.0f} s: {sum(v for k, v in tally.items() if k.startswith('tried'))} inputs"
    )
    for key, value in sorted(tally.items()):
        print(f"  {key}: {value}")
    for f in failures[:10]:
        print("FAILURE:", f)
    sys.exit(1 if failures else 0)
