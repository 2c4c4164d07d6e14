"""Storage classes, archive restores and tags in the window: the dialogs that ask what to
do in the service's words, the tag editor with the service's rules, and the per-object
result list of a job with Retry Failed and an export of the failures. The commands that
open them are in ``ui/commands/tiers.py``."""
