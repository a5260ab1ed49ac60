"""The built-in content packs, shipped inside the package as `zoomapp.content`."""
