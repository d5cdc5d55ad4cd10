"""core/cached.py: a value worked out on the first read, then read from the instance."""

from __future__ import annotations

from reviewapp.core.cached import cached


class Counted:
    def __init__(self) -> None:
        self.calls = 0

    @cached
    def value(self) -> list[int]:
        """A fresh list each time it is worked out."""
        self.calls += 1
        return [self.calls]


def test_a_value_is_worked_out_once_per_instance():
    first, second = Counted(), Counted()
    assert first.value is first.value and first.calls == 1
    assert second.value == [1] and second.value is not first.value
    assert first.__dict__["value"] == [1]


def test_the_class_shows_the_descriptor_and_its_doc():
    assert isinstance(Counted.value, cached)
    assert Counted.value.__doc__ == "A fresh list each time it is worked out."
