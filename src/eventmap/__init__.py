"""eventmap: geospatial event mapping of news reports about southern Syria.

Data flows one way: text -> normalised text -> place mentions -> resolved places
-> events -> store -> filtered views (map, timeline, table) -> exports.
"""

__version__ = "0.1.0"
