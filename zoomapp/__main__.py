"""Run zoomapp with `python -m zoomapp`."""

from zoomapp.cli import main

raise SystemExit(main())
