"""The dashboard's service layer, below ``app.py`` and above the views: no Streamlit here.

``app.py`` draws widgets and calls these modules; they orchestrate the library for one analyst's session:

* ``state``: the view (filters, time window, open event, page) <-> the URL and the widgets' session keys;
* ``timewindow``: the time window's presets, typed dates, steps and play;
* ``session``: the store's fingerprint (cache key) and its reference layers;
* ``ingest`` / ``ingest_form``: uploads and pasted text -> reports -> previewed events -> saved with fixes;
* ``analyst``: pinning a name, typed spellings and coordinates;
* ``downloads``: the current view as a file for a download button (through ``eventmap.exports``).

The views (``eventmap.views``) only render: they never import this package nor the exports.
"""
