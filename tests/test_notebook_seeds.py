"""The example notebook runs headless from top to bottom without an error, and is committed without outputs."""

import json
import os
import sys

import pytest
from conftest import ROOT

NOTEBOOK = ROOT / "examples" / "seeds.ipynb"


def test_notebook_is_committed_without_outputs():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code
    for c in code:
        assert c.get("outputs") == [] and c.get("execution_count") is None, "strip the outputs before committing"


def test_notebook_runs_clean(monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    pytest.importorskip("networkx")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # the kernel is this interpreter, so it imports the tidings under test; ipykernel draws plots inline
    monkeypatch.delenv("MPLBACKEND", raising=False)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(p for p in sys.path if p))
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(ROOT / "examples")}})
    client.execute()  # raises CellExecutionError on the first cell that fails
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any('class="tdg tidings"' in h and "<details>" in h for h in html), "the article view is shown, folded"
    assert any(o.get("data", {}).get("image/png") for o in outputs), "the plots are drawn"
