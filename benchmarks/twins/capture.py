"""Write ``data.json``: what the app's pages show for the example set, as constants for the twins.

    python benchmarks/twins/capture.py

Each page is run once through ``app.py`` with AppTest on a fresh example database; its plotly
figures (as plotly JSON), tables (as rows) and plan messages (all of them, with how many were
open before the folded ones were opened) are kept. The twins draw those
with the same Streamlit calls and nothing of Rebound, so they show the same charts and tables.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DATA = HERE / "data.json"
PAGES = {
    "results": "app_pages/results.py",
    "progress": "app_pages/progress.py",
    "history": "app_pages/history.py",
    "next_steps": "app_pages/next_steps.py",
}


def table_rows(element) -> list[dict]:
    return json.loads(element.value.to_json(orient="records", date_format="iso"))


def capture(db_path: Path) -> dict:
    from streamlit.runtime.state.common import user_key_from_element_id
    from streamlit.testing.v1 import AppTest

    os.environ["REBOUND_DB"] = str(db_path)
    found: dict = {}
    for name, path in PAGES.items():
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.run()
        at.switch_page(path).run()
        if at.exception:
            raise RuntimeError(f"{path}: {at.exception[0].message}")
        shown_open = len(at.code)
        folded = [e for e in at.expander if e.label.startswith("Message to adapt and send")]
        for expander in folded:  # open the folded messages, as a click on each would
            at.session_state[user_key_from_element_id(expander.proto.id)] = True
        if folded:
            at.run()
        found[name] = {
            "charts": [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")],
            "tables": [table_rows(frame) for frame in at.dataframe],
            "messages": [code.value for code in at.code],
            "messages_open": shown_open,
            "accept_buttons": sum(b.label == "Accept: add to my plan" for b in at.button),
        }
    return found


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from assessment import examples, storage

    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "examples.db"
        db = storage.connect(db_path)
        examples.load_examples(db, today=dt.date.today())
        db.close()
        found = capture(db_path)
    DATA.write_text(json.dumps(found, indent=1) + "\n")
    print(f"Written to {DATA}")


if __name__ == "__main__":
    main()
