"""Questions as data, and the quiz made of them: selection, giveaways between items, versions."""
