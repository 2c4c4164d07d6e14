"""Open in the user's own app: Open / Open With…, the opened files' panel, the folder
watcher that uploads a saved copy back, and the conflict question (``storebrowser/editing``
does the work, on workers)."""
