"""gunicorn hooks of `parcours serve` (loaded with `--config python:parcours.gunicorn`).

`parcours serve` preloads the application in gunicorn's master process (`--preload`). Before it
forks the workers, `on_starting` below finishes what every worker would otherwise do on its
first requests: import the URLconf (about 2 s: every app's views and API), load both languages'
catalogues, load the sentence encoder, open the occupation and skill search indexes (their
files, built by `parcours taxonomy import`, are memory-mapped: under a second; when missing they
are built first in a separate process, so the master does not keep the build's memory) and load
the SMART check's lookup of ESCO labels (`taxonomy.lexicon`: read from its copy on disk, or
built once and written there). The workers inherit all of it by fork, the index pages shared
through the page cache, and no person waits behind a cold worker.

A failure here (no tables yet, no taxonomy) is logged and the workers fall back to doing the
same lazily. Database connections opened here are closed before the fork: a worker must never
share its parent's connection.
"""

import gc
import time


def on_starting(server):
    if not server.cfg.preload_app:
        return
    from django.conf import settings
    from django.db import connections
    from django.urls import get_resolver
    from django.utils.translation import trans_real

    started = time.monotonic()
    get_resolver().url_patterns  # noqa: B018 (imports every view module)
    for language, _name in settings.LANGUAGES:
        trans_real.translation(language)  # loads and merges every app's catalogue once
    try:
        from taxonomy import search

        search.warm_up(build_apart=True)
    except Exception:  # noqa: BLE001 (the workers retry on first use; the error is logged)
        server.log.exception("Search warm-up failed: the workers will build the indexes on use")
    try:
        from taxonomy.lexicon import lexicon

        lexicon()  # the SMART check's label lookup, so a worker's first check finds it ready
    except Exception:  # noqa: BLE001 (a worker builds it on its first check instead)
        server.log.exception("Label lookup warm-up failed: the workers will build it on use")
    finally:
        connections.close_all()
    # What the master built stays put: the workers' garbage collector need not visit (and so
    # copy) those objects' pages.
    gc.freeze()
    server.log.info("Warmed up in %.1f s", time.monotonic() - started)
