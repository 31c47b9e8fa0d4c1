"""Client workspaces: the client record, contacts, accounts, the sidebar's badges."""
