"""Amazon S3 and every S3-compatible service, through boto3."""
