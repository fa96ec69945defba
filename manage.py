#!/usr/bin/env python
"""Django's command-line utility; `parcours` is the same thing with a friendlier help."""

import sys

from parcours.cli import main

if __name__ == "__main__":
    main(sys.argv)
