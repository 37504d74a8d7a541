#!/usr/bin/env python3
"""Writes real other writers' digits as labelled scans, for `evaluate --images` and `train --images`.

    bench/uci_digits.py OUTPUT [--size 8] [--tune 30] [--csv FILE]

The UCI "optical recognition of handwritten digits" test set (1,797 digits by 13 writers, none of them
MNIST's), in the copy scikit-learn ships (Debian's python3-sklearn: FILE defaults to
/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz): each digit is 8x8 pixels of 17 grey
levels (0 paper to 16 ink), then its label. Each is written as a PNG of dark ink on white paper,
OUTPUT/all/<digit>/<row>.png, at 8x8 or, with --size S, enlarged bilinearly to SxS. With --tune N, the
first N of each digit (in file order) go to OUTPUT/tune/<digit>/ instead, to fine-tune on, and the rest to
OUTPUT/check/<digit>/. Python 3 alone.
"""
import argparse
import csv
import gzip
import os
import struct
import zlib

SKLEARN_COPY = "/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz"


def png(path, rows):
    """A greyscale PNG of rows of 0..255 values."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(row) for row in rows)
    header = struct.pack(">IIBBBBB", len(rows[0]), len(rows), 8, 0, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def enlarged(ink, size):
    """The 8x8 ink values interpolated bilinearly between pixel centres to size x size, the edges held."""
    n = len(ink)

    def taps(t):
        f = min(n - 1, max(0.0, (t + 0.5) * n / size - 0.5))
        near = int(f)
        return near, min(n - 1, near + 1), f - near

    out = []
    for y in range(size):
        y0, y1, ty = taps(y)
        row = []
        for x in range(size):
            x0, x1, tx = taps(x)
            top = ink[y0][x0] * (1 - tx) + ink[y0][x1] * tx
            bottom = ink[y1][x0] * (1 - tx) + ink[y1][x1] * tx
            row.append(top * (1 - ty) + bottom * ty)
        out.append(row)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output")
    parser.add_argument("--size", type=int, default=8)
    parser.add_argument("--tune", type=int, default=0)
    parser.add_argument("--csv", default=SKLEARN_COPY)
    args = parser.parse_args()
    if not os.path.exists(args.csv):
        parser.error(f"{args.csv}: no such file (apt-get install python3-sklearn, or give --csv)")
    seen = [0] * 10
    with gzip.open(args.csv, "rt") as f:
        for index, values in enumerate(csv.reader(f)):
            label = int(float(values[64]))
            ink = [[float(v) / 16 for v in values[r * 8:(r + 1) * 8]] for r in range(8)]
            if args.size != 8:
                ink = enlarged(ink, args.size)
            part = "all" if not args.tune else "tune" if seen[label] < args.tune else "check"
            seen[label] += 1
            folder = os.path.join(args.output, part, str(label))
            os.makedirs(folder, exist_ok=True)
            png(os.path.join(folder, f"{index:05d}.png"), [[round(255 * (1 - v)) for v in row] for row in ink])
    print(f"wrote {sum(seen)} digits ({', '.join(map(str, seen))} of 0 to 9) under {args.output}")


if __name__ == "__main__":
    main()
