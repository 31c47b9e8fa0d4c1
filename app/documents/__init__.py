"""PDF documents (charters, approval sheets, reports), rendered with QtGui only."""
