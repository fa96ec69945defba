"""Job applications, interview preparation and post-interview reflection."""
