"""HTML, CSS and the keyboard bridge of presentation mode (pure strings; web.py and the page put
them on screen).

Sizes are for 1920×1080 seen from the back of a room (slide_style.py): titles 56 px, body 34 px,
chart axis text 24 px. In presentation mode the sidebar, header, toolbar and every control are
hidden; the paging buttons stay in the page, invisible (visibility: hidden) until the mouse moves, so
the keyboard bridge and a presenter with a mouse can still use them.
"""
from __future__ import annotations

from html import escape

from indicators.present import slide_style as style
from indicators.present.slides import Slide

# Streamlit 1.67 test ids of everything that is not content.
CHROME = (
    '[data-testid="stSidebar"]', '[data-testid="stSidebarCollapsedControl"]',
    '[data-testid="stSidebarNav"]', '[data-testid="collapsedControl"]', 'header[data-testid="stHeader"]',
    '[data-testid="stToolbar"]', '[data-testid="stDecoration"]', '[data-testid="stStatusWidget"]',
    '[data-testid="stElementToolbar"]', '[data-testid="stMainMenu"]', '.modebar-container',
)
CONTROLS = (
    '[data-testid="stButton"]', '[data-testid="stDownloadButton"]', '[data-testid="stSelectbox"]',
    '[data-testid="stMultiSelect"]', '[data-testid="stRadio"]', '[data-testid="stCheckbox"]',
    '[data-testid="stSlider"]', '[data-testid="stTextInput"]', '[data-testid="stNumberInput"]',
    '[data-testid="stDateInput"]', '[data-testid="stSegmentedControl"]',
    '[data-testid="stButtonGroup"]', '[data-testid="stPageLink"]', '[data-testid="stExpander"]',
    '[data-testid="stFileUploader"]', '[data-testid="stForm"]', '[data-testid="stLinkButton"]',
    '[data-testid="stPopover"]', '[data-testid="stTextArea"]', '[data-testid="stToggle"]',
)
NAV_KEYS = ("present_nav", "present_exitbar")  # containers (st.container(key=...)) of the buttons


def css() -> str:
    hide = ",\n".join(CHROME + CONTROLS)
    nav = ", ".join(f".st-key-{k}" for k in NAV_KEYS)
    nav_buttons = ", ".join(f".st-key-{k} [data-testid=\"stButton\"]" for k in NAV_KEYS)
    return f"""<style>
{hide} {{ display: none !important; }}
{nav_buttons} {{ display: block !important; }}
{nav} {{ position: fixed; bottom: 18px; z-index: 1000; width: auto !important;
  visibility: hidden; }}
.st-key-present_nav {{ right: 28px; }}
.st-key-present_exitbar {{ left: 28px; }}
html.present-pointer .st-key-present_nav, html.present-pointer .st-key-present_exitbar {{
  visibility: visible; }}
{nav} button {{ font-size: 22px !important; min-height: 56px; padding: 6px 22px;
  border: 2px solid {style.TEXT}; color: {style.TEXT}; background: {style.BACKGROUND}; }}
[data-testid="stAppViewContainer"], [data-testid="stMain"], .stApp {{ background: {style.BACKGROUND}; }}
[data-testid="stMainBlockContainer"], .block-container {{ padding: 28px 64px 12px 64px !important;
  max-width: 100% !important; }}
[data-testid="stMain"] p, [data-testid="stMain"] li {{ font-size: {style.BODY_PX}px; }}
[data-testid="stMain"] h1 {{ font-size: {style.TITLE_PX}px !important; }}
.present-slide {{ color: {style.TEXT}; font-family: "Source Sans", "DejaVu Sans", Arial, sans-serif; }}
.present-kicker {{ font-size: {style.KICKER_PX}px; color: {style.MUTED}; font-weight: 600;
  margin: 0 0 6px 0; display: flex; justify-content: space-between; gap: 24px; }}
.present-demo {{ color: {style.DEMO}; font-weight: 800; border: 3px solid {style.DEMO};
  padding: 0 12px; border-radius: 6px; white-space: nowrap; }}
.present-title {{ font-size: {style.TITLE_PX}px; line-height: 1.15; font-weight: 800;
  margin: 0 0 10px 0; color: {style.TEXT}; }}
.present-subtitle {{ font-size: {style.SUBTITLE_PX}px; color: {style.MUTED}; margin: 0 0 12px 0; }}
.present-body {{ font-size: {style.BODY_PX}px; line-height: 1.3; margin: 0 0 10px 0; }}
.present-quote {{ font-style: italic; border-left: 8px solid {style.SERIES[0]}; padding-left: 20px; }}
.present-tiles {{ display: flex; gap: 20px; margin: 6px 0 10px 0; flex-wrap: wrap; }}
.present-tile {{ border: 5px solid; border-radius: 10px; padding: 8px 22px; font-size: 34px;
  font-weight: 700; background: {style.BACKGROUND}; color: {style.TEXT}; }}
.present-tile b {{ font-size: 44px; margin-left: 10px; }}
.present-foot {{ position: fixed; left: 0; right: 0; bottom: 0; z-index: 999;
  padding: 6px 64px 10px 64px; background: {style.BACKGROUND}; }}
.present-footer {{ font-size: {style.FOOTER_PX}px; color: {style.MUTED};
  display: flex; justify-content: space-between; gap: 24px; }}
.present-footer span:last-child {{ white-space: nowrap; }}
.present-legend {{ font-size: {style.FOOTER_PX}px; color: {style.MUTED}; }}
[data-testid="stMainBlockContainer"] {{ height: 100vh; box-sizing: border-box;
  padding-bottom: {FOOT_RESERVE_PX}px !important; }}
[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] {{ height: 100%; }}
[data-testid="stMain"] [data-testid="stPlotlyChart"] {{ min-height: {MIN_CHART_PX}px; }}
{_smaller_screens()}
</style>"""


# The slide fills the screen at any size: the main column is exactly one screen high, the chart
# takes what the text above it leaves (st.plotly_chart(height="stretch"), never less than
# MIN_CHART_PX), and the footer with the source and the slide counter is fixed to the bottom edge,
# so it stays in view on a laptop (1280×720, 1440×900) as on the venue's 1920×1080 screen.
FOOT_RESERVE_PX = 64              # room kept under the content for the fixed footer
MIN_CHART_PX = 240
# Text sizes (px) on shorter screens, so the chart keeps room: (max height, title, kicker,
# subtitle, body and tile, tile count). 1440×900 takes the first, 1280×720 the second.
SMALLER = ((940, 44, 24, 24, 26, 34), (780, 36, 20, 20, 22, 28))


def _smaller_screens() -> str:
    rules = []
    for height, title, kicker, subtitle, body, count in SMALLER:
        rules.append(
            f"@media (max-height: {height}px) {{\n"
            f"  [data-testid=\"stMain\"] h1.present-title {{ font-size: {title}px !important; }}\n"
            f"  .present-kicker {{ font-size: {kicker}px; }}\n"
            f"  [data-testid=\"stMain\"] p.present-subtitle {{ font-size: {subtitle}px; }}\n"
            f"  [data-testid=\"stMain\"] p.present-body, .present-tile {{ font-size: {body}px; }}\n"
            f"  .present-tile {{ padding: 4px 16px; }} .present-tile b {{ font-size: {count}px; }} }}")
    return "\n".join(rules)


def keyboard_script() -> str:
    """Listens on the page's document once, and clicks the on-screen buttons: → ↓ Page Down next,
    ← ↑ Page Up previous, Home/End first/last, Esc leave. Also shows the buttons while the mouse
    moves, and advances by itself when the slide says data-auto (seconds)."""
    return """<script>
(function () {
  var w = window, doc = document;
  if (w.__presentKeys) { return; }
  w.__presentKeys = true;
  function press(name) {
    var b = doc.querySelector('.st-key-present_' + name + ' button');
    if (b && !b.disabled) { b.click(); return true; }
    return false;
  }
  var keys = { ArrowRight: 'next', ArrowDown: 'next', PageDown: 'next',
               ArrowLeft: 'prev', ArrowUp: 'prev', PageUp: 'prev',
               Home: 'first', End: 'last', Escape: 'exit' };
  doc.addEventListener('keydown', function (e) {
    if (!doc.querySelector('.st-key-present_exit')) { return; }
    var t = e.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) { return; }
    var name = keys[e.key];
    if (name && press(name)) { e.preventDefault(); e.stopPropagation(); }
  }, true);
  doc.addEventListener('mousemove', function () {
    doc.documentElement.classList.add('present-pointer');
    clearTimeout(w.__presentHide);
    w.__presentHide = setTimeout(function () {
      doc.documentElement.classList.remove('present-pointer');
    }, 2500);
  });
  setInterval(function () {
    var s = doc.querySelector('.present-slide');
    if (!s) { return; }
    var auto = parseInt(s.getAttribute('data-auto') || '0', 10);
    var id = s.getAttribute('data-slide');
    if (w.__presentSlide !== id) { w.__presentSlide = id; w.__presentSince = Date.now(); return; }
    if (!auto || s.getAttribute('data-last') === '1') { return; }
    if (Date.now() - w.__presentSince >= auto * 1000) {
      w.__presentSince = Date.now() + 3600000;
      press('next');
    }
  }, 500);
})();
</script>"""


def _e(text: str) -> str:
    return escape(text or "", quote=True)


def header_html(slide: Slide, n: int, total: int, auto: int = 0) -> str:
    """Kicker (with the demo mark), the finding as title, subtitle, body and status tiles."""
    demo = f'<span class="present-demo">{_e(slide.demo_mark)}</span>' if slide.demo else ""
    parts = [f'<div class="present-slide" data-slide="{n}" data-total="{total}" data-auto="{int(auto)}"'
             f' data-last="{1 if n >= total - 1 else 0}" role="region" aria-label="{_e(slide.title)}">',
             f'<div class="present-kicker"><span>{_e(slide.kicker)}</span>{demo}</div>',
             f'<h1 class="present-title">{_e(slide.title)}</h1>']
    if slide.subtitle:
        parts.append(f'<p class="present-subtitle">{_e(slide.subtitle)}</p>')
    for i, line in enumerate(slide.body):
        quote = " present-quote" if slide.kind == "goal" and i == 0 else ""
        parts.append(f'<p class="present-body{quote}">{_e(line)}</p>')
    if slide.tiles:
        tiles = "".join(
            f'<span class="present-tile" style="border-color:{tile.colour}">'
            f'<span aria-hidden="true">{_e(tile.symbol)}</span> {_e(tile.word)}<b>{tile.count}</b></span>'
            for tile in slide.tiles)
        parts.append(f'<div class="present-tiles">{tiles}</div>')
    parts.append("</div>")
    return "".join(parts)


def footer_html(slide: Slide, n: int, total: int, slide_of: str) -> str:
    legend = ""
    if slide.chart is not None and slide.chart.legend:
        legend = f'<div class="present-legend">{_e(" ".join(slide.chart.legend))}</div>'
    return (f'<footer class="present-foot">{legend}<div class="present-footer">'
            f'<span>{_e(slide.provenance)}</span><span>{_e(slide_of)}</span></div></footer>')


def no_chart_html(slide: Slide) -> str:
    """Where a slide without a chart would have it: why there is none (slide.no_chart)."""
    return (f'<p class="present-no-chart present-slide" style="font-size: {style.BODY_PX}px; '
            f'color: {style.MUTED}; margin: 48px 0;">{_e(slide.no_chart)}</p>')


def chart_height(slide: Slide) -> int:
    """The chart's least height in px: it stretches to what the screen leaves below the text."""
    return MIN_CHART_PX
