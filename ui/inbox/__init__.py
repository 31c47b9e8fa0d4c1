"""The inbox area: filters, the message list, the conversation."""
