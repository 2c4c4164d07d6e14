"""Qt widgets and models, by feature (``places``, ``objects``, ``transfers``, ``accounts``,
``properties``, ``commands``), with the window, its chrome and actions and small shared
widgets at the top (see docs/ARCHITECTURE.md). Never calls an SDK and never does network
or disk I/O on the GUI thread: everything blocking goes through ``storebrowser.qtbridge``."""
