"""What the explorer's actions do: ``operations`` (containers, objects, properties),
``sharing`` (paths and URLs), ``workflows`` (back up, download all, publish, copy as
command), ``drops`` (drag and drop), ``counting`` (before a container is deleted), the
jobs' specs (``specs``), and the dialogs they open.

Commands receive a ``CommandContext`` (``context``): the services they use, never the window."""
