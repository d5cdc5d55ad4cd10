"""PyInstaller's entry script: the same `main()` as the `reviewapp` console script."""

import multiprocessing
import sys

from reviewapp.__main__ import main

if __name__ == "__main__":
    # The desktop app's analysis processes start this executable again: there it must run the
    # worker, not a second app (a no-op outside a frozen build).
    multiprocessing.freeze_support()
    sys.exit(main())
