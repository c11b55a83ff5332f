"""`python -m bench.launch RESULT.json CMD…`: run CMD, then write its wall time and its own peak RSS.

Why a launcher: Linux keeps a process's `ru_maxrss` high-water mark across `exec`, and a child forked from
the benchmark (which holds a whole library in memory) starts with the parent's pages counted as its own,
so its peak RSS would read as the benchmark's. This small interpreter forks CMD instead, so CMD's peak is
its own; the time is taken here too (fork → exit), leaving this launcher's own start-up out.
CMD inherits stdin/stdout/stderr (a pty for the reader). Exits with CMD's exit status.
"""

from __future__ import annotations

import json
import os
import sys
import time


def main(argv: list[str]) -> int:
    result_path, cmd = argv[0], argv[1:]
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child: become CMD
        try:
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    _pid, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    scale = 1 / (1024 * 1024) if sys.platform == "darwin" else 1 / 1024
    with open(result_path, "w", encoding="utf-8") as handle:
        json.dump({"seconds": seconds, "maxrss_mb": usage.ru_maxrss * scale, "returncode": code}, handle)
    return code if code >= 0 else 128 - code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
