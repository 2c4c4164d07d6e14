"""The right pane: the object table's Qt model (``model``, rows from ``storebrowser.table``),
its background listing (``listing``) and change notifications (``changes``), the container
table (``containers``), the item views (``views``), what a drag carries (``dragdrop``) and
the status bar and empty-table texts (``status_text``)."""
