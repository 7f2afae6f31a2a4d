"""Fokusområde: Trygga det offentliga rummet."""
from pages._focus import render

render("offentliga_rummet")
