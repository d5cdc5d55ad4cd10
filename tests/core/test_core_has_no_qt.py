from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.subprocess
def test_importing_and_running_the_core_never_imports_qt(data_dir):
    code = (
        "import sys; import reviewapp.core as c; "
        f"c.Analyzer().analyze(c.load_path({str(data_dir / 'openai-foxconn.txt')!r})); "
        "import reviewapp.cli; "
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))); "
        "assert not bad, bad; print('clean')"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "clean"
