"""Benchmarks: documented commands that print figures (speed and memory are measured here,
never asserted in timed tests).

- `annotator bench quotes` (`annotator.bench.quotes`): extraction, articles per CPU second;
- `annotator bench stance` and `annotator bench learning-curve` (`annotator.bench.stance`);
- `annotator bench run` (`annotator.bench.run`): quotes, stance and the whole run on 1 and N
  processes, each configuration in a fresh process;
- `annotator bench studio` (`annotator.bench.studio`): push and pull against Label Studio.
"""
