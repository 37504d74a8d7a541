#!/usr/bin/env python3
"""Reads what bench/round-overhead.sh left in OUTPUT and writes OUTPUT/rounds.csv and OUTPUT/summary.md.

From Spark's event log of each run (events/LABEL-N-REPEAT/app-*), for each averaging round (a job whose
description starts with "train: averaging round"):
  period      the time from the round's job submission to the next round's: everything the round costs,
              the driver's broadcast, collection and averaging included;
  training    the longest time any of the round's training tasks (its first stage) spent training: the
              task's run time less the time it spent reading broadcasts (from the executor's log) and
              writing shuffle output;
  overhead    period - training: what the round costs besides training;
  broadcast   the longest time any training task of the round spent reading broadcasts (part of overhead);
  driver MB   what the driver received a round, in 10^6 bytes: the run's driver_bytes_per_round from its
              metrics.json (the partial sums it took through the block manager), or, for code that
              predates it and got the workers' results as task results, their bytes (Spark's resultSize);
  copies      likewise driver_copies_per_round, or the round's result tasks: how many copies of the state
              reached the driver.
The first two rounds (networks built, code compiled) and the last (no next round) are left out.
"""
import csv
import glob
import json
import os
import re
import statistics
import sys

WARM_UP = 2
RUNNING = re.compile(r"Running task \S+ in stage \S+ \(TID (\d+)\)")
BROADCAST = re.compile(r"Reading broadcast variable \d+ took (\d+) ms")
FINISHED = re.compile(r"Finished task \S+ in stage \S+ \(TID (\d+)\)")


def broadcast_millis(cluster, app_id):
    """Milliseconds each task (by TID) spent reading broadcasts, from the executors' logs."""
    millis = {}
    for stderr in glob.glob(os.path.join(cluster, "work-*", app_id, "*", "stderr")):
        task = None
        with open(stderr, errors="replace") as log:
            for line in log:
                if m := RUNNING.search(line):
                    task = int(m.group(1))
                elif (m := BROADCAST.search(line)) and task is not None:
                    millis[task] = millis.get(task, 0) + int(m.group(1))
                elif FINISHED.search(line):
                    task = None
    return millis


def received(run_dir):
    """The driver's bytes and copies a round, from the run's metrics.json; None where it does not count them."""
    try:
        with open(os.path.join(run_dir, "metrics.json")) as f:
            metrics = json.load(f)
    except FileNotFoundError:
        return None
    if metrics.get("driver_bytes_per_round") is None:
        return None
    return metrics["driver_bytes_per_round"], metrics["driver_copies_per_round"]


def rounds_of(event_log, cluster, counted):
    jobs, tasks, app_id = {}, [], None
    with open(event_log) as log:
        for line in log:
            event = json.loads(line)
            kind = event["Event"]
            if kind == "SparkListenerApplicationStart":
                app_id = event["App ID"]
            elif kind == "SparkListenerJobStart":
                description = (event.get("Properties") or {}).get("spark.job.description") or ""
                if description.startswith("train: averaging round"):
                    jobs[event["Job ID"]] = {"submitted": event["Submission Time"], "stages": set(event["Stage IDs"])}
            elif kind == "SparkListenerTaskEnd" and event["Task End Reason"]["Reason"] == "Success":
                tasks.append(event)
    broadcasts = broadcast_millis(cluster, app_id)
    ordered = [jobs[j] for j in sorted(jobs)]
    rows = []
    for index, (job, following) in enumerate(zip(ordered, ordered[1:])):
        if index < WARM_UP:
            continue
        mine = [t for t in tasks if t["Stage ID"] in job["stages"]]
        first_stage = min(t["Stage ID"] for t in mine)
        workers = [t for t in mine if t["Stage ID"] == first_stage]
        training = max(t["Task Metrics"]["Executor Run Time"] - broadcasts.get(t["Task Info"]["Task ID"], 0)
                       - t["Task Metrics"]["Shuffle Write Metrics"]["Shuffle Write Time"] / 1e6 for t in workers)
        period = following["submitted"] - job["submitted"]
        rows.append({"round": index + 1, "period_ms": period, "training_ms": round(training),
                     "overhead_ms": round(period - training),
                     "broadcast_ms": max(broadcasts.get(t["Task Info"]["Task ID"], 0) for t in workers),
                     "driver_bytes": counted[0] if counted else sum(t["Task Metrics"]["Result Size"] for t in mine),
                     "copies": counted[1] if counted else sum(t["Task Type"] == "ResultTask" for t in mine),
                     "stages": len({t["Stage ID"] for t in mine})})
    return rows


def main(output):
    cluster = os.path.join(output, "cluster")
    rows = []
    for folder in sorted(glob.glob(os.path.join(output, "events", "*"))):
        label, executors, repeat = os.path.basename(folder).rsplit("-", 2)
        # A log still named .inprogress is a run that has not ended.
        counted = received(os.path.join(output, "runs", os.path.basename(folder)))
        for event_log in glob.glob(os.path.join(folder, "app-*[0-9]")):
            for row in rounds_of(event_log, cluster, counted):
                rows.append({"version": label, "executors": int(executors), "repeat": int(repeat), **row})
    with open(os.path.join(output, "rounds.csv"), "w", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    lines = ["| version | executors | rounds | period (ms) | training (ms) | overhead (ms) | overhead per repeat (ms) | of which broadcast (ms) | driver MB a round | copies a round | stages a round |",
             "|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|"]
    for key in sorted({(r["version"], r["executors"]) for r in rows}, key=lambda k: (k[1], k[0])):
        mine = [r for r in rows if (r["version"], r["executors"]) == key]
        per_repeat = " ".join(str(round(statistics.median(r["overhead_ms"] for r in mine if r["repeat"] == n)))
                              for n in sorted({r["repeat"] for r in mine}))
        med = lambda field: statistics.median(r[field] for r in mine)
        lines.append(f"| {key[0]} | {key[1]} | {len(mine)} | {med('period_ms'):.0f} | {med('training_ms'):.0f} | "
                     f"{med('overhead_ms'):.0f} | {per_repeat} | {med('broadcast_ms'):.0f} | {med('driver_bytes') / 1e6:.1f} | {med('copies'):.0f} | {med('stages'):.0f} |")
    with open(os.path.join(output, "summary.md"), "w") as out:
        out.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "runs/round-overhead")
