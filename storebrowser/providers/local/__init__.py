"""A folder on this computer as a storage account: sub-folders are containers, files are
objects, ``/`` in keys are nested folders. Makes the app useful with no credentials."""
