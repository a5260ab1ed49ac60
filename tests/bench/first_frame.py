"""Start zoomapp (as its console script does) or the bare app, and exit the moment the
home question is written to the terminal. Used to count instructions to the first frame.

    python first_frame.py zoomapp|bare|remembered

`zoomapp` ends at Textual's own first frame; `remembered` at the frame remembered from
the last run (written before Textual loads), and fails if there was none to write.
"""

from __future__ import annotations

import importlib.machinery
import os
import sys
from pathlib import Path

READY = "What do you need right now?"


class _ExitOnFirstFrame:
    """Wraps Textual's Linux driver, when it is imported, so that writing READY ends the run."""

    def find_spec(self, name, path, target=None):  # type: ignore[no-untyped-def]
        if name != "textual.drivers.linux_driver":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        run_module = spec.loader.exec_module

        def exec_module(module) -> None:  # type: ignore[no-untyped-def]
            run_module(module)
            write = module.LinuxDriver.write

            def write_then_exit(driver, data: str) -> None:  # type: ignore[no-untyped-def]
                write(driver, data)
                if READY in data:
                    os._exit(0)

            module.LinuxDriver.write = write_then_exit

        spec.loader.exec_module = exec_module
        return spec


if __name__ == "__main__":
    sys.meta_path.insert(0, _ExitOnFirstFrame())
    if sys.argv[1:] == ["bare"]:
        sys.argv = ["bare_app.py"]
        code = (Path(__file__).parent / "bare_app.py").read_text()
        exec(compile(code, "bare_app.py", "exec"), {"__name__": "__main__"})
    else:
        if sys.argv[1:] == ["remembered"]:
            from zoomapp.ui import remembered_frame

            show = remembered_frame.RememberedFrame.show

            def show_then_exit(frame) -> bool:  # type: ignore[no-untyped-def]
                os._exit(0 if show(frame) else 3)

            remembered_frame.RememberedFrame.show = show_then_exit  # type: ignore[method-assign]
        sys.argv = ["zoomapp"]
        from zoomapp.cli import main

        sys.exit(main())
