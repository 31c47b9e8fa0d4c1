"""Tribune's desktop app (PySide6 widgets). Imports ``app``; ``app`` never imports this."""
