"""A stand-in editor for the edit tests: ``python editor.py MODE [DIR] FILE``.

rename: write ``FILE.tmp`` and rename it over FILE (as most editors save); inplace: append
to FILE where it is; touch: change only the file's time; wait-rename: create DIR/started,
wait for DIR/go (the test changes the object on the server meanwhile), then as rename;
fail: exit 3 after changing the file."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ADDED = b" +edited"


def main() -> int:
    mode, path = sys.argv[1], Path(sys.argv[-1])
    if mode == "touch":
        os.utime(path, (time.time() + 5, time.time() + 5))
        return 0
    if mode == "inplace":
        with open(path, "ab") as out:
            out.write(ADDED)
        return 0
    if mode == "wait-rename":
        signals = Path(sys.argv[2])
        (signals / "started").write_text("")
        deadline = time.monotonic() + 60
        while not (signals / "go").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
    temp = path.with_name(path.name + ".tmp")
    temp.write_bytes(path.read_bytes() + ADDED)
    os.replace(temp, path)
    return 3 if mode == "fail" else 0


if __name__ == "__main__":
    sys.exit(main())
