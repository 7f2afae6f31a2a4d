"""Method (METHOD.md): pure functions, no I/O.

`progress` (path, share, projection, status rule), `status` (words, symbols, colours),
`uncertainty` (Wilson and exact Poisson intervals, SciPy), `disclosure` (small-count protection,
which every output goes through). Imports only `periods`, `catalog`, `i18n` and `config`.
"""
