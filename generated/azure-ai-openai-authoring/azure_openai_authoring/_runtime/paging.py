"""Pagers for list operations: by cursor (``after``/``has_more``) and by next link.

Both wrap azure-core's ``ItemPaged``/``AsyncItemPaged``, so callers iterate items directly or
pages with ``by_page(continuation_token=...)``; the continuation token is the cursor or link
of the next page.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from typing import TypeVar

from azure.core.async_paging import AsyncItemPaged, AsyncList
from azure.core.paging import ItemPaged

__all__ = ["async_cursor_paged", "async_next_link_paged", "cursor_paged", "next_link_paged"]

T = TypeVar("T")
P = TypeVar("P")


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
) -> ItemPaged[T]:
    """Items of every page: ``fetch(None)`` first, then ``fetch(cursor(last item))`` while
    ``has_more(page)`` is true."""
    state = _Tracked()

    def get_next(token: str | None) -> P:
        state.token = token
        return fetch(token)

    def extract(page: P) -> tuple[str | None, Iterator[T]]:
        token, values = _cursor_step(page, state.token, items, has_more, cursor)
        return token, iter(values)

    return ItemPaged(get_next, extract)


def next_link_paged(
    fetch: Callable[[str | None], P],
    *,
    items: Callable[[P], Sequence[T] | None],
    next_link: Callable[[P], str | None],
) -> ItemPaged[T]:
    """Items of every page: ``fetch(None)`` first, then ``fetch(next_link(page))`` until none."""
    state = _Tracked()

    def get_next(token: str | None) -> P:
        state.token = token
        return fetch(token)

    def extract(page: P) -> tuple[str | None, Iterator[T]]:
        token, values = _link_step(page, state.token, items, next_link)
        return token, iter(values)

    return ItemPaged(get_next, extract)


def async_cursor_paged(
    fetch: Callable[[str | None], Awaitable[P]],
    *,
    items: Callable[[P], Sequence[T] | None],
    has_more: Callable[[P], bool | None],
    cursor: Callable[[T], str | None],
) -> AsyncItemPaged[T]:
    """Async :func:`cursor_paged`: ``fetch`` is a coroutine function."""
    state = _Tracked()

    async def get_next(token: str | None) -> P:
        state.token = token
        return await fetch(token)

    async def extract(page: P) -> tuple[str | None, AsyncIterator[T]]:
        token, values = _cursor_step(page, state.token, items, has_more, cursor)
        return token, AsyncList(values)

    paged: AsyncItemPaged[T] = AsyncItemPaged(get_next, extract)
    return paged


def async_next_link_paged(
    fetch: Callable[[str | None], Awaitable[P]],
    *,
    items: Callable[[P], Sequence[T] | None],
    next_link: Callable[[P], str | None],
) -> AsyncItemPaged[T]:
    """Async :func:`next_link_paged`: ``fetch`` is a coroutine function."""
    state = _Tracked()

    async def get_next(token: str | None) -> P:
        state.token = token
        return await fetch(token)

    async def extract(page: P) -> tuple[str | None, AsyncIterator[T]]:
        token, values = _link_step(page, state.token, items, next_link)
        return token, AsyncList(values)

    paged: AsyncItemPaged[T] = AsyncItemPaged(get_next, extract)
    return paged
