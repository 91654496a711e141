"""`python -m bench.torture`."""

from bench.torture import main

raise SystemExit(main())
