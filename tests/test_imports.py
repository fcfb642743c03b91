"""``import factcheck`` stays light: heavy libraries load on first use."""

from __future__ import annotations

import subprocess
import sys


def test_import_does_not_load_spacy():
    heavy = "('spacy', 'rapidfuzz', 'sqlite_utils')"
    code = f"import sys, factcheck; print(any(m.split('.')[0] in {heavy} for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
