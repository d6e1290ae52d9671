"""Writes the pickle fuzz target's seed inputs: object arrays as numpy pickles them, with every
protocol, and the values the reader decodes. Run from this directory: python3 make_pickle_seeds.py
(numpy 1.26+). The seeds are committed; Jazzer runs them as regression cases in every build and
mutates them when fuzzing.
"""
import collections
import datetime
import decimal
import fractions
import os
import pickle

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "PickleFuzzTestInputs", "fuzzPickle")


def objarr(*values):
    a = np.empty(len(values), dtype=object)
    for i, v in enumerate(values):
        a[i] = v
    return a


VALUES = {
    "plain": objarr(None, True, 2**70, -5, 1.5, float("nan"), "\u00fc", b"\x00b", (1, "a"), [1, [2]], {"k": (1,)}),
    "containers": objarr({3}, frozenset([4]), complex(1, 2), bytearray(b"z"), slice(1, None, 2), range(0, 9, 3),
                         collections.OrderedDict(a=1), collections.defaultdict(list, {"k": [1]}),
                         collections.deque([1], 3)),
    "stdlib": objarr(datetime.datetime(2020, 1, 2, 3, 4, 5, 6, tzinfo=datetime.timezone.utc), datetime.date(2020, 1, 2),
                     datetime.time(1, 2), datetime.timedelta(1, 2, 3), decimal.Decimal("2.5"),
                     fractions.Fraction(1, 3), len),
    "arrays": objarr(np.arange(4, dtype=">i4"), np.asfortranarray(np.arange(6.0).reshape(2, 3)),
                     np.array(["ab"]), np.float32(1.5), np.dtype([("x", "<i2"), ("y", ">f8", (2,))]),
                     np.array([(1, "x")], dtype=[("i", "<i4"), ("o", "O")]), np.array([1], dtype="M8[10ms]")),
}

os.makedirs(OUT, exist_ok=True)
for name, value in VALUES.items():
    for protocol in range(6):
        with open(os.path.join(OUT, "%s-p%d" % (name, protocol)), "wb") as f:
            f.write(pickle.dumps(value, protocol=protocol))
