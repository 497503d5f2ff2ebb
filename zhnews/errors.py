"""Errors a user can cause and can fix: reported as one line, never a traceback."""


class ZhnewsError(Exception):
    """Base class: the message is shown to the user as is."""


class InputError(ZhnewsError):
    """An input that cannot be read as a newspaper page (names the file and why)."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class NotAnArticle(InputError):
    """An archive record that holds only page furniture (本版责编, captions):
    nothing is wrong with it, there is just no article to extract. Batch runs
    count these instead of reporting each as a failure."""
