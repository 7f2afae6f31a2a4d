"""Fokusområde: Stoppa nyrekrytering av barn och unga."""
from pages._focus import render

render("nyrekrytering_unga")
