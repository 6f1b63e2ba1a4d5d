"""Self-contained HTML map: all JS, CSS and data inlined; opens from disk with no network.

The page is ``views.map.build_map`` plus a title panel (title, time window, filters, count)
with a client-side time slider (vanilla JS: a range input over the days, step/play
buttons, "up to"/"on" modes) and the export metadata as JSON in
``<script type="application/json" id="eventmap-meta">``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from eventmap.exports.meta import ExportMeta
from eventmap.views import assets
from eventmap.views.bidi import isolate_html
from eventmap.views.escape import esc, js_safe_json
from eventmap.views.map import build_map
from eventmap.views.safe_render import Code, SafeRender

_SLIDER_CSS = """
.em-title { background: rgba(255,255,255,0.94); padding: 8px 11px; border-radius: 5px; box-shadow: 0 1px 4px rgba(0,0,0,.3);
  max-width: 440px; line-height: 1.3; }
.em-title h1 { font-size: 17px; margin: 0 0 2px 0; }
.em-title .em-win { font-size: 13px; font-weight: 600; color: #222; }
.em-title .em-filt, .em-title .em-gen { font-size: 12px; color: #444; }
.em-slider { margin-top: 6px; border-top: 1px solid #ddd; padding-top: 6px; font-size: 12px; }
.em-slider .em-srow { display: flex; align-items: center; gap: 5px; }
.em-slider input[type=range] { flex: 1; min-width: 160px; }
.em-slider button { font-size: 12px; padding: 1px 6px; cursor: pointer; }
.em-slider select { font-size: 12px; }
.em-count { margin-top: 3px; font-variant-numeric: tabular-nums; }
.em-unres { margin-top: 5px; font-size: 12px; border-top: 1px solid #ddd; padding-top: 4px; }
.em-unres summary { cursor: pointer; color: #444; }
.em-unres ul { margin: 4px 0 0 0; padding-left: 16px; max-height: 220px; overflow-y: auto; }
.em-unres li { margin-bottom: 4px; }
.em-unote { color: #333; }
.em-unote mark { background: #ffe270; }
"""


class TitleSlider(SafeRender, MacroElement):
    """The title panel with the time slider (export pages only)."""

    _template = Template("""
{% macro script(this, kwargs) %}
(function(map){
  var EM = window.EM;
  EM.css({{ this.css }});
  var ctl = L.control({position: 'topleft'});
  var box;
  ctl.onAdd = function(){
    box = L.DomUtil.create('div', 'em-title leaflet-control');
    box.innerHTML = {{ this.head }} +
      '<div class="em-slider"><div class="em-srow">' +
      '<button type="button" class="em-prev" title="previous day">\u25c0</button>' +
      '<input type="range" class="em-range" min="0" max="0" step="1" value="0" aria-label="day">' +
      '<button type="button" class="em-next" title="next day">\u25b6</button>' +
      '<button type="button" class="em-play" title="play day by day">play</button></div>' +
      '<div class="em-srow"><select class="em-mode" aria-label="window"><option value="upto">up to</option><option value="on">on</option></select>' +
      '<span class="em-day"></span><button type="button" class="em-all">all days</button></div>' +
      '<div class="em-count"></div></div>';
    L.DomEvent.disableClickPropagation(box); L.DomEvent.disableScrollPropagation(box);
    return box;
  };
  ctl.addTo(map);
  var q = function(c){ return box.querySelector(c); };
  var range = q('.em-range'), mode = q('.em-mode'), timer = null;
  function apply(){
    var D = EM.D; if (!D || !D.days.length) return;
    var v = +range.value;
    q('.em-day').innerHTML = D.days[v];   // days are escaped in Python
    if (mode.value === 'on') EM.showRange(v, v); else EM.showRange(0, v);
  }
  EM.onRange = function(d0, d1, n){
    var D = EM.D;
    var win = d0 === d1 ? D.days[d0] : D.days[d0] + ' \u2013 ' + D.days[d1];
    q('.em-count').innerHTML = n.toLocaleString('en') + ' of ' + D.n.toLocaleString('en') + ' events on the map, ' + win;
  };
  function listUnresolved(D){
    if (!D.un || !D.un.length) return;
    var det = document.createElement('details'); det.className = 'em-unres';
    var h = '<summary>' + D.unresolved.toLocaleString('en') + ' event' + (D.unresolved === 1 ? '' : 's') + ' without a place (not drawn)</summary><ul>';
    D.un.forEach(function(u){
      h += '<li><b>' + u[0] + '</b> \u00b7 <span dir="auto">' + u[1] + '</span>' + (u[2] ? ' \u00b7 ' + u[2] : '') +
           '<div dir="auto" class="em-unote">' + u[3] + '</div></li>';
    });
    det.innerHTML = h + '</ul>';   // every part escaped in Python
    box.appendChild(det);
  }
  EM.onData = function(D){
    listUnresolved(D);
    range.max = Math.max(D.days.length - 1, 0); range.value = range.max;
    q('.em-day').innerHTML = D.days.length ? D.days[D.days.length - 1] : '';
    EM.onRange(0, Math.max(D.days.length - 1, 0), EM.count || 0);
  };
  function step(k){ var v = Math.min(Math.max(+range.value + k, 0), +range.max); range.value = v; apply(); return v; }
  range.addEventListener('input', apply);
  mode.addEventListener('change', apply);
  q('.em-prev').addEventListener('click', function(){ step(-1); });
  q('.em-next').addEventListener('click', function(){ step(1); });
  q('.em-all').addEventListener('click', function(){ mode.value = 'upto'; range.value = range.max; apply(); });
  q('.em-play').addEventListener('click', function(){
    var b = this;
    if (timer){ clearInterval(timer); timer = null; b.textContent = 'play'; return; }
    if (+range.value >= +range.max) range.value = 0;
    b.textContent = 'pause'; apply();
    timer = setInterval(function(){ if (step(1) >= +range.max){ clearInterval(timer); timer = null; b.textContent = 'play'; } }, 700);
  });
})({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, head_html: str) -> None:
        super().__init__()
        self._name = "TitleSlider"
        self.head = js_safe_json(head_html)
        self.css = js_safe_json(_SLIDER_CSS)


def title_html(meta: ExportMeta, frame: pd.DataFrame) -> str:
    """The title panel's text (every part escaped)."""
    filt = meta.filters_text()
    return (f'<h1 dir="auto">{isolate_html(meta.title)}</h1>'
            f'<div class="em-win">{esc(meta.window_text())} · {len(frame):,} event{"s" if len(frame) != 1 else ""}</div>'
            + (f'<div class="em-filt">{isolate_html(filt, rtl=False)}</div>' if filt else "")
            + f'<div class="em-gen">eventmap {esc(meta.version)} · generated {esc(meta.generated_at)}</div>')


def render_html(frame: pd.DataFrame, meta: ExportMeta, *, tiles: str | None = None, cluster: bool = True,
                heat: bool = False, boundary_dir=None, numbered: bool = False, control=None) -> str:
    """The exported page as a string. ``numbered``: places numbered on the map and their events
    listed beside it (``brief.py``), for a printed brief. ``control``: a ``ControlModel`` drawn as the
    control layer; the day slider moves it, and at the window's end it shows the window's last day."""
    meta = meta.resolved(frame)
    numbers = None
    if numbered:
        from eventmap.exports.brief import numbered_places

        numbers, places, unplaced = numbered_places(frame)
        total = len({n for n in numbers if n}) if numbers else 0
    m = build_map(frame, tiles=tiles, cluster=cluster, heat=heat, boundary_dir=boundary_dir,
                  attribution=meta.attribution, numbers=numbers, control=control, control_end=meta.until)
    m.add_child(TitleSlider(title_html(meta, frame)))
    fig: Any = m.get_root()   # a branca Figure (header, html, script sections)
    if numbered:
        from eventmap.exports.brief import LIST_CSS, LIST_FIT_JS, list_html

        fig.header.add_child(Code(f"<style>{LIST_CSS}</style>"), name="em_list_css")
        fig.html.add_child(Code(list_html(places, unplaced, total)), name="em_list")
        fig.html.add_child(Code(f"<script>{LIST_FIT_JS}</script>"), name="em_list_fit")
    # Code, not Element: an Element would compile the title/metadata text as a Jinja template
    fig.header.add_child(Code(f"<title>{esc(meta.title)} · {esc(meta.window_text())}</title>"), name="title")
    fig.header.add_child(Code('<script type="application/json" id="eventmap-meta">'
                              + js_safe_json(meta.to_dict(frame)) + "</script>"), name="eventmap_meta")
    page = assets.inline_assets(fig.render())
    return page.replace("<html>", '<html lang="en">', 1)


def export_html(frame: pd.DataFrame, path: Path, meta: ExportMeta, **kw) -> Path:
    path = Path(path)
    path.write_text(render_html(frame, meta, **kw), encoding="utf-8")
    return path
