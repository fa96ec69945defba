"""Pages of core: home and errors (pages.py), the sharing history (audit.py), export and
import (portability.py), and the base of every app's edit and delete pages (owned.py)."""
