"""Keep the garbage collector off long-lived objects.

After start-up and after an account's SDK has loaded, about 125,000 objects (boto3's
service models, Qt wrappers) live for the whole session; every full collection walks
them all, which showed as 100-250 ms stalls every few seconds while an S3 listing ran.
Freezing moves them out of the collector's generations (``gc.freeze``), so collections
only look at what is new.
"""

from __future__ import annotations

import gc


def freeze_long_lived() -> None:
    gc.collect()
    gc.freeze()
