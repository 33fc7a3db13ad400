"""newsan: who is mentioned, what was said and who said it, in Arabic news."""

__version__ = "0.1.0"

__all__ = ["__version__", "Document", "Pipeline", "Settings", "analyze"]


def __getattr__(name):
    # Imported on first use, so that `newsan --help` and `import newsan` stay light.
    if name == "Document":
        from newsan.document import Document

        return Document
    if name in ("Pipeline", "Settings", "analyze"):
        from newsan import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'newsan' has no attribute {name!r}")
