"""Fokusområde: Stoppa skjutningar och grovt våld."""
from pages._focus import render

render("skjutningar_grovt_vald")
