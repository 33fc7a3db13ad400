"""A headless Chromium driven over the DevTools protocol on a pipe (no extra package):
open a page, collect its console errors, uncaught exceptions and network requests,
evaluate JavaScript in it, and take screenshots.

    with Browser() as browser:
        page = browser.open("file:///tmp/page.html")
        page.evaluate("document.title"); page.screenshot(path); page.errors
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import shutil
import subprocess
import tempfile
import time

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
WINDOW = (1280, 900)


def find_chromium() -> str | None:
    """The browser to use: $NEWSAN_CHROMIUM, else the first of CANDIDATES on PATH."""
    named = os.environ.get("NEWSAN_CHROMIUM")
    if named:
        return shutil.which(named)
    return next((path for path in map(shutil.which, CANDIDATES) if path), None)


class BrowserError(Exception):
    pass


class Browser:
    def __init__(self, executable: str | None = None, timeout: float = 30.0):
        self.executable = executable or find_chromium()
        if not self.executable:
            raise BrowserError("no Chromium found")
        self.timeout = timeout
        self.next_id = 0
        self.events: list[dict] = []

    def __enter__(self) -> "Browser":
        self.profile = tempfile.mkdtemp(prefix="newsan-chromium-")
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()

        def give_pipes():  # the protocol pipe is fd 3 (commands in) and fd 4 (replies out)
            commands, replies = (fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_browser_read, from_browser_write))
            os.dup2(commands, 3)
            os.dup2(replies, 4)

        arguments = [self.executable, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
                     "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                     "--disable-background-networking", "--disable-sync", "--hide-scrollbars",
                     "--disable-dev-shm-usage",
                     f"--user-data-dir={self.profile}", f"--window-size={WINDOW[0]},{WINDOW[1]}", "about:blank"]
        self.process = subprocess.Popen(arguments, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, preexec_fn=give_pipes, close_fds=False)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.buffer = b""
        return self

    def __exit__(self, *exc) -> None:
        try:
            self.send("Browser.close", wait=False)
        except OSError:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self.to_browser, self.from_browser):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)

    # ---- the protocol ---------------------------------------------------------------------
    def send(self, method: str, params: dict | None = None, session: str | None = None, wait: bool = True) -> dict:
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        if not wait:
            return {}
        sent = self.next_id
        reply = self.wait_for(lambda m: m.get("id") == sent)
        if "error" in reply:
            raise BrowserError(f"{method}: {reply['error'].get('message')}")
        return reply.get("result", {})

    def wait_for(self, wanted) -> dict:
        """Read messages (keeping the events) until one for which `wanted` is true."""
        deadline = time.monotonic() + self.timeout
        while True:
            while b"\0" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\0", 1)
                message = json.loads(raw)
                if "method" in message:
                    self.events.append(message)
                if wanted(message):
                    return message
            if time.monotonic() > deadline:
                raise BrowserError("the browser did not answer in time")
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise BrowserError("the browser closed the pipe")
            self.buffer += chunk

    def open(self, url: str) -> "Page":
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session)
        for domain in ("Page", "Runtime", "Log", "Network"):
            page.send(f"{domain}.enable")
        page.send("Emulation.setDeviceMetricsOverride",
                  {"width": WINDOW[0], "height": WINDOW[1], "deviceScaleFactor": 1, "mobile": False})
        page.navigate(url)
        return page


class Page:
    def __init__(self, browser: Browser, session: str):
        self.browser = browser
        self.session = session

    def send(self, method: str, params: dict | None = None) -> dict:
        return self.browser.send(method, params, self.session)

    def navigate(self, url: str) -> None:
        self.send("Page.navigate", {"url": url})
        self.browser.wait_for(lambda m: m.get("method") == "Page.loadEventFired" and m.get("sessionId") == self.session)
        self.browser.events = [e for e in self.browser.events if e.get("method") != "Page.loadEventFired"]

    def evaluate(self, expression: str):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True})
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression[:60]}: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def screenshot(self, path, full_page: bool = False, selector: str | None = None) -> None:
        """The viewport; the whole page; or the box of the first element `selector` matches."""
        params = {"format": "png", "captureBeyondViewport": full_page or selector is not None}
        if selector:
            box = self.evaluate(f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
                                ".getBoundingClientRect(); "
                                "return [r.left + scrollX, r.top + scrollY, r.width, r.height]; })()")
            params["clip"] = dict(zip(("x", "y", "width", "height"), box), scale=1)
        with open(path, "wb") as out:
            out.write(base64.b64decode(self.send("Page.captureScreenshot", params)["data"]))

    def _mine(self, method: str) -> list[dict]:
        return [e["params"] for e in self.browser.events
                if e.get("method") == method and e.get("sessionId") == self.session]

    @property
    def errors(self) -> list[str]:
        """Uncaught exceptions, console.error/warn calls and the browser's own errors
        (a resource that failed to load, a blocked request ...)."""
        found = [e["exceptionDetails"].get("exception", {}).get("description") or e["exceptionDetails"]["text"]
                 for e in self._mine("Runtime.exceptionThrown")]
        found += [" ".join(str(a.get("value", a.get("description", ""))) for a in e["args"])
                  for e in self._mine("Runtime.consoleAPICalled") if e["type"] in ("error", "warning", "assert")]
        found += [e["entry"]["text"] for e in self._mine("Log.entryAdded")
                  if e["entry"]["level"] in ("error", "warning")]
        return found

    @property
    def requests(self) -> list[str]:
        """Every URL the page asked for."""
        return [e["request"]["url"] for e in self._mine("Network.requestWillBeSent")]
