"""The imperative shell: everything that touches files, the network or other processes."""
