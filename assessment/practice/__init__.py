"""Practice: the story bank, drills aimed at a weak spot, and the question bank they draw on."""
