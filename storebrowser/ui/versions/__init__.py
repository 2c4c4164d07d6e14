"""Earlier versions in the window: a folder's versions and delete markers page by page
(View > Show Versions), one object's versions (Versions…), and what can be done with
them: undelete, download, revert, delete for good."""
