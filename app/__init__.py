"""Tribune's headless core: models, storage, services, connectors, documents and CLI.

Nothing under ``app`` imports ``ui`` or ``PySide6.QtWidgets``; a test enforces it.
"""

__version__ = "0.1.0"
