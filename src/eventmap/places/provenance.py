"""Attribution for the gazetteer data: the line every map and export must show.

The licences behind it are in ``gazetteer/PROVENANCE.md`` and ``gazetteer/LICENSE``:
GeoNames (CC BY 4.0) via Who's On First (CC0 + source licences), UN OCHA COD-AB
(CC BY-IGO 3.0) and OpenSyria (CC BY 4.0).
"""

from __future__ import annotations

#: one short plain-text line (map corner, PNG footer, CSV/GeoJSON metadata)
ATTRIBUTION = (
    "Places: GeoNames (CC BY 4.0) via Who's On First · "
    "Boundaries: UN OCHA COD-AB (CC BY-IGO 3.0) · OpenSyria (CC BY 4.0)"
)

#: the same line with links, for Leaflet's attribution control and HTML exports
ATTRIBUTION_HTML = (
    'Places: <a href="https://www.geonames.org/">GeoNames</a> '
    '(<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>) via '
    '<a href="https://whosonfirst.org/">Who&#39;s On First</a> · '
    'Boundaries: <a href="https://data.humdata.org/dataset/cod-ab-syr">UN OCHA COD-AB</a> '
    '(<a href="https://creativecommons.org/licenses/by/3.0/igo/">CC BY-IGO 3.0</a>) · '
    '<a href="https://github.com/Open-Syria/data-geography">OpenSyria</a> '
    '(<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>)'
)

#: per-source records, for an "about the data" page
SOURCES = (
    {"name": "Who's On First (whosonfirst-data-admin-sy)", "licence": "CC0 (WOF) + source licences",
     "upstream": "GeoNames, CC BY 4.0", "url": "https://whosonfirst.org/",
     "version": "commit 2db0f03b9f9d24bd371f318759d3e56c816c333e (2024-03-05)"},
    {"name": "UN OCHA COD-AB Syrian Arab Republic (ADM1-ADM3)", "licence": "CC BY-IGO 3.0",
     "url": "https://data.humdata.org/dataset/cod-ab-syr", "version": "v02, valid on 2020-12-17"},
    {"name": "OpenSyria data-geography", "licence": "CC BY 4.0",
     "url": "https://github.com/Open-Syria/data-geography",
     "version": "commit bebd183c9f59bde9fa56fa942cb8b8e9ca1351e6 (2026-07-02)"},
)

DISCLAIMER = "Boundaries and names do not imply official endorsement or acceptance by the United Nations."
