"""Runtime shared by every API version of the generated client package.

Generated code imports everything it needs from here (``from .._runtime import ...``); the
modules behind these names are an implementation detail.
"""

from azure.core import CaseInsensitiveEnumMeta

from ._pipeline import ServiceConfig
from .client import ClientCore
from .client_async import AsyncClientCore
from .flatten import FlattenedModel
from .header_collections import HeaderCollection, prefixed_headers
from .model import KindOf, Model, PolymorphicModel
from .multipart import FileInput, FilePart, binary_body, file_part
from .paging import (
    async_cursor_paged,
    async_next_link_paged,
    cursor_paged,
    next_link_paged,
    page_options,
)
from .polling import async_begin_operation, begin_operation
from .responses import Constant
from .scalars import Base64, Base64Url, DateTime, Decimal, Extensible, Rfc1123, UnixTime
from .serde import deserialize, serialize, to_wire, type_adapter
from .sse import EventStreamDecoder, aiter_events, iter_events
from .streaming import aiter_bytes, iter_bytes

__all__ = [
    "AsyncClientCore",
    "Base64",
    "Base64Url",
    "CaseInsensitiveEnumMeta",
    "ClientCore",
    "Constant",
    "DateTime",
    "Decimal",
    "EventStreamDecoder",
    "Extensible",
    "FileInput",
    "FilePart",
    "FlattenedModel",
    "HeaderCollection",
    "KindOf",
    "Model",
    "PolymorphicModel",
    "Rfc1123",
    "ServiceConfig",
    "UnixTime",
    "aiter_bytes",
    "aiter_events",
    "async_begin_operation",
    "async_cursor_paged",
    "async_next_link_paged",
    "begin_operation",
    "binary_body",
    "cursor_paged",
    "deserialize",
    "file_part",
    "iter_bytes",
    "iter_events",
    "next_link_paged",
    "page_options",
    "prefixed_headers",
    "serialize",
    "to_wire",
    "type_adapter",
]
