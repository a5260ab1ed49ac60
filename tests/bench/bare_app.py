"""The baseline for launch time: a bare Textual app showing one line."""

from textual.app import App
from textual.widgets import Static


class Bare(App[None]):
    def compose(self):
        yield Static("What do you need right now?")


if __name__ == "__main__":
    Bare().run()
