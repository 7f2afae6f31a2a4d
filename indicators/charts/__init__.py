"""Charts: the shared look (`style`), the trend chart (`trend`), the other figure builders
(`figures`) and their text alternatives (`text`).

Contract: builders take plain data (already disclosure-controlled) and labels, and return a
`plotly.graph_objects.Figure` with the demo watermark inside when the data is demo. `text` reads a
drawn figure back into a table and an alt text, so what a screen reader gets is what was drawn.
"""
from indicators.charts.figures import ProfileRow, area_ranking, heat_table, police_list, profile
from indicators.charts.style import (COMPARISON_GROUP, EVENT_GROUP, MEASURE_GROUP, NOTE_NAME,
                                     WATERMARK_NAME, separators, watermark, year_date)
from indicators.charts.trend import EventMark, MeasureBand, ReferenceLine, TrajectoryData, trajectory

__all__ = ["COMPARISON_GROUP", "EVENT_GROUP", "MEASURE_GROUP", "NOTE_NAME", "WATERMARK_NAME",
           "EventMark", "MeasureBand", "ProfileRow", "ReferenceLine",
           "TrajectoryData", "area_ranking", "heat_table", "police_list", "profile", "separators",
           "trajectory", "watermark", "year_date"]
