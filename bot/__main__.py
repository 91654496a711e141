"""`python -m bot` runs the `drift` command line."""

from bot.cli import main

raise SystemExit(main())
