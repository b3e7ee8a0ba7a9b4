"""``python -m hled``: the same command line as the ``hled`` script."""

from __future__ import annotations

import sys

from hled._cli import main

if __name__ == "__main__":
    sys.exit(main())
