"""An object's properties: the metadata editor (``metadata_editor``, its table model in
``metadata_model``, what a selection shares in ``selection``, what it says in
``editor_text``) and the range preview (``preview_panel``, ``preview_range``, docked by
``preview_dock``)."""
