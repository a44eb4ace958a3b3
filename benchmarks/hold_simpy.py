#!/usr/bin/env python3
"""The hold model in SimPy, for comparison with `cohortsim bench hold`.

N processes wait in SimPy's event queue; each, when its timeout fires, counts one executed event
and waits again an exponential(1) time (Python's `random.expovariate`). The run stops after E
executed events. This is SimPy as a modeller would write it (one generator process per entity),
so the rate includes SimPy's process machinery, not only its heap. The time covers the E events
only, after the N processes have started.

Usage: hold_simpy.py [--pending N] [--events E] [--seed S]
Last line: hold pending=N events=E seconds=S events_per_s=X
"""

import argparse
import random
import time

import simpy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pending", type=int, default=1000, help="processes kept waiting (default 1000)")
    parser.add_argument("--events", type=int, default=1_000_000, help="events to execute (default 1000000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of Python's random (default 1)")
    args = parser.parse_args()
    if args.pending < 1 or args.events < 1:
        parser.error("--pending and --events must be at least 1")

    rng = random.Random(args.seed)
    expovariate = rng.expovariate
    env = simpy.Environment()
    done = env.event()
    state = {"executed": 0, "checksum": 0.0}

    def hold(env):
        timeout = env.timeout
        while True:
            yield timeout(expovariate(1.0))
            state["executed"] += 1
            state["checksum"] += env.now
            if state["executed"] == args.events:
                done.succeed()

    for _ in range(args.pending):
        env.process(hold(env))
    # Start each process (its Initialize event) before the clock starts: SimPy's per-process
    # start-up is slow enough to be 10-20% of a 1,000,000-event run at N = 100,000, and the
    # rate of executed events is what is compared. (cohortsim and hold_c include filling their
    # calendars in their time; for them it is under 1% of a 20,000,000-event run.)
    for _ in range(args.pending):
        env.step()
    start = time.perf_counter()
    env.run(until=done)
    seconds = time.perf_counter() - start

    print(f"checksum={state['checksum']:.6e} executed={state['executed']}")
    print(
        f"hold pending={args.pending} events={args.events} seconds={seconds:.3f} "
        f"events_per_s={round(args.events / seconds)}"
    )


if __name__ == "__main__":
    main()
