"""`python -m bot` runs the `drift` command line."""

from bot.entry.cli import main

raise SystemExit(main())
