"""``python -m assessment``: see :mod:`assessment.cli`."""

from assessment.cli import main

raise SystemExit(main())
