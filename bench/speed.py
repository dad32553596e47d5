"""Throughput of tidings per stage and end to end: a thin wrapper over ``python -m tidings.bench``.

    python bench/speed.py [--mb 10] [--threads 1,2] [--repeat 3] [--peers]

See ``python -m tidings.bench --help``; kept so that old notes and scripts still work.
"""

import sys

from tidings.bench import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
