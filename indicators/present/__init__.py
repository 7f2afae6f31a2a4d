"""Presenting: the slide set (URL <-> choices), findings written from the data, slide models,
their figures, and the press pack (.pptx with native charts, PNGs, a one-page PDF, tables through
`indicators.exports`). May import the core, store, charts, exports and views; no Streamlit."""
