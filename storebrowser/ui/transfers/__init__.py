"""The transfers panel (``dock``, ``model``, ``progress_delegate``), its questions
(``dialogs``: conflicts, resume, quit), the words for jobs and items (``text``) and the
queue commands submit jobs to (``jobs``, ``job_progress``)."""
