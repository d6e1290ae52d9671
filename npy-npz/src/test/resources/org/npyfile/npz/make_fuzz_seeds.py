"""Writes the npz fuzz target's seed inputs with numpy: small archives of every kind numpy makes.

Run from this directory: python3 make_fuzz_seeds.py (numpy 1.26+). The seeds are committed; Jazzer
runs them as regression cases in every build and mutates them when fuzzing.
"""
import io
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "NpzFuzzTestInputs", "fuzzNpz")


class Unseekable(io.RawIOBase):
    """A write-only stream without seek or tell, as numpy sees a pipe."""

    def __init__(self):
        self.data = bytearray()

    def writable(self):
        return True

    def write(self, b):
        self.data += bytes(b)
        return len(b)


def save(name, compressed, pipe=False, **arrays):
    target = Unseekable() if pipe else io.BytesIO()
    (np.savez_compressed if compressed else np.savez)(target, **arrays)
    data = bytes(target.data) if pipe else target.getvalue()
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


os.makedirs(OUT, exist_ok=True)
small = dict(a=np.arange(6, dtype="<f4").reshape(2, 3), b=np.array(["x", "yz"]), c=np.float64(1.5))
save("savez", False, **small)
save("savez_compressed", True, **small)
save("savez_pipe", False, pipe=True, **small)
save("savez_compressed_pipe", True, pipe=True, **small)
save("empty", False)
save("nested_names", False, **{"a/b": np.arange(3, dtype=">i2"), "été": np.zeros(2, dtype="|b1")})
save("record", True, r=np.zeros(2, dtype=[("x", "<f4"), ("y", ">i8", (2,))]))
