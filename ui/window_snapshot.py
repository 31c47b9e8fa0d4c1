"""What the window's first paint shows of the agency before the database is open: a small
snapshot of the sidebar (each client's name and colour) and of the client shown, as they
were the last time the clients were loaded. Kept in the preferences (a few hundred bytes).

Read by the shell (:func:`ui.window_layout.build_shell`), which may import only what a bare
window needs: the QtWidgets classes below. One line per client, "id TAB colour TAB archived
(0/1) TAB name" (a name has no line break; a tab in it is kept, it comes last): not JSON,
whose module alone (its decoder's regular expressions) cost ~2 ms of the complete window.
The real list replaces it as soon as the database answers; nothing is written from it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

KEY = "ui/clients_as_last_seen"
OLD_KEY = "ui/client_snapshot"  # the same as JSON, before 6 December 2026: not read
MAX_CLIENTS = 40  # more than a sidebar shows without scrolling


class SnapshotClient:
    """Enough of a ClientInfo for the sidebar to paint it (no logo: initials on colour).
    (Plain classes: importing dataclasses would cost the first paint ~20 ms.)"""

    __slots__ = ("archived", "colour", "id", "logo", "name", "sector")

    def __init__(self, id: int, name: str, colour: str, archived: bool = False) -> None:
        self.id, self.name, self.colour, self.archived = id, name, colour, archived
        self.sector, self.logo = "", None


class Snapshot:
    __slots__ = ("clients", "current")

    def __init__(self, clients: tuple[SnapshotClient, ...], current: int | None) -> None:
        self.clients = clients
        self.current = current  # the client shown last (Settings.last_client_id)

    def current_client(self) -> SnapshotClient | None:
        return next((c for c in self.clients if c.id == self.current), None)


def load(settings) -> Snapshot | None:
    raw = settings.q.value(KEY)
    if not isinstance(raw, str) or not raw:
        return None
    clients = []
    for line in raw.split("\n")[:MAX_CLIENTS]:
        fields = line.split("\t", 3)
        if len(fields) != 4 or not fields[3] or fields[2] not in ("0", "1"):
            return None  # not a snapshot this version wrote: the plain shell
        try:
            client_id = int(fields[0])
        except ValueError:
            return None
        clients.append(SnapshotClient(client_id, fields[3], fields[1], fields[2] == "1"))
    return Snapshot(tuple(clients), settings.last_client_id)


def save(settings, clients) -> None:
    lines = [
        f"{c.id}\t{c.colour}\t{int(bool(c.archived))}\t{' '.join(c.name.splitlines())}"
        for c in list(clients)[:MAX_CLIENTS]
    ]
    settings.q.remove(OLD_KEY)
    if not lines:
        settings.q.remove(KEY)
        return
    settings.q.setValue(KEY, "\n".join(lines))


def show_in(window) -> None:
    """The real sidebar shows the snapshot (before the window connects to the sidebar's
    selection; choosing a row then opens it once the database answers). The workspace's
    title is set from it when the workspace is built (:func:`ui.window_layout.build_rest`)."""
    snapshot = window.snapshot
    if snapshot is None or window.db is not None:
        return
    window.client_model.set_clients(list(snapshot.clients))
    current = snapshot.current_client()
    if current is not None:
        window.sidebar.select_client(current.id)


def shell_list(snapshot: Snapshot | None) -> QWidget | None:
    """The clients' names as plain labels, for the shell (the sidebar's own painting comes
    with the complete window)."""
    if snapshot is None:
        return None
    from ui.design import current

    panel = QWidget()
    panel.setObjectName("shellClients")
    scheme = current()
    panel.setStyleSheet(
        f"QLabel#shellClient {{ color: {scheme.side_text}; padding-left: 38px; }}"
        f'QLabel#shellClient[current="true"] {{ background: {scheme.side_selected}; }}'
    )
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 4, 0, 4)
    layout.setSpacing(0)
    for client in snapshot.clients:
        label = QLabel(client.name)
        label.setObjectName("shellClient")
        if "<" in client.name:  # only a tag could make Qt read a name as rich text; the
            # enum costs ~15 ms on the first paint, so it is asked for only then
            label.setTextFormat(type(label.textFormat()).PlainText)
        label.setMinimumHeight(44)  # a sidebar row's height: nothing jumps when it arrives
        label.setProperty("current", client.id == snapshot.current)
        layout.addWidget(label)
    layout.addStretch(1)
    return panel
