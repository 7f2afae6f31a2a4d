"""Exports: every CSV/XLSX file the product writes for a user, through one registry and one writer.

Contract: `FORMATS` holds each format once (name, extension, MIME type, label key, writer);
`write(name, frame_or_sheets, demo_mark=...)` is the only way to produce a file, and it neutralises
every text cell that a spreadsheet would run as a formula (= + - @ tab CR) while numbers stay
numbers. `downloads` shapes the indicator downloads. Imports pandas and openpyxl, nothing of the
product but itself.
"""
from indicators.exports.formats import FORMATS, Format, csv_for, register, write
from indicators.exports.writer import DANGEROUS, neutral, neutralised

__all__ = ["DANGEROUS", "FORMATS", "Format", "csv_for", "neutral", "neutralised", "register", "write"]
