"""Publishing a quotes database with Datasette: generated metadata and a plugin."""
