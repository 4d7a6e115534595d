"""Start a new help centre: ``helpcentre init`` writes one, ``helpcentre serve`` runs it."""
