"""Ladda upp (analysts only): upload → preview → confirm; templates and a guide; history, the
archived originals and undo (indicators/web/upload*.py)."""
from indicators import web

web.upload_page()
