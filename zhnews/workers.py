"""Worker processes end with the process that started them.

A pool's workers wait on a queue; when their parent is killed with SIGKILL no
one tells them, and they lived on (issue 19: still there 37 minutes after).
Linux can send a signal at the parent's death (PR_SET_PDEATHSIG); elsewhere,
and as a backstop, a thread notices that the parent changed (re-parenting).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

# How often the backstop thread looks at the parent pid: a dead parent's
# workers are gone within this, and the check costs nothing at this rate.
PARENT_POLL_S = 1.0
_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """ProcessPoolExecutor initializer: end this worker when its parent dies."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_S)
        os._exit(1)

    threading.Thread(target=watch, name="zhnews-parent-watch", daemon=True).start()
