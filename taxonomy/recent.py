"""A small bounded memory of recent answers, shared by a worker's threads."""

import threading
from collections import OrderedDict


class Recent:
    """A mapping of at most `size` entries that forgets the least recently used one first.

    Thread-safe: a gunicorn worker's threads share it. Two threads missing the same key both
    compute it; the second answer simply replaces the first.
    """

    def __init__(self, size):
        self.size = size
        self._items = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        """The value remembered for `key` (now the most recent), or None."""
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key, value):
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def __iter__(self):
        """The keys, least recently used first (a copy: safe while other threads write)."""
        with self._lock:
            return iter(list(self._items))

    def __len__(self):
        return len(self._items)
