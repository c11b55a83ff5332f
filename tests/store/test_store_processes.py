"""Real processes: SIGKILL at random moments loses no acknowledged write; concurrent writers lose nothing."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest
from conftest import DAY_981

from warreader.store import Library

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")

# Writes annotations forever; prints "<event id> <tag>" only after `annotate` returned (= durable).
WRITER = r"""
import sys, time
from pathlib import Path
from warreader.store import Library
path, prefix, events = Path(sys.argv[1]), sys.argv[2], sys.argv[3].split(",")
count = int(sys.argv[4]) if len(sys.argv) > 4 else None
go = Path(sys.argv[5]) if len(sys.argv) > 5 else None
lib = Library.open(path, seed_samples=False)
if go is not None:
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.001)
i = 0
while count is None or i < count:
    event = events[i % len(events)]
    tag = f"{prefix}-{i}"
    # Long notes make the file big enough for a kill to land inside a write.
    lib.annotate(event, add_tags=[tag], note=f"{tag} " + "x" * (i % 7) * 500)
    if i % 5 == 0:
        lib.set_day_note(981, f"day note {tag}")
    print(event, tag, flush=True)
    i += 1
"""


def _env() -> dict:
    return dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))


def _writer(path, prefix, event_ids, *extra) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), prefix, ",".join(event_ids), *map(str, extra)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )


@pytest.fixture
def event_ids(lib, make):
    lib.import_bulletins([make(981, DAY_981)])
    return [e.id for _, e in lib.bulletin(981).iter_events()]


def test_sigkill_during_writes_keeps_every_acknowledged_write(lib_path, event_ids):
    rng = random.Random()
    acked: list[tuple[str, str]] = []
    delays = []
    for round_no in range(6):
        proc = _writer(lib_path, f"r{round_no}", event_ids)
        first = proc.stdout.readline()  # started and wrote once: now kill at a random moment
        assert first.endswith("\n"), proc.stderr.read()
        delays.append(round(rng.uniform(0.0, 0.25), 3))
        time.sleep(delays[-1])
        os.kill(proc.pid, signal.SIGKILL)
        rest = proc.stdout.read()
        proc.wait()
        lines = [first] + rest.splitlines(keepends=True)
        acked += [tuple(line.split()) for line in lines if line.endswith("\n")]
        # Every round starts from what the killed process left: it must open and hold every ack.
        library = Library.open(lib_path, seed_samples=False)
        tags = {tag for a in library.annotations() for tag in a.tags}
        missing = [tag for _, tag in acked if tag not in tags]
        assert not missing, f"lost acknowledged writes {missing[:5]} (kill delays {delays})"
        for event, tag in acked[-3:]:
            assert tag in library.annotation(event).tags
        assert library.day_note(981) is not None
        library.close()
    assert len(acked) > 6 * 2  # the child did write between kills


def test_two_processes_adding_tags_lose_nothing(lib_path, event_ids, tmp_path):
    go = tmp_path / "go"
    target = event_ids[:1]  # both on the same event: the worst case for lost updates
    procs = [_writer(lib_path, name, target, 200, go) for name in ("left", "right")]
    for proc in procs:
        assert proc.stdout.readline() == "ready\n", proc.stderr.read()
    go.touch()
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert len(out.splitlines()) == 200
    tags = Library.open(lib_path, seed_samples=False).annotation(target[0]).tags
    assert len(tags) == 400
    assert {f"{side}-{i}" for side in ("left", "right") for i in range(200)} == set(tags)
