"""Screenshots of what people see: a seed article's HTML view (light and dark) and the example notebook.

    python bench/screenshots.py [OUT_DIR]          # default /tmp/tidings-screenshots

Needs a headless Chromium (Debian: ``apt-get install chromium``; not used in CI) and, for the notebook,
``pip install nbclient nbconvert ipykernel matplotlib networkx``. Writes the HTML pages and a PNG for each,
and prints their paths: look at them to check the look.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import tidings

ROOT = Path(__file__).resolve().parent.parent
PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>{title}</title></head>
<body style="margin:24px;{body}" {attrs}>{html}</body></html>"""


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    sys.exit("no Chromium found: apt-get install chromium (on this machine only, never in CI)")


def shoot(browser: str, page: Path, png: Path, width: int = 1280, height: int = 2000) -> None:
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--window-size={width},{height}", f"--screenshot={png}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    print(png)


def article_pages(out: Path) -> list[Path]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    doc = tidings.analyze(texts[0], date="2017-11-13")
    html = tidings.display(doc, limit=2500).html
    pages = []
    for name, body, attrs in (("article-light", "background:#fff;color:#1f2328", ""),
                              ("article-dark", "background:#1e1e1e;color:#d4d4d4", 'data-jp-theme-light="false"'),
                              ("article-unfolded", "background:#fff;color:#1f2328", "")):
        p = out / f"{name}.html"
        shown = html.replace("<details>", "<details open>") if name == "article-unfolded" else html
        p.write_text(PAGE.format(title=name, body=body, attrs=attrs, html=shown), encoding="utf-8")
        pages.append(p)
    t = out / "table-and-corpus.html"
    docs = tidings.analyze_many(texts, dates=["2017-11-13", None, "2017-11-14", "2018-07-13"])
    c = tidings.Corpus(docs, ids=[p.stem for p in sorted((ROOT / "seeds").glob("*.txt"))])
    parts = tidings.display(tidings.table(docs, "quotes")).html + c._repr_html_()
    t.write_text(PAGE.format(title="tables", body="background:#fff", attrs="", html=parts), encoding="utf-8")
    pages.append(t)
    return pages


def notebook_page(out: Path) -> Path | None:
    try:
        import nbclient
        import nbconvert
        import nbformat
    except ImportError:
        print("skipping the notebook: pip install nbclient nbconvert ipykernel", file=sys.stderr)
        return None
    nb = nbformat.read(ROOT / "examples" / "seeds.ipynb", as_version=4)
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    nbclient.NotebookClient(nb, timeout=600, resources={"metadata": {"path": str(ROOT / "examples")}}).execute()
    body, _ = nbconvert.HTMLExporter().from_notebook_node(nb)
    p = out / "notebook.html"
    p.write_text(body, encoding="utf-8")
    return p


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/tidings-screenshots")
    out.mkdir(parents=True, exist_ok=True)
    browser = chromium()
    for page in article_pages(out):
        shoot(browser, page, page.with_suffix(".png"), height=7000 if "unfolded" in page.name else 2200)
    nb = notebook_page(out)
    if nb is not None:
        shoot(browser, nb, nb.with_suffix(".png"), height=16000)


if __name__ == "__main__":
    main()
