"""The content calendar area: month, week and list views, the post editor, undo."""
