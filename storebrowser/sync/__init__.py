"""Compare two places and make the right one like the left (no Qt): the places
(``sync.places``), their listings (``sync.listing``), the comparison (``sync.compare``)
and the plan of changes a sync makes (``sync.plan``)."""
