"""The events map: one folium Map whose events are drawn client-side from compact columns.

``build_map(frame)`` turns an events frame (``eventmap.frame.FRAME_COLUMNS``) into a
``folium.Map`` that needs no network:

* events are ONE payload of columnar arrays (string tables, rounded coordinates, day
  indices), gzip+base64 when large, decoded in the browser into canvas-drawn markers
  (colour and shape by event type, ``colors.py``) in one MarkerCluster or FeatureGroup:
  no Python object per marker, so 100,000 events stay fast;
* approximate events (``geo_precision`` 2/3) are hollow, with a dashed circle of
  ``uncertainty_km`` or the outline of the admin unit they stand for; several unknown names
  placed at one estimate are each drawn as their own labelled symbol on a ring around it
  (``views/approximate.py``), the ring saying "approximate: not located" and each popup the
  known places the estimate came from; unresolved events (NaN coordinates) are never drawn;
* popups/tooltips show date, type, place in Arabic and Latin script, admin units, actors,
  the number killed ("killed: N", nothing when the report gives no figure), number of sources, the source sentence (right-to-left when Arabic) with the place name
  marked, outlet and link. Every report string goes through ``escape.esc`` once, in Python;
* governorate/district/sub-district boundaries with Arabic and English labels are the
  basemap, so the map reads with no tiles; a layer control, a legend, a scale bar and the
  data attribution;
* ``window.eventmapReady`` becomes ``true`` once every layer is drawn (PNG export waits
  for it) and ``window.EM`` exposes ``showRange(lo, hi)`` / ``count`` for the time slider.
"""

from __future__ import annotations

import json
from typing import Any

import folium
import pandas as pd
from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.map import Layer
from jinja2 import Template

from eventmap.nogc import paused_gc
from eventmap.views import assets
from eventmap.views.boundaries import LEVELS, load_boundaries, to_geojson_geometry
from eventmap.views.escape import esc, js_safe_json
from eventmap.views.map_payload import (  # noqa: F401 - the map's public names, where callers import them
    FALLBACK_ATTRIBUTION, PLACE_COLUMNS, EventsLayer, build_payload, calendar_days, data_attribution, events_layer,
    has_coords, highlight_html, killed_values)
from eventmap.views.payload import COMPRESS_ABOVE
from eventmap.views.safe_render import SafeRender

# --------------------------------------------------------------------------- JavaScript

_LIB_JS = r"""
(function(){
if (window.EM && window.EM.lib) return;
var EM = window.EM = window.EM || {};
EM.lib = true;
EM.css = function(text){ var s = document.createElement('style'); s.textContent = text; document.head.appendChild(s); };
EM.css(%(css)s);
EM.shapePts = function(shape, x, y, r){
  function poly(n, start, rad){ var p = []; for (var i = 0; i < n; i++){ var a = (start + i*360/n)*Math.PI/180; p.push([x + rad*Math.cos(a), y + rad*Math.sin(a)]); } return p; }
  if (shape === 'triangle') return poly(3, -90, r*1.25);
  if (shape === 'triangle-down') return poly(3, 90, r*1.25);
  if (shape === 'diamond') return poly(4, -90, r*1.25);
  if (shape === 'square') return poly(4, -45, r*1.2);
  if (shape === 'star'){ var p = []; for (var i = 0; i < 10; i++){ var rad = i %% 2 ? r*0.6 : r*1.35, a = (-90 + i*36)*Math.PI/180; p.push([x + rad*Math.cos(a), y + rad*Math.sin(a)]); } return p; }
  return null;
};
EM.ShapeMarker = L.CircleMarker.extend({
  options: {shape: 'circle'},
  _updateBounds: function(){
    var r = this._radius*1.4, w = this._clickTolerance(), p = [r + w, r + w];
    this._pxBounds = new L.Bounds(this._point.subtract(p), this._point.add(p));
  },
  _updatePath: function(){
    var pts = EM.shapePts(this.options.shape, this._point.x, this._point.y, this._radius);
    var rd = this._renderer;
    if (!pts) return rd._updateCircle(this);
    if (rd._ctx){
      if (!rd._drawing || this._empty()) return;
      var ctx = rd._ctx; ctx.beginPath();
      for (var i = 0; i < pts.length; i++){ if (i) ctx.lineTo(pts[i][0], pts[i][1]); else ctx.moveTo(pts[i][0], pts[i][1]); }
      ctx.closePath(); rd._fillStroke(ctx, this);
    } else {
      var d = this._empty() ? 'M0 0' : 'M' + pts.map(function(q){ return q[0].toFixed(1) + ',' + q[1].toFixed(1); }).join('L') + 'z';
      rd._setPath(this, d);
    }
  }
});
// a permanent label: Leaflet's tooltip reads its own size (offsetWidth) to place itself, which lays the page
// out once per label as they are added and on every zoom frame; ours is placed by the stylesheet instead
// (CSS ``translate``, a share of its own box per direction), so adding a hundred labels lays out once
EM.Label = L.Tooltip.extend({
  _setPosition: function(pos){
    var c = this._container, d = this.options.direction;
    if (c._emDir !== d){
      ['right', 'left', 'top', 'bottom', 'center'].forEach(function(x){ L.DomUtil.removeClass(c, 'leaflet-tooltip-' + x); });
      L.DomUtil.addClass(c, 'leaflet-tooltip-' + d); L.DomUtil.addClass(c, 'em-placed'); c._emDir = d;
    }
    L.DomUtil.setPosition(c, pos.add(L.point(this.options.offset)));
  }
});
EM.label = function(opts){ opts.permanent = true; opts.interactive = false; return new EM.Label(opts); };
EM.unfactor = function(D){ // columns written once per distinct combination (views/payload.py, factored)
  if (!D || !D.F) return D;
  var fi = D.fi, n = fi.length;
  Object.keys(D.F).forEach(function(k){ var t = D.F[k], col = new Array(n); for (var i = 0; i < n; i++) col[i] = t[fi[i]]; D[k] = col; });
  delete D.F; delete D.fi;
  return D;
};
EM.decode = function(p){
  if (!p || !p.z) return Promise.resolve(EM.unfactor(p));
  var bin = atob(p.z), bytes = new Uint8Array(bin.length);
  for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text().then(JSON.parse).then(EM.unfactor);
};
EM.UNCLUSTERED = 150;   // events in the window drawn without clustering
EM.s = function(col, i){ var D = EM.D; return D.S[D[col][i]]; };
EM.approxNote = function(i){
  var D = EM.D, g = D.gp[i];
  if (g < 2) return '';
  var u = D.u[i];
  return '<span class="em-approx">' + (g >= 3 ? 'area' : 'approximate') + (u > 0 ? ' \u00b1' + u + ' km' : '') + '</span>';
};
EM.tip = function(i){
  var D = EM.D, ty = D.T[D.t[i]], el = document.createElement('div');
  var pa = EM.s('pa', i), pe = EM.s('pe', i), lo = EM.s('lo', i);
  el.className = 'em-tip';
  el.innerHTML = '<b>' + D.days[D.d[i]] + '</b> \u00b7 <span style="color:' + ty[1] + '">' + ty[0] + '</span>' +
    '<div>' + (pa ? '<bdi dir="rtl" lang="ar">' + pa + '</bdi>' : '') + (pa && pe ? ' \u00b7 ' : '') + '<bdi>' + (pe || (!pa ? lo : '')) + '</bdi> ' + EM.approxNote(i) + '</div>' +
    '<div class="em-id">#' + D.id[i] + '</div>';
  return el;
};
EM.padTL = function(){ // keep popups clear of the title panel
  var t = EM.map && EM.map.getContainer().querySelector('.em-title');
  return t ? L.point(20, t.offsetHeight + 20) : L.point(10, 10);
};
EM.popup = function(i){
  var pp = EM.layer && EM.layer.getPopup && EM.layer.getPopup();
  if (pp) pp.options.autoPanPaddingTopLeft = EM.padTL();
  var D = EM.D, ty = D.T[D.t[i]], el = document.createElement('div');
  var st = EM.s('st', i), pa = EM.s('pa', i), pe = EM.s('pe', i), lo = EM.s('lo', i);
  // a sub-district named as its district is said once ('As-Sanamayn, Dar\'a', not 'As-Sanamayn, As-Sanamayn, ...')
  var adm = [EM.s('a3', i), EM.s('a2', i), EM.s('a1', i)].filter(function(x, k, a){ return x && x !== a[k - 1]; }).join(', ');
  var x1 = EM.s('x1', i), x2 = EM.s('x2', i), so = EM.s('so', i), ur = EM.s('ur', i), ns = D.ns[i];
  var h = '<div class="em-h"><b>' + D.days[D.d[i]] + '</b> \u00b7 <span class="em-type" style="border-color:' + ty[1] + '">' + ty[0] + '</span>' + (st ? ' \u2014 ' + st : '') + '</div>';
  h += '<div class="em-place">' + (pa ? '<bdi dir="rtl" lang="ar" class="em-ar">' + pa + '</bdi>' : '') + (pa && pe ? ' \u00b7 ' : '') + (pe ? '<bdi>' + pe + '</bdi>' : '') + (!pa && !pe && lo ? '<bdi class="em-asw">' + lo + '</bdi>' : '') + ' ' + EM.approxNote(i) + '</div>';
  if (lo && (pa || pe) && lo !== pa && lo !== pe) h += '<div class="em-small">as written: <bdi>' + lo + '</bdi></div>';
  if (D.ae && D.ae[i]) h += '<div class="em-estimate">' + D.S[D.ae[i]] + (D.ag && D.ag[i] >= 0 ? '<br><span class="em-small">one of ' + D.G[D.ag[i]][2] + ' names on the ring around this estimate</span>' : '') + '</div>';
  if (adm) h += '<div class="em-small">' + adm + '</div>';
  if (x1 || x2) h += '<div class="em-actors">' + (x1 || '?') + (x2 ? ' \u2194 ' + x2 : '') + '</div>';
  var k = D.k ? D.k[i] : null;
  if (k !== null && k !== undefined) h += '<div class="em-killed">killed: ' + k + '</div>';
  var no = D.S[D.no[i]];
  if (no) h += '<blockquote class="em-note" dir="' + (D.rtl[i] ? 'rtl' : 'ltr') + '"' + (D.rtl[i] ? ' lang="ar"' : '') + '>' + no + '</blockquote>';
  h += '<div class="em-src">' + (so || '') + (ur ? ' \u00b7 <a href="' + ur + '" target="_blank" rel="noopener noreferrer nofollow">link</a>' : '') +
       ' \u00b7 ' + ns + ' source' + (ns === 1 ? '' : 's') + '</div>';
  h += '<div class="em-id">#' + D.id[i] + '</div>';
  el.className = 'em-pop'; el.innerHTML = h;
  return el;
};
EM.marker = function(i){
  var m = EM.markers[i];
  if (m) return m;
  var D = EM.D, ty = D.T[D.t[i]], approx = D.gp[i] >= 2;
  var r0 = D.n < 200 ? 8 : D.n < 5000 ? 6.5 : 5.5;   // sparse maps get bigger symbols
  m = new EM.ShapeMarker(EM.pos(i), {
    radius: approx ? r0 + 0.5 : r0, shape: ty[2], color: approx ? ty[1] : '#1e1e1e', weight: approx ? 2 : 0.8,
    opacity: 0.95, fillColor: ty[1], fillOpacity: approx ? 0 : 0.88, dashArray: approx ? '3,2' : null
  });
  m.em = i;
  EM.markers[i] = m;
  return m;
};
EM.RING_MAX = 300;   // more ring members than this in the window: they join the clusters (static km rings)
EM.ringPx = function(g){ // ring radius in screen pixels: the static km ring, but wide enough to label every name
  var G = EM.D.G[g], side = Math.ceil(G[2] / 2), kmPx = 0;
  if (EM.map && G[3] > 0){
    var c = EM.map.latLngToLayerPoint([G[0], G[1]]), e = EM.map.latLngToLayerPoint([G[0] + Math.max(1, 0.5*G[3])/110.574, G[1]]);
    kmPx = Math.abs(c.y - e.y);
  }
  return Math.max(kmPx, 11 * (side + 1), 26);
};
EM.slotOffset = function(g, s){ // right half top to bottom, then left half bottom to top; rows evenly spaced for labels
  var k = EM.D.G[g][2], right = Math.ceil(k / 2), R = EM.ringPx(g), onRight = s < right;
  var m = onRight ? right : k - right, j = onRight ? s : s - right;
  var y = -R + 2 * R * (j + 1) / (m + 1);
  if (!onRight) y = -y;
  var x = Math.sqrt(Math.max(R * R - y * y, 0));
  return [onRight ? x : -x, y];
};
EM.pos = function(i){ // where event i is drawn: its point, or its slot on the ring of its estimate
  var D = EM.D, g = D.ag ? D.ag[i] : -1;
  if (g < 0) return [D.lat[i], D.lon[i]];
  var G = D.G[g];
  if (EM.ringMode && EM.map && EM.map._loaded){
    var c = EM.map.latLngToLayerPoint([G[0], G[1]]), o = EM.slotOffset(g, D.as[i]);
    var ll = EM.map.layerPointToLatLng([c.x + o[0], c.y + o[1]]);
    return [ll.lat, ll.lng];
  }
  var a = 2 * Math.PI * D.as[i] / G[2], r = Math.max(1, 0.5 * G[3]);
  return [G[0] + r * Math.cos(a) / 110.574, G[1] + r * Math.sin(a) / (111.32 * Math.cos(G[0] * Math.PI / 180))];
};
EM.layoutRings = function(){ // ring members (unclustered): at their slots, with the ring, legs, circle and labels
  var D = EM.D; if (!D || !EM.ringLayer) return;
  EM.ringDeco.clearLayers();
  if (!EM.ringMode) return;
  var gs = {}, order = [];
  EM.ringLayer.eachLayer(function(m){ var g = D.ag[m.em]; m.setLatLng(EM.pos(m.em)); if (!gs[g]){ gs[g] = []; order.push(g); } gs[g].push(m); });
  var dp = EM.map.getPane('emRingDeco') ? 'emRingDeco' : 'overlayPane', lp = EM.map.getPane('emLabels') ? 'emLabels' : 'tooltipPane';
  order.forEach(function(g){
    var G = D.G[g], c = [G[0], G[1]], R = EM.ringPx(g), ms = gs[g], col = '#7a4b00';
    if (G[3] > 0) EM.ringDeco.addLayer(L.circle(c, {radius: G[3] * 1000, pane: dp, renderer: EM.ringRenderer, interactive: false,
      color: col, weight: 1, opacity: 0.7, dashArray: '4,4', fillColor: '#e0b050', fillOpacity: 0.07}));
    EM.ringDeco.addLayer(L.circleMarker(c, {radius: R, pane: dp, renderer: EM.ringRenderer, interactive: false, color: col, weight: 1.4,
      opacity: 0.85, dashArray: '5,4', fill: false}));
    ms.forEach(function(m){ EM.ringDeco.addLayer(L.polyline([c, m.getLatLng()], {pane: dp, renderer: EM.ringRenderer, interactive: false,
      color: col, weight: 0.8, opacity: 0.55, dashArray: '2,3'})); });
    EM.ringDeco.addLayer(L.circleMarker(c, {radius: 3, pane: dp, renderer: EM.ringRenderer, interactive: false, color: col, weight: 1,
      fillColor: '#fff', fillOpacity: 1}));
    EM.ringDeco.addLayer(EM.label({direction: 'top', offset: [0, -R - 4], pane: lp,
      className: 'em-lab em-lab0 em-ringcap'}).setLatLng(c).setContent('approximate: not located \u00b7 ' + G[2] + ' names'));
    ms.forEach(function(m){
      var i = m.em, right = EM.slotOffset(g, D.as[i])[0] >= 0, pa = EM.s('pa', i), pe = EM.s('pe', i), lo = EM.s('lo', i);
      var t = EM.label({direction: right ? 'right' : 'left', offset: [right ? m.getRadius() + 3 : -m.getRadius() - 3, 0],
        pane: lp, className: 'em-lab em-lab0 em-ringname'}).setLatLng(m.getLatLng())
        .setContent('<span dir="auto">' + (pe || pa || lo) + '</span>');
      EM.ringDeco.addLayer(t);
      var el = t.getElement();   // declutter may move a name to another side of its symbol
      if (el){ el.dataset.lat = t.getLatLng().lat; el.dataset.lon = t.getLatLng().lng; el.dataset.g = m.getRadius() + 7; }
    });
  });
};
EM.uncertainty = function(i){
  var D = EM.D, ty = D.T[D.t[i]];
  if (D.gp[i] < 2) return null;
  if (D.ag && D.ag[i] >= 0){ // one circle for a ring, not one per name
    var g = D.ag[i], G = D.G[g];
    if (EM.ringMode || !(G[3] > 0)) return null;   // ring mode: layoutRings draws it
    EM.ringCircles = EM.ringCircles || {};
    if (!EM.ringCircles[g]) EM.ringCircles[g] = L.circle([G[0], G[1]], {radius: G[3]*1000, interactive: false, color: '#7a4b00', weight: 1, dashArray: '4,4', fillColor: '#e0b050', fillOpacity: 0.06});
    return EM.ringCircles[g];
  }
  if (D.rg[i] >= 0){
    var r = D.rg[i];
    if (!EM.regions[r]) EM.regions[r] = L.geoJSON(D.R[r], {interactive: false, style: {color: ty[1], weight: 2, dashArray: '6,4', fillColor: ty[1], fillOpacity: 0.06}});
    return EM.regions[r];
  }
  if (!(D.u[i] > 0)) return null;
  // one circle per place and radius: twenty events placed at one centre do not stack twenty fills
  var key = D.lat[i] + ',' + D.lon[i] + ',' + D.u[i] + ',' + D.t[i];
  if (!EM.circles[key]) EM.circles[key] = L.circle([D.lat[i], D.lon[i]], {radius: D.u[i]*1000, interactive: false, color: ty[1], weight: 1, dashArray: '4,4', fillColor: ty[1], fillOpacity: 0.05});
  return EM.circles[key];
};
EM.refreshApprox = function(){ // uncertainty areas of the approximate events drawn on their own (not in a cluster)
  if (!EM.D || !EM.approxIdx) return;
  var us = [], seen = {};
  for (var k = 0; k < EM.approxIdx.length; k++){
    var i = EM.approxIdx[k], m = EM.marker(i);
    if (!m._map) continue;   // inside a cluster (or off screen): MarkerCluster only adds drawn markers
    var u = EM.uncertainty(i);
    if (u && !seen[L.stamp(u)]){ seen[L.stamp(u)] = 1; us.push(u); }
  }
  EM.approxLayer.clearLayers();
  for (var j = 0; j < us.length; j++) EM.approxLayer.addLayer(us[j]);
};
EM.clusterIcon = function(cluster){ // a ring whose arcs are the shares of each event type
  var D = EM.D, ms = cluster.getAllChildMarkers(), n = 0, by = {}, order = [], na = 0;
  for (var k = 0; k < ms.length; k++){
    var m = ms[k];
    if (m.emt){ // a binned place: its count per type
      for (var tb in m.emt){ if (!(tb in by)){ by[tb] = 0; order.push(tb); } by[tb] += m.emt[tb]; }
      n += m.emn; continue;
    }
    var t = D.t[m.em]; if (!(t in by)){ by[t] = 0; order.push(t); } by[t]++; n++; if (D.ae && D.ae[m.em]) na++;
  }
  order.sort(function(a, b){ return by[b] - by[a]; });
  var acc = 0, stops = [];
  order.forEach(function(t){ var a = acc; acc += by[t] / n * 100; stops.push(D.T[t][1] + ' ' + a.toFixed(2) + '%% ' + acc.toFixed(2) + '%%'); });
  var size = n < 10 ? 30 : n < 100 ? 34 : n < 1000 ? 38 : 44;
  var tip = n + ' events' + (na ? ', ' + na + ' approximate: not located' : '');
  return L.divIcon({html: '<div class="em-cl' + (na ? ' em-cl-ap' : '') + '" title="' + tip + '" style="background:conic-gradient(' + stops.join(',') + ')"><span>' + n + (na ? '<i>\u2248' + na + '</i>' : '') + '</span></div>',
                    className: 'em-cluster', iconSize: L.point(size, size)});
};
EM.numberLabels = function(){ // a printed brief: each numbered place carries its number (never hidden)
  var D = EM.D, want = {};
  EM.numLab = EM.numLab || {};
  if (!EM.map.getPane('emNums')) EM.map.createPane('emNums').style.zIndex = 450;  // above markers and areas
  EM.layer.getLayers().forEach(function(m){
    var k = D.num[m.em];
    if (!k || want[k]) return;
    want[k] = 1;
    if (!EM.numLab[k]) EM.numLab[k] = EM.label({direction: 'right', offset: [m.getRadius() + 2, -m.getRadius() - 2],
      pane: 'emNums', className: 'em-num'}).setLatLng(m.getLatLng()).setContent(String(k));
  });
  Object.keys(EM.numLab).forEach(function(k){
    var t = EM.numLab[k], on = EM.labelLayer.hasLayer(t);
    if (want[k] && !on){
      EM.labelLayer.addLayer(t);
      var el = t.getElement();
      if (el){ el.dataset.lat = t.getLatLng().lat; el.dataset.lon = t.getLatLng().lng; el.dataset.g = t.options.offset[0] + 3; }
    }
    if (!want[k] && on) EM.labelLayer.removeLayer(t);
  });
};
EM.placeLabels = function(){ // name the places of a few unclustered events, as on a briefing map
  if (!EM.D || !EM.labelLayer) return;
  if (EM.D.num) return EM.numberLabels();
  var D = EM.D, shown = EM.layer.getLayers().filter(function(m){ return !!m._map; });
  var want = {}, pane = EM.map.getPane('emLabels') ? 'emLabels' : 'tooltipPane';
  EM.placeLab = EM.placeLab || {};
  if (shown.length && shown.length <= 80) shown.forEach(function(m){
    var i = m.em, ll0 = m.getLatLng(), key = ll0.lat.toFixed(5) + ',' + ll0.lng.toFixed(5);  // where it is drawn
    if (want[key]) return;
    var P = m.emt ? D.P[m.emp] : null;   // a binned place carries its names and its count in the window
    var pa = P ? P[3] : EM.s('pa', i), pe = P ? P[2] : EM.s('pe', i), lo = P ? '' : EM.s('lo', i);
    var txt = (pe || (!pa ? lo : '')) + (P ? ' \u00b7 ' + m.emn.toLocaleString('en') : '') +
      (pa ? '<span class="ar" dir="rtl" lang="ar">' + pa + '</span>' : '');
    if (P) key += '|' + m.emn;
    if (!txt) return;
    want[key] = 1;
    if (!EM.placeLab[key]) EM.placeLab[key] = EM.label({direction: 'right', offset: [m.getRadius() + 3, 0],
      pane: pane, className: 'em-lab em-lab0'}).setLatLng(ll0).setContent(txt);
  });
  Object.keys(EM.placeLab).forEach(function(key){
    var t = EM.placeLab[key], on = EM.labelLayer.hasLayer(t);
    if (want[key] && !on){
      EM.labelLayer.addLayer(t);
      var el = t.getElement();   // declutter moves the name to another side of its marker when needed
      if (el){ el.dataset.lat = t.getLatLng().lat; el.dataset.lon = t.getLatLng().lng; el.dataset.g = t.options.offset[0] + 4; }
    }
    if (!want[key] && on) EM.labelLayer.removeLayer(t);
  });
};
EM.dayStart = function(day){ // first event index with d >= day (events are sorted by day)
  var D = EM.D, lo = 0, hi = D.n;
  while (lo < hi){ var mid = (lo + hi) >> 1; if (D.d[mid] < day) lo = mid + 1; else hi = mid; }
  return lo;
};
EM.showRange = function(day0, day1){ // inclusive day indices
  var D = EM.D; if (!D) return 0;
  if (D.bins) return EM.showBins(day0, day1);
  var i0 = EM.dayStart(day0), i1 = EM.dayStart(day1 + 1), ms = [], rs = [], nr = 0;
  EM.approxIdx = [];
  for (var i2 = i0; i2 < i1; i2++) if (D.ag && D.ag[i2] >= 0) nr++;
  EM.ringMode = nr > 0 && nr <= EM.RING_MAX && !!EM.ringLayer;
  for (var i = i0; i < i1; i++){
    var mk = EM.marker(i), ring = D.ag && D.ag[i] >= 0;
    if (ring) mk.setLatLng(EM.pos(i));
    if (ring && EM.ringMode) rs.push(mk); else ms.push(mk);
    if (D.gp[i] >= 2) EM.approxIdx.push(i);
  }
  // a few events are drawn one by one (each place visible and named: a printed map cannot open a
  // cluster); many are clustered. MarkerCluster rebuilds its grids from the option in clearLayers.
  if (EM.layer.options && 'disableClusteringAtZoom' in EM.layer.options && EM.map)
    EM.layer.options.disableClusteringAtZoom = ms.length <= EM.UNCLUSTERED ? EM.map.getMinZoom() : 13;
  EM.layer.clearLayers();
  if (EM.layer.addLayers) EM.layer.addLayers(ms); else for (var k = 0; k < ms.length; k++) EM.layer.addLayer(ms[k]);
  if (EM.ringLayer){ EM.ringLayer.clearLayers(); for (var k2 = 0; k2 < rs.length; k2++) EM.ringLayer.addLayer(rs[k2]); EM.layoutRings(); }
  EM.refreshApprox();
  EM.placeLabels();
  if (EM.map) EM.declutter(EM.map);
  if (EM.heatLayer && EM.heatLayer.setLatLngs){
    var pts = []; for (var j = i0; j < i1; j++) pts.push([D.lat[j], D.lon[j]]);
    EM.heatLayer.setLatLngs(pts);
  }
  EM.range = [day0, day1]; EM.count = i1 - i0;
  var byType = {};
  for (var j2 = i0; j2 < i1; j2++) byType[D.t[j2]] = (byType[D.t[j2]] || 0) + 1;
  var rows = EM.map ? EM.map.getContainer().querySelectorAll('.em-legend .em-row[data-ti]') : [];
  for (var r = 0; r < rows.length; r++){
    var nEl = rows[r].querySelector('.em-n');
    if (nEl) nEl.textContent = (byType[+rows[r].getAttribute('data-ti')] || 0).toLocaleString('en');
  }
  if (EM.onRange) EM.onRange(day0, day1, EM.count);
  return EM.count;
};
EM.showBins = function(day0, day1, W){ // binned events (views/bins.py): one symbol per place, its count in the window
  // the window's counts per place and type come from the server (PointDayBins.window_counts): given here, or
  // with the wanted window (EM.want.b, views/live_map.py), or those of all dates in the payload (D.W)
  var D = EM.D, at = {}, byType = {}, tot = 0, ms = [];
  W = W || (EM.want && EM.want.b) || D.W;
  for (var i = 0; i < W.p.length; i++){
    var c = W.c[i], t = W.t[i], e = at[W.p[i]] || (at[W.p[i]] = {n: 0, t: {}, ap: 0});
    e.n += c; e.t[t] = (e.t[t] || 0) + c; e.ap += W.a[i];
    byType[t] = (byType[t] || 0) + c; tot += c;
  }
  Object.keys(at).forEach(function(p){ ms.push(EM.binMarker(+p, at[p])); });
  if (EM.layer.options && 'disableClusteringAtZoom' in EM.layer.options && EM.map)
    EM.layer.options.disableClusteringAtZoom = ms.length <= EM.UNCLUSTERED ? EM.map.getMinZoom() : 13;
  EM.layer.clearLayers();
  if (EM.layer.addLayers) EM.layer.addLayers(ms); else ms.forEach(function(m){ EM.layer.addLayer(m); });
  EM.approxIdx = [];
  EM.placeLabels();
  if (EM.map) EM.declutter(EM.map);
  EM.range = [day0, day1]; EM.count = tot;
  var rows = EM.map ? EM.map.getContainer().querySelectorAll('.em-legend .em-row[data-ti]') : [];
  for (var r = 0; r < rows.length; r++){
    var nEl = rows[r].querySelector('.em-n');
    if (nEl) nEl.textContent = (byType[+rows[r].getAttribute('data-ti')] || 0).toLocaleString('en');
  }
  if (EM.onRange) EM.onRange(day0, day1, tot);
  return tot;
};
EM.binMarker = function(p, e){ // a place's events in the window: its most frequent type's symbol, sized by the count
  var D = EM.D, P = D.P[p], top = -1, approx = e.ap === e.n;
  Object.keys(e.t).forEach(function(t){ if (top < 0 || e.t[t] > e.t[top]) top = +t; });
  var ty = D.T[top], r = Math.min(15, 5 + 2.4 * Math.log(1 + e.n) / Math.LN10);
  var m = new EM.ShapeMarker([P[0], P[1]], {radius: r, shape: ty[2], color: approx ? ty[1] : '#1e1e1e',
    weight: approx ? 2 : 0.8, opacity: 0.95, fillColor: ty[1], fillOpacity: approx ? 0.15 : 0.85, dashArray: approx ? '3,2' : null});
  m.em = -1; m.emp = p; m.emn = e.n; m.emt = e.t; m.emap = e.ap;
  return m;
};
EM.binHtml = function(l, full){ // a place's counts per type in the window (its events are listed in the table)
  var D = EM.D, P = D.P[l.emp], r = EM.range || [0, D.days.length - 1];
  var days = D.days[r[0]] === D.days[r[1]] ? D.days[r[0]] : D.days[r[0]] + ' \u2013 ' + D.days[r[1]];
  var h = '<div class="em-h"><b>' + l.emn.toLocaleString('en') + ' event' + (l.emn === 1 ? '' : 's') + '</b> \u00b7 ' + days + '</div>';
  h += '<div class="em-place">' + (P[3] ? '<bdi dir="rtl" lang="ar" class="em-ar">' + P[3] + '</bdi>' : '') + (P[3] && P[2] ? ' \u00b7 ' : '') + (P[2] ? '<bdi>' + P[2] + '</bdi>' : '') + (l.emap ? ' <span class="em-approx">approximate</span>' : '') + '</div>';
  if (full){
    Object.keys(l.emt).sort(function(a, b){ return l.emt[b] - l.emt[a]; }).forEach(function(t){
      h += '<div class="em-row"><span class="em-type" style="border-color:' + D.T[t][1] + '">' + D.T[t][0] + '</span><span class="em-n">' + l.emt[t].toLocaleString('en') + '</span></div>';
    });
    h += '<div class="em-small">counted per place: narrow the filters or the time window to draw each event</div>';
  }
  var el = document.createElement('div'); el.className = full ? 'em-pop' : 'em-tip'; el.innerHTML = h;
  return el;
};
EM.fitBins = function(map){ // frame the places with events in the window
  var b = L.latLngBounds([]);
  EM.layer.getLayers().forEach(function(m){ b.extend(m.getLatLng()); });
  if (b.isValid()) map.fitBounds(b, {paddingTopLeft: [30, 30], paddingBottomRight: [30, 40], maxZoom: 12, animate: false});
};
EM.inView = function(i0, i1){ // the events [i0, i1) a fit should frame: all but a few far strays
  var D = EM.D, n = i1 - i0, keep = [], far = [];
  if (n <= 0) return {keep: keep, far: far};
  var step = Math.max(1, Math.floor(n / 20000)), lats = [], lons = [];
  for (var i = i0; i < i1; i += step){ lats.push(D.lat[i]); lons.push(D.lon[i]); }
  var num = function(a, b){ return a - b; };
  var mlat = lats.slice().sort(num)[lats.length >> 1], mlon = lons.slice().sort(num)[lons.length >> 1];
  var k = Math.cos(mlat * Math.PI / 180), km = function(j){
    var dy = (D.lat[j] - mlat) * 111.2, dx = (D.lon[j] - mlon) * 111.2 * k; return Math.sqrt(dx * dx + dy * dy); };
  var ds = []; for (var j = i0; j < i1; j += step) ds.push(km(j));
  ds.sort(num);
  // far = more than three times the distance within which 80%% of the events lie (at least 40 km)
  var lim = Math.max(40, 3 * ds[Math.floor(0.8 * (ds.length - 1))]);
  for (var q = i0; q < i1; q++) (km(q) > lim ? far : keep).push(q);
  // only a few strays are left out: a real spread of events is framed whole
  if (n < 4 || far.length > Math.max(2, 0.1 * n)) { keep = keep.concat(far); far = []; }
  return {keep: keep, far: far};
};
EM.farNote = function(map, far){ // says how many events the fit left outside, and frames them on a click
  var c = map.getContainer(), el = c.querySelector('.em-far');
  if (!far.length){ if (el) el.style.display = 'none'; return; }
  if (!el){
    var ctl = L.control({position: 'topleft'});
    ctl.onAdd = function(){ var d = L.DomUtil.create('div', 'em-far leaflet-control'); L.DomEvent.disableClickPropagation(d); return d; };
    ctl.addTo(map); el = c.querySelector('.em-far');
    el.addEventListener('click', function(){ EM.fitIdx(map, EM.allShown(), true); });
  }
  el.style.display = '';
  el.innerHTML = far.length.toLocaleString('en') + ' event' + (far.length === 1 ? '' : 's') +
    ' far from the rest outside this view \u00b7 <a href="#" onclick="return false">show all</a>';
};
EM.allShown = function(){ var r = EM.range || [0, EM.D.days.length - 1], i0 = EM.dayStart(r[0]), i1 = EM.dayStart(r[1] + 1), a = []; for (var i = i0; i < i1; i++) a.push(i); return a; };
EM.fit = function(map){ // frame the events shown (the time window), leaving out a few far strays
  var D = EM.D; if (!D) return;
  if (D.bins) return EM.fitBins(map);
  if (!D.n) return;
  var r = EM.range || [0, D.days.length - 1], v = EM.inView(EM.dayStart(r[0]), EM.dayStart(r[1] + 1));
  if (!v.keep.length) return;
  EM.fitIdx(map, v.keep, false);
  EM.farNote(map, v.far);
};
EM.fitIdx = function(map, idx, all){
  var D = EM.D, b = L.latLngBounds([]);
  for (var i = 0; i < idx.length; i++) b.extend([D.lat[idx[i]], D.lon[idx[i]]]);
  if (all) EM.farNote(map, []);
  // keep markers clear of the overlays (title top-left, legend bottom-right): fit with a small
  // margin first, and only if an event would sit under an overlay fit again around them
  var c = map.getContainer(), tl = c.querySelector('.em-title'), lg = c.querySelector('.em-legend'),
      at = c.querySelector('.leaflet-control-attribution'), fn = c.querySelector('.em-far');
  var small = {paddingTopLeft: [30, 30], paddingBottomRight: [30, 40], maxZoom: 12, animate: false};
  EM.fitting = true;
  try {
  map.fitBounds(b, small);
  // a ring of approximate names reaches beyond its estimate (and its names beyond the ring): fit those too
  var ext = [], rg = {};
  for (var i2 = 0; D.ag && i2 < idx.length; i2++) if (D.ag[idx[i2]] >= 0) rg[D.ag[idx[i2]]] = 1;
  Object.keys(rg).slice(0, 200).forEach(function(g){
    var cp = map.latLngToContainerPoint([D.G[g][0], D.G[g][1]]), R = EM.ringPx(+g);
    ext.push(map.containerPointToLatLng([cp.x - R - 125, cp.y - R - 26]), map.containerPointToLatLng([cp.x + R + 125, cp.y + R + 10]));
  });
  if (ext.length){ ext.forEach(function(ll){ b.extend(ll); }); map.fitBounds(b, small); }
  var cr = c.getBoundingClientRect(), boxes = [tl, lg, at, fn].filter(function(e){ return e && e.offsetParent !== null; }).map(function(e){
    var r = e.getBoundingClientRect(); return [r.left - cr.left - 8, r.top - cr.top - 8, r.right - cr.left + 8, r.bottom - cr.top + 8]; });
  var step = Math.max(1, Math.floor(idx.length / 5000)), hit = false;
  for (var j = 0; j < idx.length && !hit; j += step){
    var p = map.latLngToContainerPoint([D.lat[idx[j]], D.lon[idx[j]]]);
    for (var k = 0; k < boxes.length; k++){ var q = boxes[k]; if (p.x >= q[0] && p.x <= q[2] && p.y >= q[1] && p.y <= q[3]){ hit = true; break; } }
  }
  for (var e2 = 0; e2 < ext.length && !hit; e2++){
    var p2 = map.latLngToContainerPoint(ext[e2]);
    for (var k2 = 0; k2 < boxes.length; k2++){ var q2 = boxes[k2]; if (p2.x >= q2[0] && p2.x <= q2[2] && p2.y >= q2[1] && p2.y <= q2[3]){ hit = true; break; } }
  }
  if (!hit) return;
  // the attribution (bottom-left) spans the width on narrow maps: keep events above it
  var top = Math.max(tl ? tl.offsetHeight : 0, 0) + (fn && fn.offsetParent !== null ? fn.offsetHeight + 10 : 0);
  // (and on a narrow map with rings, whose names need the width: keep everything above the legend instead)
  var wideLegend = lg && ((30 + lg.offsetWidth) > c.clientWidth * 0.5 || (ext.length && c.clientWidth < 800));
  var bottom = 20 + Math.max(at ? at.offsetHeight : 0, wideLegend ? lg.offsetHeight : 20);
  var opts = {paddingTopLeft: [30, 30 + top],
              paddingBottomRight: [wideLegend ? 30 : 30 + (lg ? lg.offsetWidth : 0), bottom],
              maxZoom: 12, animate: false};
  if (opts.paddingTopLeft[1] + opts.paddingBottomRight[1] > c.clientHeight * 0.7) opts.paddingTopLeft[1] = 30;
  map.fitBounds(b, opts);
  } finally {
    EM.fitting = false;
    var moved = EM.viewMoved; EM.viewMoved = 0;
    if (moved & 1 && EM.onZoomEnd) EM.onZoomEnd();
    if (moved & 2 && EM.onMoveEnd) EM.onMoveEnd();
  }
};
EM.obstacles = function(map){ // client rects that no label may sit under: panels, clusters, markers
  var c = map.getContainer(), cr = c.getBoundingClientRect(), out = [];
  c.querySelectorAll('.em-legend, .em-title, .em-far, .em-list, .leaflet-control-zoom, .leaflet-control-layers,' +
      ' .leaflet-control-attribution, .leaflet-control-scale, .leaflet-popup').forEach(function(e){
    if (e.offsetParent !== null) out.push(e.getBoundingClientRect());
  });
  var around = function(ll, rx, ry, ring){
    var p = map.latLngToContainerPoint(ll);
    return {left: cr.left + p.x - rx, right: cr.left + p.x + rx, top: cr.top + p.y - ry, bottom: cr.top + p.y + ry, ring: !!ring};
  };
  // clusters and markers where they end up (a cluster icon may still be gliding there)
  var fg = EM.layer && EM.layer._featureGroup, shown = fg ? fg.getLayers() :
      (EM.layer && EM.D ? EM.layer.getLayers().filter(function(m){ return !!m._map; }) : []);
  if (shown.length > 3000) shown = shown.filter(function(m){ return m.getChildCount; });
  var nring = shown.length;
  if (EM.ringLayer) shown = shown.concat(EM.ringLayer.getLayers());   // other labels keep clear of ring symbols
  shown.forEach(function(m, j){
    if (m.getChildCount){
      var s = (m.options.icon && m.options.icon.options.iconSize) || [40, 40], w = s.x || s[0], h = s.y || s[1];
      out.push(around(m.getLatLng(), w / 2 + 1, h / 2 + 1));
    } else if (m.getRadius){
      var r = m.getRadius() * 1.4 + 1;
      out.push(around(m.getLatLng(), r, r, j >= nring));
    }
  });
  return out;
};
EM.overlaps = function(r, q, mx, my){
  return !(r.right + mx <= q.left || r.left - mx >= q.right || r.bottom + my <= q.top || r.top - my >= q.bottom);
};
EM.leader = function(map, p, g, q, cr){ // a thin line from a marker's edge to its number set a ring apart
  var bx = (q.left + q.right) / 2 - cr.left, by = (q.top + q.bottom) / 2 - cr.top, dx = bx - p.x, dy = by - p.y;
  var d = Math.sqrt(dx * dx + dy * dy) || 1, r = Math.max(g - 5, 3);
  if (!EM.numLeaders) EM.numLeaders = L.layerGroup().addTo(map);
  L.polyline([map.containerPointToLatLng([p.x + dx / d * r, p.y + dy / d * r]), map.containerPointToLatLng([bx, by])],
    {color: '#222', weight: 1.2, opacity: 0.85, interactive: false, className: 'em-leader'}).addTo(EM.numLeaders);
};
EM.grid = function(){ // client rects bucketed by 64 px cells: "does anything overlap this rect?" without a scan
  var S = 64, cells = {};
  var each = function(l, t, r, b, f){
    for (var x = Math.floor(l / S), x1 = Math.floor(r / S); x <= x1; x++)
      for (var y = Math.floor(t / S), y1 = Math.floor(b / S); y <= y1; y++) if (f(x + ',' + y)) return true;
    return false;
  };
  return {
    add: function(q){ each(q.left, q.top, q.right, q.bottom, function(k){ (cells[k] || (cells[k] = [])).push(q); }); },
    hits: function(r, mx, my, skip){ // any rect within (mx, my) of r (EM.overlaps), but those skip() rejects
      return each(r.left - mx, r.top - my, r.right + mx, r.bottom + my, function(k){
        var a = cells[k];
        if (a) for (var i = 0; i < a.length; i++) if (!(skip && skip(a[i])) && EM.overlaps(r, a[i], mx, my)) return true;
        return false;
      });
    }
  };
};
EM.declutter = function(map){ // a label never sits under a cluster, a marker, the legend or a panel, nor on another label
  var c = map.getContainer(), cr = c.getBoundingClientRect(), els = Array.prototype.slice.call(c.querySelectorAll('.em-num, .em-lab'));
  // a brief's numbers, a ring's caption, then its names (each unknown place must stay named), then the other labels
  var lvl = function(e){ return e.classList.contains('em-num') ? -3 : e.classList.contains('em-ringcap') ? -2 : e.classList.contains('em-ringname') ? -1 : e.classList.contains('em-lab0') ? 0 : e.classList.contains('em-lab1') ? 1 : e.classList.contains('em-lab2') ? 2 : 3; };
  els.sort(function(a, b){ return lvl(a) - lvl(b); });
  var blocks = EM.grid(), placed = EM.grid();
  EM.obstacles(map).forEach(blocks.add);
  if (EM.numLeaders) EM.numLeaders.clearLayers();
  var onRing = false;   // a ring's names sit between its symbols by design: those are no obstacle to them
  var ringBlock = function(q){ return onRing && q.ring; };
  var free = function(r){
    if (r.left < cr.left || r.right > cr.right || r.top < cr.top || r.bottom > cr.bottom) return false;
    return !blocks.hits(r, 1, 1, ringBlock) && !placed.hits(r, 4, 2);
  };
  // labels are absolutely placed (Leaflet tooltips): reset them all, then read every box in one layout, then
  // decide, then write: reading a box after each write would lay the page out once per label
  els.forEach(function(e){ e.style.visibility = ''; e.style.marginLeft = ''; e.style.marginTop = ''; });
  var boxes = els.map(function(e){
    return (e.offsetParent === null || e.style.opacity === '0') ? null : e.getBoundingClientRect();  // hidden at this zoom by CSS, or fading out
  });
  var moves = [];
  els.forEach(function(e, i){
    var r = boxes[i];
    if (!r) return;
    onRing = e.classList.contains('em-ringname') || e.classList.contains('em-ringcap');
    if (free(r)){ placed.add(r); return; }
    var num = e.classList.contains('em-num'), w = r.width, h = r.height, spots, p, g;
    if (e.dataset.lat){ // a place's name or number: the other sides of its marker
      p = map.latLngToContainerPoint([+e.dataset.lat, +e.dataset.lon]); g = +e.dataset.g || 10;
      var cx = cr.left + p.x, cy = cr.top + p.y;
      spots = num ?
        [[cx - g - w, cy - g - h + 4], [cx + g, cy + g - 4], [cx - g - w, cy + g - 4], [cx - w / 2, cy - g - h], [cx - w / 2, cy + g]] :
        [[cx - g - w, cy - h / 2], [cx - w / 2, cy - g - h], [cx - w / 2, cy + g]];
      if (num){ // crowded places: a second ring, still beside its own marker
        var G = g + 0.9 * h;
        spots = spots.concat([[cx + G, cy - h / 2], [cx - G - w, cy - h / 2], [cx + G - 4, cy - G - h + 6],
          [cx - G - w + 4, cy - G - h + 6], [cx + G - 4, cy + G - 6], [cx - G - w + 4, cy + G - 6],
          [cx - w / 2, cy - G - h], [cx - w / 2, cy + G]]);
      }
    } else { // a unit's name: a little above, below or beside where it was (still inside the unit, mostly)
      spots = [[r.left, r.top - h - 6], [r.left, r.bottom + 6], [r.left - w / 2 - 16, r.top], [r.right - w / 2 + 16, r.top]];
    }
    for (var s = 0; s < spots.length; s++){
      var q = {left: spots[s][0], top: spots[s][1], right: spots[s][0] + w, bottom: spots[s][1] + h};
      if (free(q)){
        placed.add(q); moves.push([e, r, q, s >= 5 && num ? [p, g] : null]);   // s >= 5: the second ring, with a leader
        return;
      }
    }
    if (num){ placed.add(r); return; }  // a brief's number stays, even crowded
    moves.push([e, r, null, null]);
  });
  moves.forEach(function(mv){ // the margins are read after the reset (the stylesheet's), before any move is written
    mv.push(mv[2] ? [parseFloat(getComputedStyle(mv[0]).marginLeft) || 0, parseFloat(getComputedStyle(mv[0]).marginTop) || 0] : null);
  });
  moves.forEach(function(mv){
    var e = mv[0], r = mv[1], q = mv[2];
    if (!q){ e.style.visibility = 'hidden'; return; }
    e.style.marginLeft = (mv[4][0] + q.left - r.left) + 'px'; e.style.marginTop = (mv[4][1] + q.top - r.top) + 'px';
    if (mv[3]) EM.leader(map, mv[3][0], mv[3][1], q, cr);
  });
  window.emDecluttered = (window.emDecluttered || 0) + 1;
};
EM.zoomClass = function(map){
  var z = map.getZoom(), c = map.getContainer();
  c.classList.toggle('em-zlo', z < 9);
  c.classList.toggle('em-zmid', z >= 9 && z < 11);
  c.classList.toggle('em-zhi', z >= 11);
};
})();
"""

_CSS = """
/* outside Syria: neutral land grey (the neighbours are land, not sea; no sea is drawn) */
.leaflet-container { background: #e4e3df; font: 13px/1.35 "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
.leaflet-container .leaflet-control-attribution { max-width: 55vw; font-size: 11px; line-height: 1.35; background: rgba(255,255,255,0.85); border-radius: 0 4px 0 0; }
.em-legend { background: rgba(255,255,255,0.93); padding: 7px 9px; border-radius: 5px; box-shadow: 0 1px 4px rgba(0,0,0,.3); line-height: 1.3; max-width: 300px; }
.em-legend .em-tn { white-space: nowrap; }
.em-legend-title { font-weight: 600; margin-bottom: 3px; }
.em-row { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
.em-row svg { flex: none; }
.em-n { color: #555; margin-left: auto; padding-left: 8px; font-variant-numeric: tabular-nums; }
.em-sep { border-top: 1px solid #ddd; padding-top: 3px; margin-top: 4px; }
.em-note { color: #555; font-size: 12px; }
.em-pop { max-width: 340px; }
.em-pop .em-h { margin-bottom: 3px; }
.em-type { border-left: 4px solid; padding-left: 4px; font-weight: 600; }
.em-ar { font-size: 15px; }
.em-small { color: #444; font-size: 12px; }
.em-actors { font-size: 12px; margin-top: 2px; }
.em-killed { font-size: 12px; margin-top: 2px; color: #8b1a1a; font-weight: 600; }
blockquote.em-note { margin: 5px 0; padding: 4px 8px; background: #f5f5f0; border-inline-start: 3px solid #999; color: #111; font-size: 13px; }
blockquote.em-note[dir=rtl] { font-size: 14.5px; line-height: 1.6; }
blockquote.em-note { max-height: 9.6em; overflow-y: auto; }
.em-note mark { background: #ffe270; padding: 0 1px; }
.em-src { font-size: 12px; color: #333; }
.em-id { font-size: 10px; color: #888; font-family: monospace; word-break: break-all; }
.em-approx { font-size: 11px; color: #7a4b00; background: #fff3d6; padding: 0 3px; border-radius: 3px; white-space: nowrap; }
.em-estimate { font-size: 12px; color: #5a3800; background: #fff8e6; border-inline-start: 3px solid #d9a441; padding: 2px 6px; margin: 3px 0; }
.em-asw { font-weight: 600; }
.leaflet-tooltip.em-ringcap { font-size: 11px; font-weight: 600; font-style: italic; color: #6b4200; text-align: center; }
.leaflet-tooltip.em-ringname { font-size: 12px; font-weight: 600; color: #3d2a00; }
.em-cl-ap { outline: 2px dashed #7a4b00; outline-offset: 1px; }
.em-cl span i { font-style: normal; font-size: 9px; margin-left: 1px; color: #ffd98a; }
.em-tip .em-id { display: block; }
.leaflet-tooltip.em-lab { background: transparent; border: 0; box-shadow: none; padding: 0; text-align: center; white-space: nowrap;
  color: #333; text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff; pointer-events: none; line-height: 1.15; }
.leaflet-tooltip.em-lab:before { display: none; }
.em-placed.leaflet-tooltip-center { translate: -50% -50%; } .em-placed.leaflet-tooltip-right { translate: 0 -50%; }
.em-placed.leaflet-tooltip-left { translate: -100% -50%; } .em-placed.leaflet-tooltip-top { translate: -50% -100%; }
.em-placed.leaflet-tooltip-bottom { translate: -50% 0; }
.em-lab1 { font-size: 14px; font-weight: 700; color: #3a3a3a; letter-spacing: .02em; }
.em-lab2 { font-size: 12px; font-weight: 600; color: #4a4a4a; }
.em-lab3 { font-size: 11px; color: #555; font-style: italic; }
.em-lab .ar { display: block; font-style: normal; }
.leaflet-tooltip.em-lab0 { text-align: left; font-size: 12.5px; font-weight: 600; color: #1a1a1a; }
.em-lab0 .ar { font-weight: 600; }
.em-zlo .em-lab2, .em-zlo .em-lab3, .em-zmid .em-lab3, .em-zhi .em-lab1 { display: none; }
.em-popup-open .em-legend, .em-popup-open .em-far { display: none; }
.em-far { background: rgba(255,255,255,0.93); padding: 3px 7px; border-radius: 4px; box-shadow: 0 1px 3px rgba(0,0,0,.3); font-size: 12px; }
.em-cluster { background: transparent; }
.em-cl { width: 100%; height: 100%; border-radius: 50%; display: flex; align-items: center; justify-content: center; box-shadow: 0 0 0 1px rgba(0,0,0,.45); }
.em-cl span { background: rgba(35,35,35,.86); color: #fff; font-weight: 600; font-size: 11px; border-radius: 50%; width: 68%; height: 68%;
  display: flex; align-items: center; justify-content: center; font-variant-numeric: tabular-nums; }
.marker-cluster-small, .marker-cluster-medium, .marker-cluster-large { background-color: rgba(60,60,60,.25); }
.marker-cluster-small div, .marker-cluster-medium div, .marker-cluster-large div { background-color: rgba(45,45,45,.78); color: #fff; font-weight: 600; }
"""

_BOUNDARY_STYLE = {
    1: {"color": "#4d4d4d", "weight": 2.2, "fillColor": "#f3efe6", "fillOpacity": 1.0, "opacity": 0.9},
    2: {"color": "#6d6d6d", "weight": 1.3, "fill": False, "opacity": 0.8, "dashArray": "6,3"},
    3: {"color": "#9a9a9a", "weight": 0.7, "fill": True, "fillOpacity": 0.0, "opacity": 0.9},
}


class EventMapSupport(SafeRender, JSCSSMixin, MacroElement):
    """Shared JavaScript (marker shapes, popups, filtering) and CSS, injected once."""

    _template = Template("""
{% macro script(this, kwargs) %}
""" + "{{ this.lib }}" + """
{% endmacro %}
""")

    def __init__(self) -> None:
        super().__init__()
        self._name = "EventMapSupport"
        self.lib = _LIB_JS % {"css": js_safe_json(_CSS)}
        self.default_js = assets.js("markercluster_js", "heat_js")
        self.default_css = assets.css("markercluster_css", "markercluster_default_css")


class BoundaryLayer(SafeRender, Layer):
    """One admin level as a GeoJSON layer with bilingual labels (part of the basemap)."""

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function(map){
  // the basemap sits below the events: its own canvas in a low pane, labels above it,
  // events (overlay pane) and clusters (marker pane) above both
  if (!map.getPane('emBase')){
    map.createPane('emBase').style.zIndex = 250;
    var lp = map.createPane('emLabels'); lp.style.zIndex = 350; lp.style.pointerEvents = 'none';
    window.EM.baseRenderer = L.canvas({pane: 'emBase', padding: 0.3});
  }
  var data = {{ this.data }};
  var style = {{ this.style }};
  var polys = L.geoJSON(data, {
    style: function(){ return style; }, pane: 'emBase', renderer: window.EM.baseRenderer, interactive: false
  });
  var group = L.featureGroup([polys]);
  data.features.forEach(function(f){
    var p = f.properties;
    if (!p.lp) return;
    var t = window.EM.label({direction: 'center', pane: 'emLabels', className: 'em-lab em-lab{{ this.level }}'})
      .setLatLng(p.lp).setContent(p.n + (p.a ? '<span class="ar" dir="rtl" lang="ar">' + p.a + '</span>' : ''));
    group.addLayer(t);
  });
  {% if this.show %}group.addTo(map);{% endif %}
  window.EM.boundaries = window.EM.boundaries || {};
  window.EM.boundaries[{{ this.level }}] = data.features.length;
  return group;
})({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, level: int, features: list, *, show: bool = True, basemap_fill: bool = True) -> None:
        en, ar = LEVELS[level]
        super().__init__(name=f"{en} · {ar}", overlay=True, control=True, show=show)
        self._name = f"Boundaries{level}"
        self.level = level
        style = dict(_BOUNDARY_STYLE[level])
        if not basemap_fill and level == 1:
            style["fillOpacity"] = 0.0
        self.style = json.dumps(style)
        fc = {"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": to_geojson_geometry(b.geometry),
             "properties": {"n": esc(b.name_en), "a": esc(b.name_ar), "p": esc(b.pcode), "lp": list(b.label_point)}}
            for b in features]}
        self.data = js_safe_json(fc)


class EventLayer(SafeRender, Layer):
    """All events: one cluster group (or feature group) filled from the payload in the browser."""

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function(map){
  var EM = window.EM;
  EM.map = map; EM.markers = []; EM.circles = {}; EM.regions = [];
  EM.layer = {% if this.cluster %}L.markerClusterGroup({chunkedLoading: false, maxClusterRadius: 35, disableClusteringAtZoom: 13,
      spiderfyOnMaxZoom: true, showCoverageOnHover: false, iconCreateFunction: EM.clusterIcon}){% else %}L.featureGroup(){% endif %};
  EM.approxLayer = L.featureGroup();
  EM.labelLayer = L.layerGroup().addTo(map);
  // rings of approximate names: the ring, legs and circle in a pane under the events, the names as markers
  if (!map.getPane('emRingDeco')) map.createPane('emRingDeco').style.zIndex = 380;
  EM.ringRenderer = L.canvas({pane: 'emRingDeco', padding: 0.3});
  EM.ringDeco = L.layerGroup().addTo(map);
  EM.ringLayer = L.featureGroup();
  EM.ringLayer.bindPopup(function(l){ return EM.popup(l.em); }, {maxWidth: 360, minWidth: 220});
  EM.ringLayer.bindTooltip(function(l){ return EM.tip(l.em); }, {direction: 'top', offset: [0, -6], opacity: 0.95});
  EM.heatLayer = (L.heatLayer ? L.heatLayer([], {radius: 18, blur: 16, minOpacity: 0.35, maxZoom: 12}) : null);
  EM.layer.bindPopup(function(l){ return l.emt ? EM.binHtml(l, true) : EM.popup(l.em); }, {maxWidth: 360, minWidth: 220});
  EM.layer.bindTooltip(function(l){ return l.emt ? EM.binHtml(l, false) : EM.tip(l.em); }, {direction: 'top', offset: [0, -6], opacity: 0.95});
  EM.attribution = {{ this.attribution }};
  map.attributionControl.setPrefix('<a href="https://leafletjs.com" title="Leaflet">Leaflet</a>');
  map.attributionControl.addAttribution(EM.attribution);
  // bottom-left, under the scale bar, so neither it nor the legend (bottom-right) hides the other
  map.attributionControl.setPosition('bottomleft');
  L.control.zoom({position: 'topright'}).addTo(map);
  L.control.scale({imperial: false, position: 'bottomleft', maxWidth: 150}).addTo(map);
  var legend = L.control({position: 'bottomright'});
  legend.onAdd = function(){ var d = L.DomUtil.create('div', 'em-legend leaflet-control'); d.innerHTML = {{ this.legend }}; L.DomEvent.disableClickPropagation(d); return d; };
  {% if this.legend_rows %}legend.addTo(map);{% endif %}
  EM.approxLayer.addTo(map);
  EM.layer.addTo(map);
  EM.ringLayer.addTo(map);
  {% if this.heat %}if (EM.heatLayer) EM.heatLayer.addTo(map);{% endif %}
  // an open popup is read whole: the legend and the fit's note step aside while it is open; the note
  // ("N events outside this view") is only true of the view the fit made, so any other move drops it
  map.on('popupopen', function(){ map.getContainer().classList.add('em-popup-open'); });
  map.on('popupclose', function(){ map.getContainer().classList.remove('em-popup-open'); });
  map.on('movestart', function(){ if (!EM.fitting) EM.farNote(map, []); });
  // a fit moves the view up to three times in a row (EM.fitIdx): the labels are laid out once, after it. The
  // zoom's classes are set at once: the next zoom places the names of the units they show (Leaflet measures a
  // name when it moves it, and a hidden one measures nothing)
  EM.onZoomEnd = function(){ EM.layoutRings(); EM.declutter(map); };
  EM.onMoveEnd = function(){ EM.refreshApprox(); EM.placeLabels(); EM.declutter(map); };
  EM.zoomClass(map);
  map.on('zoomend', function(){ EM.zoomClass(map); if (EM.fitting) EM.viewMoved |= 1; else EM.onZoomEnd(); });
  map.on('zoomend moveend', function(){ if (EM.fitting) EM.viewMoved |= 2; else EM.onMoveEnd(); });
  if (EM.layer.on) EM.layer.on('animationend spiderfied unspiderfied', function(){ EM.refreshApprox(); EM.placeLabels(); EM.declutter(map); });
  EM.decode({{ this.payload }}).then(function(D){
    // the other layers' payloads first (the control layer's, EM.pending): their places are on the map's canvas
    // before the events, so the events are drawn over them and answer the mouse first (a layer that failed
    // leaves the events drawn, its error on the console)
    return Promise.all((EM.pending || []).map(function(p){ return p.catch(function(e){ console.error(e); }); }))
      .then(function(){ return D; });
  }).then(function(D){
    EM.D = D;
    EM.showRange(0, Math.max(D.days.length - 1, 0));
    {% if this.fit %}EM.fit(map);{% endif %}
    EM.zoomClass(map); EM.declutter(map);
    // the panels (title, legend, the fit's note) take their final size once their fonts are in and their
    // lines are filled: labels are placed again then, so none is left under a panel that grew
    if (window.ResizeObserver && !EM.panelWatch){
      EM.panelWatch = new ResizeObserver(function(){ EM.declutter(map); });
      map.getContainer().querySelectorAll('.em-title, .em-legend, .em-far').forEach(function(e){ EM.panelWatch.observe(e); });
    }
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(function(){ EM.declutter(map); });
    if (D.sel >= 0){
      var g0 = D.ag[D.sel];
      map.setView(g0 >= 0 ? [D.G[g0][0], D.G[g0][1]] : [D.lat[D.sel], D.lon[D.sel]], Math.max(map.getZoom(), 13), {animate: false});
      var ll = EM.pos(D.sel);   // after the zoom: a ring member's slot depends on it
      L.circleMarker(ll, {radius: 13, color: '#ffcc00', weight: 4, fill: false, interactive: false}).addTo(map);
      L.popup({maxWidth: 360, autoPanPaddingTopLeft: EM.padTL()}).setLatLng(ll).setContent(EM.popup(D.sel)).openOn(map);
    }
    if (EM.onData) EM.onData(D);
    requestAnimationFrame(function(){ requestAnimationFrame(function(){ window.eventmapReady = true; }); });
  }).catch(function(err){ window.eventmapError = String(err); window.eventmapReady = true; console.error(err); });
  return EM.layer;
})({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, payload: str, *, legend: str, attribution: str, cluster: bool, heat: bool, fit: bool) -> None:
        super().__init__(name="Events · أحداث", overlay=True, control=True, show=True)
        self._name = "Events"
        self.payload = payload
        self.legend = js_safe_json(legend)
        self.legend_rows = bool(legend)   # a map with no event (the pin map) has no legend to cover it
        self.attribution = js_safe_json(attribution)
        self.cluster = cluster
        self.heat = heat
        self.fit = fit


class _AliasLayer(SafeRender, Layer):
    """A layer-control entry for a layer the EventLayer script created (``window.EM.<attr>``)."""

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = window.EM.{{ this.attr }} || L.layerGroup();
{% endmacro %}
""")

    def __init__(self, name: str, attr: str) -> None:
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "EventsAlias"
        self.attr = attr


def check_tiles(tiles: str | None) -> None:
    """ValueError saying what to pass when ``tiles`` is neither a tile provider folium knows (by name,
    through xyzservices) nor a URL template with ``{z}``, ``{x}`` and ``{y}``."""
    if not tiles:
        return
    if "://" in tiles:
        if not all(k in tiles for k in ("{z}", "{x}", "{y}")):
            raise ValueError(f"the tile URL {tiles!r} needs {{z}}, {{x}} and {{y}} in it, e.g. "
                             "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
        return
    import xyzservices.providers as xyz  # type: ignore[import-untyped]

    if tiles.lower() == "openstreetmap":  # folium's own alias for OpenStreetMap.Mapnik
        return
    try:
        xyz.query_name(tiles)
    except ValueError:
        raise ValueError(f"unknown tile layer {tiles!r}: give a provider name such as OpenStreetMap, OpenTopoMap "
                         "or Esri.WorldImagery, or a URL template with {z}, {x} and {y}") from None


@paused_gc()   # a payload of every event's values, made and dropped (the map's own cycles: collected after)
def build_map(frame: pd.DataFrame | None, *, boundaries: bool = True, cluster: bool = True, heat: bool = False,
              tiles: str | None = None, center: tuple[float, float] | None = None, zoom: int | None = None,
              selected_event_id: str | None = None, boundary_dir=None, attribution: str | None = None,
              layer_control: bool = True, numbers: list[int] | None = None,
              compress_above: int = COMPRESS_ABOVE, control: Any = None,
              control_end: str | None = None, bins: Any = None, layer: EventsLayer | None = None) -> folium.Map:
    """The events map (see the module docstring). ``tiles``: None (offline boundary basemap),
    a folium tile name (``"OpenStreetMap"``) or a URL template; tiles need the network.
    ``numbers``: a place number per row of ``frame`` (a printed brief's list); the places are then
    numbered on the map instead of named, and no marker is clustered.
    ``control``: an ``eventmap.control.ControlModel`` drawn as the control layer, following the time
    window (``control_end``: the day shown when the window reaches its end, default the last event day).
    ``bins``: a ``views.bins.PointDayBins`` drawn instead of ``frame``'s events (one symbol per place with
    its count in the time window: a store too large to draw event by event).
    ``layer``: the events' half of the map made ahead, ``events_layer(frame, bins=bins, ...)`` with the same
    ``selected_event_id``, ``boundary_dir`` and ``compress_above`` (``ui.prefetch``: by the helper process that read
    the events); ``frame``, ``bins`` and ``numbers`` are then not read."""
    check_tiles(tiles)
    if layer is None:
        if frame is None:
            raise ValueError("build_map needs the events' frame, or their layer made ahead")
        if numbers is not None:
            frame = frame.assign(em_num=list(numbers))
            cluster = False
        layer = events_layer(frame, bins=bins, selected_event_id=selected_event_id, boundary_dir=boundary_dir,
                             compress_above=compress_above)
    bbox = layer.bbox
    fit = center is None and layer.points
    if center is None:
        center = ((bbox[1] + bbox[3]) / 2, (bbox[0] + bbox[2]) / 2)
    m = assets.offline_map(location=list(center), zoom_start=zoom or 9, prefer_canvas=True,
                           control_scale=False)
    m.options["zoomControl"] = False   # re-added top-right, leaving top-left to the title
    m.options["minZoom"] = 5
    m.options["maxZoom"] = 17   # MarkerCluster needs it when there is no tile layer
    m.options["zoomSnap"] = 0.25  # fit the events tightly (the +/- buttons still step by 1)
    if tiles:
        folium.TileLayer(tiles, name="Tiles", control=True, attr="© tile provider" if "://" in tiles else None).add_to(m)
    m.add_child(EventMapSupport())
    if boundaries:
        # governorates whole (they are the land fill); districts and sub-districts in view
        for level in (1, 2, 3):
            feats = load_boundaries(level, None if level == 1 else bbox, directory=boundary_dir)
            if feats:
                m.add_child(BoundaryLayer(level, feats, basemap_fill=not tiles))
    m.add_child(EventLayer(layer.payload, legend=layer.legend, attribution=esc(attribution or data_attribution()),
                           cluster=cluster, heat=heat, fit=fit and zoom is None))
    if control is not None and len(control):
        from eventmap.views.control_layer import ControlLayer
        end = control_end or layer.last_day or max(control.change_dates() or ["9999-12-31"])
        m.add_child(ControlLayer(control, end))
    m.add_child(_AliasLayer("Approximate areas · مواقع تقريبية", "approxLayer"))
    heat_alias = _AliasLayer("Heat map · خريطة حرارية", "heatLayer")
    heat_alias.show = heat
    m.add_child(heat_alias)
    if layer_control:
        folium.LayerControl(collapsed=True, position="topright").add_to(m)
    return m


def clicked_event_id(st_folium_result: dict | None, frame: pd.DataFrame | None = None) -> str | None:
    """The event id behind a marker click returned by ``streamlit_folium.st_folium``.

    Tooltips end with ``#<event_id>``; when no tooltip text came back, the nearest event to
    the clicked point (within ~50 m) in ``frame`` is used.
    """
    import re

    if not st_folium_result:
        return None
    for key in ("last_object_clicked_tooltip", "last_object_clicked_popup"):
        txt = st_folium_result.get(key) or ""
        m = re.search(r"#([^\s#]+)\s*$", txt.strip())
        if m:
            return m.group(1)
    pt = st_folium_result.get("last_object_clicked")
    if pt and frame is not None and len(frame):
        ok = has_coords(frame)
        f = frame[ok]
        if len(f):
            d = (f["latitude"] - float(pt["lat"])) ** 2 + (f["longitude"] - float(pt["lng"])) ** 2
            i = d.idxmin()
            if d[i] < 0.0005 ** 2:
                return str(f.at[i, "event_id"])
    return None
