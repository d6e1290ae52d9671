# numpy's answers for `npy hist`: numpy.histogram of the finite values (bool read as uint8, as numpy
# reads it), NaN and infinities counted apart; HistMatchesNumpyTest runs this in one python process.
import numpy as np


def histograms(a, path, variants):
    """One result per variant {"bins": n, "range": [lo, hi], "edges": [...]}: edges and counts as
    numpy.histogram gives them, or {"error": message} where numpy raises."""
    a = a.ravel()
    if a.dtype == np.bool_:
        a = a.astype(np.uint8)
    floating = a.dtype.kind == "f"
    finite = a[np.isfinite(a)] if floating else a
    apart = {
        "nan": int(np.isnan(a).sum()) if floating else 0,
        "posinf": int(np.isposinf(a).sum()) if floating else 0,
        "neginf": int(np.isneginf(a).sum()) if floating else 0,
    }
    results = []
    for v in variants:
        if "edges" in v:
            bins = np.array(v["edges"], dtype=np.float64)
        else:
            bins = v.get("bins", 10)
        value_range = tuple(float(x) for x in v["range"]) if "range" in v else None
        try:
            counts, edges = np.histogram(finite, bins=bins, range=value_range)
            result = {"edges": edges.tolist(), "counts": counts.tolist(), "dtype": edges.dtype.name}
            result.update(apart)
        except ValueError as e:
            result = {"error": str(e)}
        results.append(result)
    return results
