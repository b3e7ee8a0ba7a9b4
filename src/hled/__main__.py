"""``python -m hled``: the same command line as the ``hled`` script."""

from __future__ import annotations

import sys

from hled._cli import main

# Runs only as `python -m hled`: tested in a subprocess (tests/test_cli.py::test_module_entry_point), which
# coverage does not measure; coverage matches `--cov=hled` by module name, and here the name is "__main__".
if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
