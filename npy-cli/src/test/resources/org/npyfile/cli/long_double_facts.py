# What numpy knows of the long-double arrays and archives LongDoubleCommandsTest has npy-cli read and
# copy; the test runs this in its one python process after the copies (through npy-fixtures' eval report).
import numpy as np


def identity(a):
    """dtype name and descr, shape, and each value's 80 significant bits after conversion to
    little-endian C order (significand, then sign and exponent), the padding left out."""
    b = np.ascontiguousarray(a, dtype=a.dtype.newbyteorder("<")).reshape(-1).view("<f16")
    words = b.view("<u8")
    return {"name": a.dtype.name, "descr": a.dtype.str, "shape": list(a.shape),
            "significands": [str(v) for v in words[0::2]],
            "signs_and_exponents": (words[1::2] & 0xFFFF).tolist()}


def stats(a):
    """numpy's exact extremes as it prints float128 scalars; mean and deviation in float64."""
    doubles = a.astype(np.float64)
    with np.errstate(all="ignore"):
        return {"min": str(np.nanmin(a)), "max": str(np.nanmax(a)), "nan": int(np.isnan(a).sum()),
                "nanmean": float(np.nanmean(doubles)), "nanstd": float(np.nanstd(doubles))}


def facts(a, path):
    if hasattr(a, "files"):
        return {key: dict(identity(a[key]), repr=repr(a[key]), str=str(a[key])) for key in a.files}
    out = identity(a)
    if a.dtype.kind == "f":
        out["stats"] = stats(a)
    return out
