"""The career plan report: the top layer, which reads every app's rules and decides nothing."""
