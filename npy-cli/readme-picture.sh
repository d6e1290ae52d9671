#!/usr/bin/env bash
# Draws docs/digits.png, the picture in the README, with `npy view` from the bundled digits archive:
# the first 16 of its 8 x 8 images, each pixel drawn 8 x 8. Run it after changing how `npy view`
# draws; ReadmePictureTest fails while the committed picture differs from what the tool draws.
set -euo pipefail
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$root/docs"
cd "$root"
./npy view examples/data/digits.npz:images --grid 16 --scale 8 -o docs/digits.png
