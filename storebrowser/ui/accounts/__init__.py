"""File > Accounts…: the accounts dialog (``dialog``), the form generated from a provider
kind's connection fields (``form``), how the list draws an account (``delegate``), the
store calls it runs on workers (``tasks``) and the import dialog (``import_dialog``)."""
