"""`cached`: functools.cached_property without its lock.

Python 3.11's cached_property takes a lock on every first read of every
instance (3.12 dropped it): 0.8 µs against 0.25 µs, and a paragraph's context
has nine such values, read for every paragraph of a draft. Like the original,
the value is stored in the instance's __dict__, which then answers every later
read. An instance it serves is used by one thread at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class cached(Generic[T]):
    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> cached[T]: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...

    def __get__(self, instance: object | None, owner: type | None = None) -> T | cached[T]:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value
