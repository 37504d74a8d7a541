#!/usr/bin/env python3
"""PyTorch CPU training-throughput baseline for the "Deep MNIST for Experts" CNN.

Trains on synthetic data (no dataset download) and reports images/second.
"""
import argparse
import json
import resource
import statistics
import sys
import time

BATCH_SIZE = 50
POOL_BATCHES = 20

try:
    import torch
    import torch.nn as nn
except Exception as e:  # ImportError or a broken installation
    print("torch_baseline: PyTorch is not installed (import torch failed: %s); "
          "on Debian: apt-get install -y python3-torch" % e, file=sys.stderr)
    sys.exit(3)


class DeepMnist(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 5, stride=1, padding=2)
        self.conv2 = nn.Conv2d(32, 64, 5, stride=1, padding=2)
        self.pool = nn.MaxPool2d(2, 2)
        self.fc1 = nn.Linear(64 * 7 * 7, 1024)
        self.dropout = nn.Dropout(p=0.5)
        self.fc2 = nn.Linear(1024, 10)
        self.relu = nn.ReLU()
        for m in (self.conv1, self.conv2, self.fc1, self.fc2):
            nn.init.trunc_normal_(m.weight, std=0.1, a=-0.2, b=0.2)
            nn.init.constant_(m.bias, 0.1)

    def forward(self, x):
        x = self.pool(self.relu(self.conv1(x)))
        x = self.pool(self.relu(self.conv2(x)))
        x = torch.flatten(x, 1)
        x = self.dropout(self.relu(self.fc1(x)))
        return self.fc2(x)


def blas_libraries():
    """The BLAS this process loaded: PyTorch's Linear layers run on it (Debian's reference BLAS is slow)."""
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "blas" in line or "mkl" in line}
    except OSError:
        return "unknown"
    return ", ".join(sorted(paths)) or "none found"


def parse_args():
    p = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    p.add_argument("--threads", type=int, default=torch.get_num_threads(),
                   help="intra-op threads (torch.set_num_threads)")
    p.add_argument("--steps", type=int, default=200, help="training steps per timed repeat")
    p.add_argument("--warmup", type=int, default=30, help="untimed warm-up steps")
    p.add_argument("--repeats", type=int, default=3, help="number of timed repeats")
    p.add_argument("--seed", type=int, default=42, help="random seed")
    p.add_argument("--json", metavar="FILE", default=None, help="write results as JSON to FILE")
    return p.parse_args()


def main():
    args = parse_args()
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)

    images = torch.rand(POOL_BATCHES, BATCH_SIZE, 1, 28, 28)
    labels = torch.randint(0, 10, (POOL_BATCHES, BATCH_SIZE))

    model = DeepMnist()
    model.train()
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)

    step_index = 0

    def run(n):
        nonlocal step_index
        for _ in range(n):
            i = step_index % POOL_BATCHES
            step_index += 1
            optimizer.zero_grad()
            loss = loss_fn(model(images[i]), labels[i])
            loss.backward()
            optimizer.step()
        return loss.item() if n else float("nan")

    run(args.warmup)

    rates = []
    for r in range(args.repeats):
        t0 = time.perf_counter()
        loss = run(args.steps)
        seconds = time.perf_counter() - t0
        rate = args.steps * BATCH_SIZE / seconds
        rates.append(rate)
        print("repeat %d/%d: %d steps in %.3f s, %.1f images/s (loss %.4f)"
              % (r + 1, args.repeats, args.steps, seconds, rate, loss))

    median = statistics.median(rates) if rates else 0.0
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("pytorch %s, threads %d, batch %d: median %.1f images/s, peak RSS %.1f MB"
          % (torch.__version__, args.threads, BATCH_SIZE, median, peak_rss_mb))

    if args.json:
        result = {
            "framework": "pytorch",
            "torch_version": torch.__version__,
            "threads": args.threads,
            "batch_size": BATCH_SIZE,
            "steps_per_repeat": args.steps,
            "repeats_images_per_second": rates,
            "median_images_per_second": median,
            "peak_rss_mb": peak_rss_mb,
            "blas": blas_libraries(),
        }
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
