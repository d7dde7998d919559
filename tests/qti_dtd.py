"""The IMS QTI 1.2.1 DTD for the tests: taken from pyslet's source distribution, checked by hash.

The DTD ships only in pyslet's sdist (unittests/data_imsqtiv1p2p1/), not in its installed
package, so `.ci/run` runs `python tests/qti_dtd.py`, which downloads that sdist with pip and
extracts the one file into tests/.cache/ (git-ignored).
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PYSLET = "pyslet==0.7.20170805"
MEMBER = "pyslet-0.7.20170805/unittests/data_imsqtiv1p2p1/ims_qtiasiv1p2p1.dtd"
SHA256 = "c991ca648247cde8f228500a4ffb7e3578505c451f54150f43258b7f1ab445bd"
DTD = Path(__file__).resolve().parent / ".cache" / "ims_qtiasiv1p2p1.dtd"


def dtd_path() -> Path | None:
    """The extracted DTD when it is there and has the expected hash, else None."""
    if DTD.is_file() and hashlib.sha256(DTD.read_bytes()).hexdigest() == SHA256:
        return DTD
    return None


def fetch() -> Path:
    """Download pyslet's sdist with pip and extract the DTD (does nothing when it is there)."""
    found = dtd_path()
    if found:
        return found
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary",
                        ":all:", "--quiet", "-d", folder, PYSLET], check=True)
        (sdist,) = Path(folder).glob("pyslet-*.tar.gz")
        with tarfile.open(sdist) as archive:
            member = archive.extractfile(MEMBER)
            if member is None:
                raise SystemExit(f"{MEMBER} is not a file in {sdist.name}")
            data = member.read()
    if hashlib.sha256(data).hexdigest() != SHA256:
        raise SystemExit(f"{MEMBER} does not have the expected sha256 {SHA256}")
    DTD.parent.mkdir(parents=True, exist_ok=True)
    DTD.write_bytes(data)
    return DTD


if __name__ == "__main__":
    print(f"QTI 1.2.1 DTD: {fetch()}")
