"""Makes the Spark benchmark data with numpy: 1 GiB of float32 of shape (N, 64) and 1 GiB of float64
of shape (N,), written chunk by chunk through numpy's own memory-mapped .npy writer."""
import argparse
import os

import numpy as np

GIB = 1 << 30


def make(path, shape, dtype, seed):
    if os.path.exists(path):
        return
    out = np.lib.format.open_memmap(path + ".tmp", mode="w+", dtype=dtype, shape=shape)
    rng = np.random.default_rng(seed)
    rows = shape[0]
    step = max(1, rows // 64)
    for start in range(0, rows, step):
        stop = min(rows, start + step)
        out[start:stop] = rng.standard_normal((stop - start,) + shape[1:], dtype=np.float64).astype(dtype)
    out.flush()
    del out
    os.replace(path + ".tmp", path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--bytes", type=int, default=GIB)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    make(os.path.join(args.out, "matrix.npy"), (args.bytes // (4 * 64), 64), np.dtype("<f4"), 1)
    make(os.path.join(args.out, "vector.npy"), (args.bytes // 8,), np.dtype("<f8"), 2)


if __name__ == "__main__":
    main()
