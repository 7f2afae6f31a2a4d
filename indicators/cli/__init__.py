"""`python -m indicators COMMAND`: the command line of DATA.md §4, over the same core the pages use.

Contract: `main(argv)` returns the exit status (0 ok, 1 rejected/failed, 2 usage) and never lets a
traceback out for bad input. `commands` holds the data commands, `users` the account commands,
`presspack` the press pack.
"""
from indicators.cli.commands import main

__all__ = ["main"]
