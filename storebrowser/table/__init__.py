"""The object table's data without Qt: rows stored as columns (``columns``, a page packed
for them on a worker by ``packing``), their sorted and filtered orders (``order``) and
type-ahead over names (``name_search``).

Imports only ``core``; the Qt model that shows these rows is in ``ui.objects``."""
