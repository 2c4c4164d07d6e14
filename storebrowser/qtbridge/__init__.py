"""Where worker threads meet Qt: run blocking calls on a pool and deliver their result
or typed error on the GUI thread. The only package besides ``ui`` that imports PySide6."""
