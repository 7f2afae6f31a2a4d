"""`python -m indicators ...` (see indicators/cli.py)."""
import sys

from .cli import main

sys.exit(main())
