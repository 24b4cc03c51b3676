#!/usr/bin/env python3
"""Feeds 1 GB (ENTX_BIG_STREAM_MB megabytes) of text through entx in a pipe
and checks that its peak resident memory stays under a fixed bound and
that it writes exactly one output line per input document: memory is
bounded by the largest document, not by the length of the stream. The
test plugin keeps it fast; the streaming under test is the core's."""
import os
import subprocess
import sys
import threading

MB = int(os.environ.get("ENTX_BIG_STREAM_MB", "1024"))
BOUND_MB = 200
ENTX = os.environ["ENTX"]
GOOD = os.path.join(os.environ["TEST_BUILDDIR"], "plugins", ".libs")

# Documents of about 4 KB, one per line, each with one "alpha".
line = ("alpha " + "lorem ipsum dolor sit amet " * 150 + "\n").encode()
n_docs = MB * 1024 * 1024 // len(line)

proc = subprocess.Popen(
    [ENTX, "--plugin-path=" + GOOD, "--plugins=good", "--split=line", "--no-text"],
    stdin=subprocess.PIPE, stdout=subprocess.PIPE)
counts = {"lines": 0, "alpha": 0}


def read_output():
    for out in proc.stdout:
        counts["lines"] += 1
        counts["alpha"] += out.count(b'"anchorOf":"alpha"')


reader = threading.Thread(target=read_output)
reader.start()
block = line * 256
for _ in range(n_docs // 256):
    proc.stdin.write(block)
for _ in range(n_docs % 256):
    proc.stdin.write(line)
proc.stdin.close()
reader.join()
_, status, usage = os.wait4(proc.pid, 0)
# ru_maxrss is in kilobytes on Linux; the libtool wrapper script execs the
# real program, so this is entx's own peak.
peak_mb = usage.ru_maxrss / 1024

results = [
    ("exit status 0", os.waitstatus_to_exitcode(status) == 0),
    ("one output line per document (%d)" % n_docs, counts["lines"] == n_docs),
    ("every document's mention written", counts["alpha"] == n_docs),
    ("peak RSS %.1f MB under %d MB after %d MB of input" % (peak_mb, BOUND_MB, MB),
     peak_mb < BOUND_MB),
]
for desc, ok in results:
    print(("ok - " if ok else "not ok - ") + desc)
failed = sum(1 for _, ok in results if not ok)
print("%d passed, %d failed" % (len(results) - failed, failed))
sys.exit(1 if failed else 0)
