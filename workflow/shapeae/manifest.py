"""The figure manifest: `<sha256>  <path>` per line, the format `sha256sum -c` checks."""
import hashlib


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write(paths, out):
    with open(out, "w") as f:
        for path in sorted(paths):
            f.write(f"{sha256(path)}  {path}\n")
