"""StoreBrowser: a desktop browser for object storage.

Kept free of imports on purpose: ``storebrowser --version`` must answer before Qt or
any SDK is loaded.
"""

__version__ = "0.1.0"
APP_NAME = "StoreBrowser"
