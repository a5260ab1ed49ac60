"""Run a program in a detached tmux pane and read what a person would see."""

from __future__ import annotations

import os
import subprocess
import time
import uuid


class Pane:
    def __init__(self, command: str, width: int = 80, height: int = 24, env: dict | None = None):
        self.name = f"bench-{uuid.uuid4().hex[:8]}"
        exports = " ".join(f"{k}={v}" for k, v in (env or {}).items())
        args = ["tmux", "new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height)]
        args.append(f"{exports} {command}; sleep 600")
        for _ in range(50):
            # A tmux server that is shutting down after the last session refuses new ones.
            self.started = time.perf_counter()
            if subprocess.run(args, capture_output=True).returncode == 0:
                return
            time.sleep(0.1)
        raise RuntimeError("tmux would not start a session")

    def text(self) -> str:
        return subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.name], capture_output=True, text=True
        ).stdout

    def wait_for(self, needle: str, timeout: float = 20.0) -> float:
        """Seconds from start until `needle` is on screen."""
        while time.perf_counter() - self.started < timeout:
            if needle in self.text():
                return time.perf_counter() - self.started
            time.sleep(0.002)
        raise TimeoutError(needle)

    def pid(self) -> int:
        """The pid of the program in the pane (the shell's child)."""
        shell = subprocess.run(
            ["tmux", "display-message", "-p", "-t", self.name, "#{pane_pid}"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        children = subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True).stdout
        return int(children.split()[0])

    def keys(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")
