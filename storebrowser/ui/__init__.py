"""Qt widgets and models. Never calls an SDK and never does network or disk I/O on the
GUI thread: everything blocking goes through ``storebrowser.qtbridge``."""
