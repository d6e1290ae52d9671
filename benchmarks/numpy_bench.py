#!/usr/bin/env python3
"""Times numpy in-process on the files make_data.py made, for the cases the JMH benchmarks measure.

Each case runs once untimed (warm page cache, warm allocator), then --runs times; the median counts.
Before every write, outside the timing, the output is deleted and os.sync() waits for writeback, so
each write creates a new file with the disk idle (the Java side does the same).
Prints JSON (also written to --json):

  {"numpy": "2.x", "python": "3.x", "runs": N,
   "cases": {"readNew": {"median_s": s, "times_s": [...], "bytes": n, "what": "np.load(le.npy)"}, ...}}

Cases (the names the Java benchmarks use):
  readNew             np.load of the <f4 file
  readInto            numpy's way to fill an existing array: parse the header with numpy.lib.format,
                      then readinto() the preallocated ndarray
  readMapped          np.copyto(dst, np.load(path, mmap_mode='r')) into a preallocated ndarray
  readBigEndian       np.load of the >f4 file + astype('<f4')
  readFortran         np.load of the Fortran-order file (numpy keeps the Fortran layout, as Java does)
  write               np.save of the matrix to a new file
  writeExisting       np.save of the matrix over an existing file of the same size
  npzStored           np.load(npz)['a'] of the stored entry
  npzDeflateOne       np.load(npz)['a'] of the DEFLATE entry
  npzDeflateMany      every entry of the many-entry DEFLATE archive
  npzWriteCompressed  np.savez_compressed of the many-entry archive's arrays

Run it with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (run.sh does): they slow a current numpy.
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import time

import numpy as np
from numpy.lib import format as npformat


def read_into(path, dst):
    with open(path, "rb", buffering=0) as f:
        version = npformat.read_magic(f)
        header = npformat.read_array_header_1_0 if version == (1, 0) else npformat.read_array_header_2_0
        shape, fortran_order, dtype = header(f)
        if shape != dst.shape or dtype != dst.dtype or fortran_order:
            raise ValueError(f"{path} holds {dtype} {shape}, expected {dst.dtype} {dst.shape}")
        view = memoryview(dst).cast("B")
        done = 0
        while done < len(view):
            n = f.readinto(view[done:])
            if not n:
                raise EOFError(f"{path} ended after {done} bytes")
            done += n
    return dst


def load_all(path):
    with np.load(path) as z:
        return [z[name] for name in z.files]


def load_entry(path, name):
    with np.load(path) as z:
        return z[name]


def cases(data, out):
    """(name, what, function, cleanup or None) for every case."""
    le, be, fortran = (os.path.join(data, f) for f in ("le.npy", "be.npy", "fortran.npy"))
    stored, one, many = (os.path.join(data, f) for f in ("stored.npz", "deflate-one.npz", "deflate-many.npz"))
    main = np.load(le)
    dst = np.empty_like(main)
    dst.fill(0)  # fault the pages in once: a caller's array is already in use
    with np.load(many) as z:
        many_arrays = {name: z[name] for name in z.files}
    npy_out = os.path.join(out, "numpy.write.npy")
    existing_out = os.path.join(out, "numpy.writeExisting.npy")
    npz_out = os.path.join(out, "numpy.npzWriteCompressed.npz")

    def remove(path):
        """Deletes the output and waits for writeback, as the Java benchmarks' Outputs state does."""
        def clean():
            if os.path.exists(path):
                os.remove(path)
            os.sync()
        return clean

    def keep(path):
        """Leaves a complete file at the path and waits for writeback: the next save replaces it."""
        def clean():
            if not os.path.exists(path):
                shutil.copyfile(le, path)
            os.sync()
        return clean

    return [
        ("readNew", "np.load(le.npy)", lambda: np.load(le), None),
        ("readInto", "read_array_header + readinto(dst)", lambda: read_into(le, dst), None),
        ("readMapped", "np.copyto(dst, np.load(le.npy, mmap_mode='r'))",
         lambda: np.copyto(dst, np.load(le, mmap_mode="r")), None),
        ("readBigEndian", "np.load(be.npy).astype('<f4')", lambda: np.load(be).astype("<f4"), None),
        ("readFortran", "np.load(fortran.npy)", lambda: np.load(fortran), None),
        ("write", "np.save(new file, matrix)", lambda: np.save(npy_out, main), remove(npy_out)),
        ("writeExisting", "np.save(existing file, matrix)", lambda: np.save(existing_out, main), keep(existing_out)),
        ("npzStored", "np.load(stored.npz)['a']", lambda: load_entry(stored, "a"), None),
        ("npzDeflateOne", "np.load(deflate-one.npz)['a']", lambda: load_entry(one, "a"), None),
        ("npzDeflateMany", "every entry of np.load(deflate-many.npz)", lambda: load_all(many), None),
        ("npzWriteCompressed", "np.savez_compressed(new file, **arrays)",
         lambda: np.savez_compressed(npz_out, **many_arrays), remove(npz_out)),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True, help="folder make_data.py wrote")
    parser.add_argument("--runs", type=int, default=7, help="timed runs per case (median reported)")
    parser.add_argument("--json", help="also write the JSON here")
    args = parser.parse_args()

    with open(os.path.join(args.data, "manifest.json")) as f:
        manifest = json.load(f)
    out = os.path.join(args.data, "out-numpy")
    os.makedirs(out, exist_ok=True)

    results = {}
    for name, what, run, cleanup in cases(args.data, out):
        times = []
        for i in range(args.runs + 1):
            if cleanup:
                cleanup()
            started = time.perf_counter()
            result = run()
            elapsed = time.perf_counter() - started
            del result
            if i > 0:  # the first run warms the page cache and the allocator
                times.append(elapsed)
        if cleanup:
            cleanup()
        median = statistics.median(times)
        nbytes = manifest["bytes"].get(name, manifest["bytes"]["write"])
        results[name] = {"median_s": median, "times_s": times, "bytes": nbytes, "what": what}
        print(f"  numpy {name:<20} {median * 1e3:9.1f} ms  {nbytes / median / 1e9:6.2f} GB/s", file=sys.stderr)

    report = {
        "numpy": np.__version__,
        "python": platform.python_version(),
        "runs": args.runs,
        "openblas_env": {k: os.environ[k] for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE") if k in os.environ},
        "cases": results,
    }
    text = json.dumps(report, indent=2)
    if args.json:
        with open(args.json, "w") as f:
            f.write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
