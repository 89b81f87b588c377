"""The errors of the Open Badges package. Every message is French (gettext), written for the
person running the command or reading the log, and never says more than the document does."""


class OpenBadgeError(Exception):
    """Any refusal: a malformed value, an unknown context, a missing key…"""


class ContextNotAllowedError(OpenBadgeError):
    """A @context URL that is not bundled. Nothing is ever fetched from the network."""


class DocumentRejectedError(OpenBadgeError):
    """A document that cannot be signed or checked safely: too large, a term no context defines,
    a relative IRI, or a graph too costly to canonicalize."""


class VerificationError(OpenBadgeError):
    """The proof does not hold. `__cause__` keeps the underlying error when there is one."""
