"""Project-wide pytest configuration."""

import os

# Tests never read or write the developer's own secret key or database directory.
os.environ.setdefault("PARCOURS_DATA_DIR", os.path.join(os.path.dirname(__file__), "var", "test"))
