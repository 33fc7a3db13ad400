"""newsan: who is mentioned, what was said and who said it, in Arabic news."""

__version__ = "0.1.0"

from newsan.document import Document  # noqa: E402
from newsan.pipeline import Pipeline, Settings, analyze  # noqa: E402

__all__ = ["__version__", "Document", "Pipeline", "Settings", "analyze"]
