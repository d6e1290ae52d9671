#!/usr/bin/env python3
"""Makes the benchmark inputs with numpy itself, so every reader is measured on numpy's own files.

Writes into OUT (benchmarks/target/bench-data/<mode> when run by run.sh):

  le.npy             <f4 C-order matrix: 1 GiB (quick: 64 MiB) of standard-normal values
  be.npy             the same values as >f4
  fortran.npy        the same values, <f4, Fortran order
  stored.npz         np.savez: one stored (uncompressed) entry "a" holding le.npy's array
  deflate-one.npz    np.savez_compressed: one DEFLATE entry "a", the first 32 MiB (quick: 8 MiB)
  deflate-many.npz   np.savez_compressed: eight DEFLATE entries "a0".."a7" of 4 MiB (quick: 1 MiB)
                     each, consecutive slices of the values
  manifest.json      shapes, the bytes each case moves, and exact checksums of the values
  manifest.properties  the same facts, flat, for the Java side (java.util.Properties)

The checksum of an array is the sum of its elements' raw 32-bit patterns as unsigned integers: exact,
independent of order and of byte order, so a Java reader's result can be checked against it.
The files are written under temporary names and renamed, so an interrupted run leaves no half file
that a later run would take as done.
"""

import argparse
import json
import os
import sys
import time

import numpy as np

# (rows, cols) of the main matrix, the one-entry DEFLATE matrix, and each of the many-entry ones.
SIZES = {
    "full": {"main": (16384, 16384), "deflate_one": (2048, 4096), "deflate_many": (1024, 1024)},
    "quick": {"main": (4096, 4096), "deflate_one": (1024, 2048), "deflate_many": (512, 512)},
}
MANY_ENTRIES = 8
SEED = 20240605
MANIFEST_VERSION = 1


def checksum(a):
    """Sum of the float32 bit patterns as unsigned 64-bit integers (exact, order-free)."""
    bits = np.ascontiguousarray(a, dtype="<f4").view("<u4")
    return int(bits.sum(dtype=np.uint64))


def flatten(value, prefix=""):
    """(key, value) pairs of nested dicts with dotted keys; lists become comma-separated values."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from flatten(inner, f"{prefix}{key}.")
    elif isinstance(value, list):
        yield prefix[:-1], ",".join(str(v) for v in value)
    else:
        yield prefix[:-1], value


def publish(tmp, final):
    os.replace(tmp, final)


def save_npy(path, array):
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        np.save(f, array)
    publish(tmp, path)


def save_npz(path, compressed, **arrays):
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        (np.savez_compressed if compressed else np.savez)(f, **arrays)
    publish(tmp, path)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=sorted(SIZES), default="full")
    parser.add_argument("--out", required=True, help="folder to write into")
    args = parser.parse_args()

    sizes = SIZES[args.mode]
    os.makedirs(args.out, exist_ok=True)
    started = time.monotonic()

    rows, cols = sizes["main"]
    main_array = np.random.default_rng(SEED).standard_normal((rows, cols), dtype=np.float32)
    flat = main_array.ravel()
    one_rows, one_cols = sizes["deflate_one"]
    deflate_one = flat[: one_rows * one_cols].reshape(one_rows, one_cols)
    many_rows, many_cols = sizes["deflate_many"]
    per_entry = many_rows * many_cols
    deflate_many = {
        f"a{i}": flat[i * per_entry: (i + 1) * per_entry].reshape(many_rows, many_cols) for i in range(MANY_ENTRIES)
    }
    if MANY_ENTRIES * per_entry > flat.size or deflate_one.size > flat.size:
        sys.exit("the npz slices are larger than the main array")

    save_npy(os.path.join(args.out, "le.npy"), main_array)
    save_npy(os.path.join(args.out, "be.npy"), main_array.astype(">f4"))
    save_npy(os.path.join(args.out, "fortran.npy"), np.asfortranarray(main_array))
    save_npz(os.path.join(args.out, "stored.npz"), False, a=main_array)
    save_npz(os.path.join(args.out, "deflate-one.npz"), True, a=deflate_one)
    save_npz(os.path.join(args.out, "deflate-many.npz"), True, **deflate_many)

    main_bytes = main_array.nbytes
    many_bytes = sum(a.nbytes for a in deflate_many.values())
    manifest = {
        "version": MANIFEST_VERSION,
        "mode": args.mode,
        "numpy": np.__version__,
        "shape": [rows, cols],
        "deflateOneShape": [one_rows, one_cols],
        "deflateManyShape": [many_rows, many_cols],
        "deflateManyEntries": MANY_ENTRIES,
        "checksums": {
            "main": checksum(main_array),
            "deflateOne": checksum(deflate_one),
            "deflateMany": {name: checksum(a) for name, a in deflate_many.items()},
        },
        # Bytes of array data each case moves (uncompressed for npz); GB/s = bytes / seconds / 1e9.
        "bytes": {
            "readNew": main_bytes,
            "readInto": main_bytes,
            "readMapped": main_bytes,
            "readBigEndian": main_bytes,
            "readFortran": main_bytes,
            "channelRead": main_bytes,
            "write": main_bytes,
            "writeStream": main_bytes,
            "writeExisting": main_bytes,
            "writeInPlace": main_bytes,
            "npzStored": main_bytes,
            "npzDeflateOne": deflate_one.nbytes,
            "npzDeflateMany": many_bytes,
            "npzWriteCompressed": many_bytes,
        },
    }
    tmp = os.path.join(args.out, "manifest.properties.tmp")
    with open(tmp, "w") as f:
        f.write("".join(f"{key}={value}\n" for key, value in flatten(manifest)))
    publish(tmp, os.path.join(args.out, "manifest.properties"))
    tmp = os.path.join(args.out, "manifest.json.tmp")
    with open(tmp, "w") as f:
        json.dump(manifest, f, indent=2)
    # The manifest goes last: its presence means every data file is complete.
    publish(tmp, os.path.join(args.out, "manifest.json"))
    print(f"bench data ({args.mode}) written to {args.out} in {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
