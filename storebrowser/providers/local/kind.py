"""Registry entry of the local-folder provider (no imports beyond the registry)."""

from storebrowser.providers.local.names import check_container_name
from storebrowser.providers.registry import ConnectionField, FieldType, ProviderKind, register

KIND = register(
    ProviderKind(
        name="local",
        label="Local folder",
        factory="storebrowser.providers.local.provider:LocalProvider.from_settings",
        order=0,
        icon="folder",
        container_name_rule=check_container_name,
        fields=(
            ConnectionField(
                "root",
                "Folder",
                FieldType.FOLDER,
                required=True,
                help="Each sub-folder of this folder is shown as a container.",
            ),
        ),
    )
)
