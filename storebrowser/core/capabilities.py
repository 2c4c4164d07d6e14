"""What a provider can do. A flag that is False means the matching call raises
``Unsupported``; the UI enables actions from these flags, and the conformance suite
checks that flags and behaviour agree (rclone's ``Features``).
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class Capabilities:
    #: User key/value metadata can be stored with an object and read back.
    user_metadata: bool = False
    #: Content-Type can be set at upload and changed later.
    content_type: bool = False
    #: System properties ``set_properties`` can change (names from
    #: ``core.properties.SYSTEM_PROPERTIES``); setting another one raises ``Unsupported``.
    #: ``content_type`` is in it exactly when the flag above is on.
    system_properties: frozenset[str] = frozenset()
    #: ``copy_object`` runs on the server (no bytes through the client).
    server_side_copy: bool = False
    #: A flat listing (no delimiter) carries each object's user metadata (Azure's
    #: ``include=metadata``): a compare reads stored modification times from it, no HEAD.
    listed_metadata: bool = False
    #: ``read`` honours byte ranges.
    ranged_read: bool = True
    #: Every ranged read of up to this many bytes can come with the MD5 the service
    #: computes of its bytes (Azure's ``x-ms-range-get-content-md5``): any range of an
    #: object is proven read by read (``transfers.range_read``). 0: no part is proven.
    proven_reads: int = 0
    #: Large uploads go in parts (S3 multipart, Azure blocks, Swift SLO segments).
    multipart: bool = False
    #: ``set_website`` / ``get_website`` publish a container as a static site.
    static_website: bool = False
    #: ``share_url`` makes a time-limited URL that works without credentials.
    presigned_urls: bool = False
    #: Containers can keep older versions: ``list_versions_page``, ``stat_version``,
    #: ``iter_read_version``, ``delete_version``, ``restore_version``,
    #: ``versioning_state`` (``set_versioning`` where a container can be switched).
    versioning: bool = False
    #: ``create_snapshot`` keeps the current content of one object as a version (Azure).
    snapshots: bool = False
    #: A sentence for a person: why versioning is off, or how versions are kept here.
    versioning_note: str = ""
    #: Objects have storage classes / access tiers that can be changed in place
    #: (``storage_classes``, ``set_storage_class``; S3 storage class, Azure access tier).
    storage_tiers: bool = False
    #: Archived objects can be restored (``restore_object``: S3 RestoreObject, Azure
    #: rehydration).
    archive_restore: bool = False
    #: ``get_tags`` / ``set_tags``: S3 object tagging, Azure blob index tags.
    object_tags: bool = False
    #: Containers are created in a storage class of their own (``storage_classes`` with
    #: scope CONTAINER, ``create_container_in_class``: Swift storage policies).
    container_classes: bool = False
    #: ``list_containers`` gives object counts and bytes used.
    container_counts: bool = False
    #: Who can read a container or object without signing in: ``access_report``,
    #: ``plan_access`` / ``apply_access``, ``live_check`` (``providers.container_settings``).
    access_control: bool = False
    #: ``get_cors`` / ``set_cors`` / ``preflight``: which web pages may call the storage.
    cors: bool = False
    #: ``get_lifecycle`` / ``set_lifecycle``: expiration and class-transition rules (S3).
    lifecycle: bool = False
    #: ``object_expiry`` / ``set_object_expiry``: one object deleted at a moment (Swift).
    object_expiry: bool = False
    #: Encryption an upload may ask for (``EncryptionMode`` values: s3, kms, c, scope).
    upload_encryption: frozenset[str] = frozenset()

    #: Why a capability is off, where a person should know: (name, reason) pairs.
    reasons: tuple[tuple[str, str], ...] = ()

    def enabled(self) -> list[str]:
        return [f.name for f in fields(self) if getattr(self, f.name) is True]

    def reason(self, name: str) -> str | None:
        """Why ``name`` is off (a sentence), when the provider said."""
        return dict(self.reasons).get(name)
