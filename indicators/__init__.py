"""Eskilstuna safety indicators: the domain package behind the dashboard.

Everything here is plain Python over DuckDB and pandas; only `indicators.web` imports Streamlit.
"""
