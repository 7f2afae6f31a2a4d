"""`python -m indicators COMMAND`: the command line of DATA.md §4, over the same core the pages use.

Contract: `main(argv)` returns the exit status (0 ok, 1 rejected/failed, 2 usage) and never lets a
traceback out for bad input. `COMMANDS` is the explicit command table (name, help key, arguments,
handler): `commands` holds the data commands, `users` the account commands, `presspack` the press
pack; `table` the Command type and the parser. The CLI may import every layer but web.
"""
from indicators.cli.main import COMMANDS, main

__all__ = ["COMMANDS", "main"]
