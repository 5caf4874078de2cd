"""One BLAS thread per process.

Dyad's matrix products are small (a batch of at most a few hundred tokens), so BLAS threads only
add synchronisation; parallelism comes from worker processes (``--workers N``, Dask). With
OpenBLAS's default of one thread per core, N workers on N cores ran N x N threads, and two
workers took ten times as long as one. :func:`single_threaded_blas` runs before the models are
used: it sets the usual variables for libraries not loaded yet and for child processes, and
limits BLAS libraries already loaded (threadpoolctl). A variable the user set is respected.
"""
from __future__ import annotations

import os
import sys

VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def single_threaded_blas() -> None:
    if any(os.environ.get(var) for var in VARIABLES):
        return                                   # the user (or our parent process) chose
    for var in VARIABLES:
        os.environ[var] = "1"
    if "numpy" in sys.modules:
        from threadpoolctl import threadpool_limits
        threadpool_limits(limits=1, user_api="blas")
