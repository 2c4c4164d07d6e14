"""Compare and Sync…: two places compared and the right one made like the left."""
