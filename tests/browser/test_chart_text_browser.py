"""Chart text as the browser draws it on a focus page at 1440 px (issue 13, points 2, 3, 12): every
axis, tick, legend and demo-band text reads at 4.5:1 on its background whatever theme Streamlit
applies, and the heat tables' column labels and cell labels are legible (no overlap, ≥ 12 px)."""
import re

import pytest

from indicators.method.status import contrast_ratio

from .conftest import PLOT_TIMEOUT_MS, open_page

pytestmark = pytest.mark.browser

TEXTS = ".xtick text, .ytick text, .g-xtitle text, .g-ytitle text, .g-y2title text, .legendtext"


def _hex(css: str) -> str:
    r, g, b = (int(x) for x in re.findall(r"\d+", css)[:3])
    return f"#{r:02X}{g:02X}{b:02X}"


def test_chart_text_and_heat_tables_are_readable_at_1440_px(app_url, browser):
    with open_page(browser, width=1440, height=1000) as page:
        page.goto(f"{app_url}/skjutningar-grovt-vald")
        page.get_by_role("tab", name="Område × år").first.click()   # built when its tab opens
        page.wait_for_function("document.querySelectorAll('.js-plotly-plot .heatmaplayer').length > 0",
                               timeout=PLOT_TIMEOUT_MS)
        fills = page.eval_on_selector_all(  # drawn text only: a hidden axis has no computed fill
            f".js-plotly-plot :is({TEXTS})",
            "els => els.filter(e => e.getBBox().width > 0).map(e => getComputedStyle(e).fill)")
        assert fills and all(fills), fills
        low = sorted({f for f in fills if contrast_ratio(_hex(f)) < 4.5})
        assert not low, low
        page.wait_for_function("[...document.querySelectorAll('.js-plotly-plot .annotation .bg')]"
                               ".some(e => getComputedStyle(e).fill.startsWith('rgb'))")
        bands = page.eval_on_selector_all(
            ".js-plotly-plot .annotation", """els => els.filter(e => e.textContent.includes('EXEMPELDATA'))
              .map(e => [getComputedStyle(e.querySelector('text')).fill,
                         getComputedStyle(e.querySelector('.bg')).fill])""")
        assert bands and all(contrast_ratio(_hex(text), _hex(bg)) >= 4.5 for text, bg in bands)
        heat = page.locator(".js-plotly-plot", has=page.locator(".heatmaplayer")).first
        ticks = heat.locator(".xtick text").evaluate_all(
            "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.left, r.right]; })")
        ticks.sort()
        assert len(ticks) >= 2 and all(a[1] <= b[0] for a, b in zip(ticks, ticks[1:])), ticks
        sizes = heat.locator(".heatmaplayer text").evaluate_all(
            "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
        assert sizes and min(sizes) >= 12, sorted(set(sizes))
