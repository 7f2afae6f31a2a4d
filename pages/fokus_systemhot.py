"""Fokusområde: Bekämpa systemhotande brottslighet."""
from pages._focus import render

render("systemhotande_brottslighet")
