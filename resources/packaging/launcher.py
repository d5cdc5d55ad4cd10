"""PyInstaller's entry script: the same `main()` as the `reviewapp` console script."""

import sys

from reviewapp.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
