"""Names and texts of a generated distribution: from the user's settings, else from the spec.

Nothing here is fitted to one service: every default is derived from the newest spec's
``info.title`` (the class ``<Title>Client``, the distribution ``<title-words>``, the import
package ``<title_words>``), so a spec at hand gives a package without any configuration, and the
manifest or the command line may name each part explicitly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.ir import ApiSpec
from generator.manifest import DEFAULT_VERSION
from generator.naming.words import KEYWORDS, pascal, snake, words

_VERSION_CHARS = re.compile(r"[^A-Za-z0-9]+")


@dataclass(frozen=True)
class PackageSettings:
    """Names of the distribution as a whole."""

    distribution: str  # "contoso-widgets"
    namespace: str  # "contoso_widgets"
    client_class: str
    title: str
    package_version: str = DEFAULT_VERSION
    credential_scopes: tuple[str, ...] = ()  # default token scopes when the spec names none

    @property
    def sdk_moniker(self) -> str:
        """``name/version`` for the user agent (``azsdk-python-<moniker>``)."""
        name = self.distribution.removeprefix("azure-")
        return f"{name}/{self.package_version}"


def _title(spec: ApiSpec) -> str:
    return " ".join(spec.client.title.split()) or "Service"


def default_client_class(title: str) -> str:
    """``<Title>Client`` in PascalCase (the title's own trailing ``Client`` is not doubled)."""
    name = pascal(title, "Service")
    return name if name.endswith("Client") else name + "Client"


def default_namespace(title: str) -> str:
    """The import package: the title's words in snake_case."""
    name = snake(title, "service")
    return name + "_" if name in KEYWORDS else name


def default_distribution(title: str) -> str:
    """The distribution name: the title's words, lower-case, joined by ``-``."""
    return "-".join(w.lower() for w in words(title)) or "service"


def version_package(api_version: str) -> str:
    """The subpackage of one API version: ``v`` + the version with ``_`` for other characters."""
    return "v" + (_VERSION_CHARS.sub("_", api_version).strip("_").lower() or "0")


def package_settings(
    specs: Sequence[ApiSpec],
    *,
    distribution: str | None = None,
    namespace: str | None = None,
    client_class: str | None = None,
    title: str | None = None,
    package_version: str | None = None,
    credential_scopes: Sequence[str] = (),
) -> PackageSettings:
    """Settings for ``specs`` (oldest first): the given values, the rest from the newest spec."""
    shown = title or _title(specs[-1])
    return PackageSettings(
        distribution=distribution or default_distribution(shown),
        namespace=namespace or default_namespace(shown),
        client_class=client_class or default_client_class(shown),
        title=shown,
        package_version=package_version or DEFAULT_VERSION,
        credential_scopes=tuple(credential_scopes),
    )
