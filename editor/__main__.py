"""Run Yuku with `python -m editor`."""
from editor.cli import main

raise SystemExit(main())
