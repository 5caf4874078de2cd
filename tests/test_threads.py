"""One BLAS thread per Dyad process unless the user chose (dyad/threads.py)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from dyad.threads import VARIABLES

PROBE = """
import json, numpy
from threadpoolctl import threadpool_info
from dyad.threads import single_threaded_blas
single_threaded_blas()
print(json.dumps([i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]))
"""


def _blas_threads(env_extra: dict[str, str]) -> list[int]:
    env = {k: v for k, v in os.environ.items() if k not in VARIABLES}
    env.update(env_extra)
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


def test_blas_limited_to_one_thread_after_numpy_was_loaded():
    threads = _blas_threads({})
    if not threads:
        pytest.skip("numpy has no BLAS that threadpoolctl sees")
    assert set(threads) == {1}


def test_a_thread_count_the_user_set_is_kept():
    threads = _blas_threads({"OPENBLAS_NUM_THREADS": "2"})
    if not threads:
        pytest.skip("numpy has no BLAS that threadpoolctl sees")
    assert 1 not in threads or os.cpu_count() == 1
