"""Charts and the monthly report: periods, metrics, dashboard figures, commentary."""
