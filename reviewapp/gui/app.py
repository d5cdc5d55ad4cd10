"""Start the desktop app (`reviewapp`, `reviewapp open FILE... [--screenshot OUT.png]`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import __version__
from ..core import ReviewAppError
from ..core.review import Reviewer
from ..core.settings import (
    UserSettings,
    load_user_settings,
    record_location,
    save_user_settings,
    settings_path,
)
from ..core.store import default_db_path
from ..core.store.locations import open_store
from ..interpreter import collect_less
from .document.tab import DocumentTab
from .icons import app_icon
from .main_window import MainWindow
from .workers import analysis_processes, wait_for_workers

SCREENSHOT_TIMEOUT_MS = 60_000


def build_window(args: argparse.Namespace, settings: QSettings | None = None) -> MainWindow:
    settings = settings or QSettings("reviewapp", "reviewapp")
    user = load_user_settings() if settings_path().exists() else _moved_preferences(settings)
    reviewer = Reviewer.configured(getattr(args, "policy", None), user)
    location = record_location(getattr(args, "db", None), user, reviewer.policy.store_url, default_db_path())
    # The editor keeps editing when the review server is down: the window opens and says so.
    store = open_store(location, offline_ok=True)
    window = MainWindow(reviewer, store, settings, user)
    offline = getattr(store, "offline", None)
    if offline:
        window.status.showMessage(f"Review server: {offline}", 15000)
        problems = []
    else:
        problems = store.chain_problems()  # went backwards since last seen here, or changed
    if problems:
        window.show_error(
            "The review record does not verify",
            "The review record does not verify: it was changed outside reviewapp, or an older copy "
            "was put back. No draft is publishable on it until an administrator looks into it "
            "(`reviewapp audit verify` lists every problem).\n\n" + "\n".join(problems),
        )
    for path in getattr(args, "paths", []) or []:
        window.open_path(path)
    return window


def _moved_preferences(settings: QSettings) -> UserSettings:
    """Grammar preferences that earlier versions kept in Qt's settings, now in the settings file
    every front end reads (moved once, on the first start without that file)."""
    user = UserSettings().with_values(
        grammar_mode=str(settings.value("grammar/mode", "", type=str)),
        grammar_server_url=str(settings.value("grammar/server_url", "", type=str)),
        languagetool_dir=str(settings.value("grammar/languagetool_dir", "", type=str)),
        dictionary=str(settings.value("grammar/dictionary", "", type=str)),
    )
    if user != UserSettings():
        save_user_settings(user)
        settings.remove("grammar")
    return user


# How long a thread holding Python's lock runs before another that waits may take it.
# The analysis runs in a worker thread; each key typed meanwhile needs the lock a few
# times (the highlighter, the edit signals), and waited up to 5 ms (Python's default)
# each time. Keys typed during a re-analysis of a 100,000-word draft paint within 8-13 ms
# at the 90th percentile at 0.5 ms, 14-16 ms at 1 ms and 75-88 ms at 5 ms; an edit's
# review, now mostly C-level passes over the findings, is no slower for it (once 0.5 ms
# made a long one take 318 ms against 232-279: benchmarks/HISTORY.md).
SWITCH_INTERVAL_S = 0.0005


def tune_interpreter() -> None:
    """Share Python's lock in small slices, so typing stays smooth while a draft is analysed; run
    the cycle collector less often (see interpreter.py)."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    collect_less()


def run(args: argparse.Namespace) -> int:
    tune_interpreter()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("reviewapp")
    app.setOrganizationName("reviewapp")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    # Wayland matches windows to io.github.reviewapp.desktop (and so to its icon) by this name.
    app.setDesktopFileName("io.github.reviewapp")
    # First: a review still running uses the processes, and Python must not end under a worker.
    app.aboutToQuit.connect(wait_for_workers)
    processes = analysis_processes()
    if processes is not None:  # started now, they are ready when the first draft is read
        processes.start()
        app.aboutToQuit.connect(processes.close)
    try:
        window = build_window(args)
    except ReviewAppError as exc:
        print(f"reviewapp: {exc}", file=sys.stderr)
        if not args.screenshot:  # started from a desktop menu, nobody reads stderr
            QMessageBox.critical(None, "reviewapp cannot start", str(exc))
        return 2
    window.show()
    app.aboutToQuit.connect(window.recovery.finish)  # however the app ends cleanly
    if args.screenshot:
        return _screenshot(app, window, Path(args.screenshot), first=args.at == "highlighted")
    window.offer_recovery()  # the unsaved drafts of a run that crashed, if any
    return app.exec()


def _screenshot(app: QApplication, window: MainWindow, out: Path, first: bool = False) -> int:
    """Wait until every draft is analysed (`first`: shows its first highlights), save a picture
    of the window, quit."""
    status = {"code": 1}

    def shown(tab: DocumentTab) -> bool:
        analysed = tab.review is not None and not tab.scheduler.running
        return analysed or (first and bool(tab.editor.findings))

    def poll() -> None:
        tabs = window.tab_list()
        if all(map(shown, tabs)):
            timer.stop()
            app.processEvents()
            ok = window.grab().save(str(out))
            status["code"] = 0 if ok else 1
            if not ok:
                print(f"reviewapp: cannot write {out}", file=sys.stderr)
            app.quit()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(50)
    QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, app.quit)
    app.exec()
    processes = analysis_processes()
    if processes is not None and processes.problem:  # said here: the packaging smoke test reads it
        print(f"reviewapp: {processes.problem}", file=sys.stderr)
    return status["code"]
