"""Errors a user can cause and can fix: reported as one line, never a traceback."""


class ZhnewsError(Exception):
    """Base class: the message is shown to the user as is."""


class InputError(ZhnewsError):
    """An input that cannot be read as a newspaper page (names the file and why)."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


def reason_for(source: str, exc: ZhnewsError) -> str:
    """The message to show after `source: ` — an InputError already names its
    input, and "/bin/ls: /bin/ls: binary file" reads like a bug."""
    if isinstance(exc, InputError) and exc.source == source:
        return exc.reason
    return str(exc)


class NotAnArticle(InputError):
    """An archive record that holds only page furniture (本版责编, captions):
    nothing is wrong with it, there is just no article to extract. Batch runs
    count these instead of reporting each as a failure."""
