"""Folium elements that never compile report text as a template (the rule in docs/ARCHITECTURE.md).

branca compiles each element's rendered macros as Jinja templates; report text in a popup or a payload
must never reach that compile. :class:`Code` inserts text through a fixed template and
:class:`SafeRender` renders an element's macros into ``Code`` elements. The map (``views.map``), the
control layer (``views.control_layer``) and exported pages (``exports.html``) build on them.
"""

from __future__ import annotations

from branca.element import CssLink, Element, JavascriptLink
from jinja2 import Template


class Code(Element):
    """Rendered JavaScript/HTML added to the page as data.

    branca's ``MacroElement.render`` wraps each rendered macro in ``Element(text)``, which
    COMPILES the text as a Jinja template: report text containing ``{{ ... }}`` would run on
    the server, and a stray ``{%`` would break the page.  ``Code`` inserts its text through a
    fixed template instead (and skips that compile, ~0.7 s for 100k events)."""

    _template = Template("{{ this.code }}")

    def __init__(self, code: str) -> None:
        super().__init__()
        self._name = "Code"
        self.code = code


class SafeRender:
    """Mixin for our folium elements: render header/html/script macros into ``Code``
    elements (never re-compiled as templates), and register ``default_js``/``default_css``."""

    def render(self, **kwargs):
        figure = self.get_root()
        for name, url in getattr(self, "default_js", None) or []:
            figure.header.add_child(JavascriptLink(url), name=name)
        for name, url in getattr(self, "default_css", None) or []:
            figure.header.add_child(CssLink(url), name=name)
        macros = self._template.module.__dict__
        for part in ("header", "html", "script"):
            macro = macros.get(part)
            if macro is not None:
                getattr(figure, part).add_child(Code(macro(self, kwargs)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)
