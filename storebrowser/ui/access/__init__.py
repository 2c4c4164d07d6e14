"""Who can read this? A container's or an object's settings that explain themselves: the
access panel with its live check and the change, CORS and lifecycle rules, an object's
expiry, encryption. Uses the command groups' base (``commands``) and the shared widgets."""
