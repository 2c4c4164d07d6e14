"""What the explorer's actions do: ``operations`` (containers, objects, properties),
``workflows`` (back up, download all, publish, copy as command), ``drops`` (drag and drop),
``counting`` (before a container is deleted), and the dialogs they open.

Commands receive a ``CommandContext`` (``context``): the services they use, never the window."""
