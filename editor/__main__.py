"""Run Yuku with `python -m editor`."""
import multiprocessing

from editor.cli import main

if __name__ == "__main__":  # not when a mining worker process (spawned from the GUI) imports this module
    multiprocessing.freeze_support()  # a frozen build's worker processes run the worker, not the app
    raise SystemExit(main())
