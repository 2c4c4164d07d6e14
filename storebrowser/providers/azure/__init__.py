"""Azure Blob Storage, through azure-storage-blob."""
