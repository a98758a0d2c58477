"""The app's screens, one per section; each composes widgets and runs its own service calls
in workers."""
