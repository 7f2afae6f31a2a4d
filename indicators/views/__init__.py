"""View models: data in, plain values out, one module per screen or part of a screen.

Each takes a read-only store connection (or frames) and the catalog, and returns what a page
shows: rows, texts, figures already disclosure-controlled, and the bytes of a download (written
by `indicators.exports`). The SQL they need is in `indicators.store`. No Streamlit (that is
`indicators.web`). May import the core, store, charts and exports.
"""
