"""``python -m compare`` is the same as the ``compare-sources`` command."""

import sys

from .cli import main

sys.exit(main())
