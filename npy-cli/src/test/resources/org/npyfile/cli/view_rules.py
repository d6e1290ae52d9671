# The pixels `npy view` must draw, computed with numpy from the rules its help and README state;
# ViewMatchesNumpyTest runs this in its one python process (through npy-fixtures' eval report).
import os

import numpy as np

NAN, POSITIVE_INFINITY, NEGATIVE_INFINITY, GAP = (255, 0, 255), (255, 0, 0), (0, 0, 255), (128, 128, 128)


def load_maps(path):
    """The colour maps: gray, and the tables of colormaps.txt, each value v as the byte round(255 v)."""
    maps = {"gray": [(v, v, v) for v in range(256)]}
    name = None
    for line in open(path):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            name = line[1:-1]
            maps[name] = []
            continue
        maps[name].append(tuple(int(np.floor(255 * float(x) + 0.5)) for x in line.split()))
    return maps


def block_means(image, k):
    """numpy's mean of each k x k block (fewer rows and columns at the bottom and right edges)."""
    h, w = image.shape[:2]
    rows, cols = -(-h // k), -(-w // k)
    out = np.empty((rows, cols) + image.shape[2:])
    for r in range(rows):
        for c in range(cols):
            out[r, c] = image[r * k:(r + 1) * k, c * k:(c + 1) * k].astype(np.float64).mean(axis=(0, 1))
    return out


def special(v):
    return NAN if np.isnan(v) else POSITIVE_INFINITY if v > 0 else NEGATIVE_INFINITY


def expected(a, case, maps):
    """Per pixel of the PNG: the colours it may have (one, or three neighbouring levels where values are
    scaled), as [[r, g, b, alpha], ...]."""
    rgb = a.ndim >= 3 and a.shape[-1] in (3, 4) and (a.dtype == np.uint8 or a.dtype.kind == "f")
    plane = 3 if rgb else 2
    lead = a.ndim - plane
    index = tuple(case.get("index", []))
    stack = a[index].reshape((-1,) + a.shape[lead:])
    tiles = stack[:max(case.get("grid", 0), 1)]
    k = case.get("factor", 1)
    means = [block_means(t, k) for t in tiles]
    if rgb:
        rule = "bytes" if a.dtype == np.uint8 else "fractions"
    else:
        rule = "bool" if a.dtype == np.bool_ else "scaled"
    default_map = "gray" if a.dtype in (np.bool_, np.uint8) else "viridis"
    cmap = maps[case.get("cmap") or default_map]
    if "range" in case:
        lo, hi = case["range"]
    else:
        finite = np.concatenate([m[np.isfinite(m)] for m in means])
        lo, hi = (finite.min(), finite.max()) if finite.size else (0.0, 0.0)
    tol = case.get("tolerance", 1)

    def colours(v):
        if rgb:
            v = np.asarray(v)
            if np.isnan(v).any():
                return [NAN + (255,)]
            if np.isinf(v).any():
                return [special(v[np.isinf(v)][-1]) + (255,)]
            if rule == "bytes":
                b = [int(np.floor(x + 0.5)) for x in v]
            else:
                b = [int(np.floor(255 * min(1.0, max(0.0, x)) + 0.5)) for x in v]
            return [tuple(b[:3]) + ((b[3],) if len(b) == 4 else (255,))]
        if not np.isfinite(v):
            return [special(v) + (255,)]
        if rule == "bool":
            levels = [int(np.floor(255 * v + 0.5))]
        else:
            level = 0 if not hi > lo else int(min(255, max(0, np.floor((v - lo) / (hi - lo) * 256))))
            levels = range(max(0, level - tol), min(255, level + tol) + 1)
        return [cmap[l] + (255,) for l in levels]

    n = len(means)
    columns = int(np.ceil(np.sqrt(n)))
    rows = -(-n // columns)
    th, tw = means[0].shape[:2]
    height, width = rows * th + rows - 1, columns * tw + columns - 1
    canvas = [[[GAP + (255,)] for _ in range(width)] for _ in range(height)]
    for t, m in enumerate(means):
        y0, x0 = t // columns * (th + 1), t % columns * (tw + 1)
        for r in range(th):
            for c in range(tw):
                canvas[y0 + r][x0 + c] = colours(m[r, c])
    return canvas



def expected_for(a, path, rules, maps_path):
    """The canvas of the case named after the file."""
    return expected(a, rules[os.path.basename(path)], load_maps(maps_path))
