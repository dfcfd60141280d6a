"""Pagers for list operations: by cursor (``after``/``has_more``) and by next link.

Both wrap azure-core's ``ItemPaged``/``AsyncItemPaged``, so callers iterate items directly or
pages with ``by_page(continuation_token=...)``; the continuation token is the cursor or link
of the next page.  A paged operation also takes two per-call keywords (:func:`page_options`):
``continuation_token=`` starts there instead of at the first page, and ``cls=`` receives each
page's item list and returns what that page yields, as in Azure's generated code.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from azure.core.async_paging import AsyncItemPaged, AsyncList, AsyncPageIterator
from azure.core.paging import ItemPaged, PageIterator

__all__ = [
    "PageOptions",
    "async_cursor_paged",
    "async_next_link_paged",
    "cursor_paged",
    "next_link_paged",
    "page_options",
]

T = TypeVar("T")
P = TypeVar("P")


@dataclass(frozen=True)
class PageOptions:
    """The per-call keywords a paged operation handles itself (see :func:`page_options`)."""

    cls: Callable[[list[Any]], Iterable[Any]] | None = None
    """Receives each page's items; what it returns is what the page yields."""
    start: str | None = None
    """Continuation token of the first page to fetch (None: the first page)."""


_NO_OPTIONS = PageOptions()


def page_options(kwargs: dict[str, Any]) -> PageOptions:
    """Takes ``cls`` and ``continuation_token`` out of a paged operation's ``kwargs``.

    The rest are sent with every page request.  ``stream=True`` is refused: pages are read.
    """
    if kwargs.get("stream"):
        raise TypeError("stream=True does not apply to paged operations; iterate the items")
    kwargs.pop("stream", None)
    return PageOptions(kwargs.pop("cls", None), kwargs.pop("continuation_token", None))


def _page(values: list[T], options: PageOptions) -> list[Any]:
    return values if options.cls is None else list(options.cls(values))


def _iterator_class(base: type[Any], options: PageOptions) -> Any:
    """azure-core's page iterator, starting at ``options.start`` unless told another token."""
    if options.start is None:
        return base
    start = options.start

    def make(*args: Any, continuation_token: str | None = None, **kwargs: Any) -> Any:
        return base(*args, continuation_token=continuation_token or start, **kwargs)

    return make


def _cursor_step(
    page: P,
    token: str | None,
    items: Callable[[P], Sequence[T] | None],
    has_more: Callable[[P], bool | None],
    cursor: Callable[[T], str | None],
) -> tuple[str | None, list[T]]:
    values = list(items(page) or ())
    next_token = cursor(values[-1]) if values and has_more(page) else None
    if next_token is not None and next_token == token:
        next_token = None  # a server repeating the same page must not loop forever
    return next_token, values


def _link_step(
    page: P,
    token: str | None,
    items: Callable[[P], Sequence[T] | None],
    next_link: Callable[[P], str | None],
) -> tuple[str | None, list[T]]:
    link = next_link(page) or None
    if link is not None and link == token:
        link = None
    return link, list(items(page) or ())


class _Tracked:
    """Remembers the token each page was fetched with (for loop protection)."""

    def __init__(self) -> None:
        self.token: str | None = None


def cursor_paged(
    fetch: Callable[[str | None], P],
    *,
    items: Callable[[P], Sequence[T] | None],
    has_more: Callable[[P], bool | None],
    cursor: Callable[[T], str | None],
    options: PageOptions = _NO_OPTIONS,
) -> ItemPaged[T]:
    """Items of every page: ``fetch(None)`` first, then ``fetch(cursor(last item))`` while
    ``has_more(page)`` is true."""
    state = _Tracked()

    def get_next(token: str | None) -> P:
        state.token = token
        return fetch(token)

    def extract(page: P) -> tuple[str | None, Iterator[T]]:
        token, values = _cursor_step(page, state.token, items, has_more, cursor)
        return token, iter(_page(values, options))

    return ItemPaged(get_next, extract, page_iterator_class=_iterator_class(PageIterator, options))


def next_link_paged(
    fetch: Callable[[str | None], P],
    *,
    items: Callable[[P], Sequence[T] | None],
    next_link: Callable[[P], str | None],
    options: PageOptions = _NO_OPTIONS,
) -> ItemPaged[T]:
    """Items of every page: ``fetch(None)`` first, then ``fetch(next_link(page))`` until none."""
    state = _Tracked()

    def get_next(token: str | None) -> P:
        state.token = token
        return fetch(token)

    def extract(page: P) -> tuple[str | None, Iterator[T]]:
        token, values = _link_step(page, state.token, items, next_link)
        return token, iter(_page(values, options))

    return ItemPaged(get_next, extract, page_iterator_class=_iterator_class(PageIterator, options))


def async_cursor_paged(
    fetch: Callable[[str | None], Awaitable[P]],
    *,
    items: Callable[[P], Sequence[T] | None],
    has_more: Callable[[P], bool | None],
    cursor: Callable[[T], str | None],
    options: PageOptions = _NO_OPTIONS,
) -> AsyncItemPaged[T]:
    """Async :func:`cursor_paged`: ``fetch`` is a coroutine function."""
    state = _Tracked()

    async def get_next(token: str | None) -> P:
        state.token = token
        return await fetch(token)

    async def extract(page: P) -> tuple[str | None, AsyncIterator[T]]:
        token, values = _cursor_step(page, state.token, items, has_more, cursor)
        return token, AsyncList(_page(values, options))

    paged: AsyncItemPaged[T] = AsyncItemPaged(
        get_next, extract, page_iterator_class=_iterator_class(AsyncPageIterator, options)
    )
    return paged


def async_next_link_paged(
    fetch: Callable[[str | None], Awaitable[P]],
    *,
    items: Callable[[P], Sequence[T] | None],
    next_link: Callable[[P], str | None],
    options: PageOptions = _NO_OPTIONS,
) -> AsyncItemPaged[T]:
    """Async :func:`next_link_paged`: ``fetch`` is a coroutine function."""
    state = _Tracked()

    async def get_next(token: str | None) -> P:
        state.token = token
        return await fetch(token)

    async def extract(page: P) -> tuple[str | None, AsyncIterator[T]]:
        token, values = _link_step(page, state.token, items, next_link)
        return token, AsyncList(_page(values, options))

    paged: AsyncItemPaged[T] = AsyncItemPaged(
        get_next, extract, page_iterator_class=_iterator_class(AsyncPageIterator, options)
    )
    return paged
