"""Writes the npy fuzz target's seed inputs with numpy: small valid files of every kind.

Run from this directory: python3 make_fuzz_seeds.py  (numpy 1.26+). The seeds are committed;
Jazzer runs them as regression cases in every build and mutates them when fuzzing.
"""
import io
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "NpyFuzzTestInputs", "fuzzNpy")


def save(name, a, version=None):
    buf = io.BytesIO()
    if version is None:
        np.save(buf, a)
    else:
        np.lib.format.write_array(buf, a, version=version)
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(buf.getvalue())


os.makedirs(OUT, exist_ok=True)
save("f4_3x4", np.arange(12, dtype="<f4").reshape(3, 4))
save("f8_fortran", np.asfortranarray(np.arange(6, dtype=">f8").reshape(2, 3)))
save("c16_be", np.array([1 + 2j, np.nan], dtype=">c16"))
save("f2", np.array([0.5, np.inf, -0.0], dtype="<f2"))
save("u8_max", np.array([2**64 - 1, 0], dtype="<u8"))
save("b1", np.array([True, False, True]))
save("U5", np.array(["héllo", "😀"], dtype="<U5"))
save("S3", np.array([b"ab", b"\x00\xff"], dtype="|S3"))
save("M8_ns", np.array(["2020-01-01", "NaT"], dtype="<M8[ns]"))
save("m8_D_be", np.array([1, -1], dtype=">m8[D]"))
save("scalar", np.float64(3.5))
save("empty_0x3", np.zeros((0, 3), dtype="<i2"))
save("record_aligned", np.zeros(2, dtype=np.dtype([("a", "u1"), ("b", "<f8"), ("c", "<U2")], align=True)))
save("record_nested", np.zeros(2, dtype=[("p", [("x", "<f4"), ("y", ">i2")]), ("m", "<f8", (2, 2))]))
save("v2", np.arange(3, dtype="<i4"), version=(2, 0))
save("v3", np.arange(3, dtype="<i4"), version=(3, 0))
