"""The adversarial-input catalogue and the scenario property test of .ci/fuzz-inputs (issue 28).

Every case is (name, arguments, names): the command line after `cohortsim`, run in a fresh copy-free
working folder of fixtures, and the strings of which the message must hold at least one (the field
path, line and column, or option at fault). See .ci/fuzz-inputs for what each case must satisfy.
"""
import copy, glob, hashlib, json, os, random, shutil, subprocess, sys, tempfile, time

COHORTSIM = os.environ["COHORTSIM"]
RNG = random.Random(int(os.environ.get("FUZZ_SEED", "20261206")))
PROPERTY = int(os.environ.get("PROPERTY", "40"))
LIMIT = 60
ROOT = os.getcwd()
WORK = tempfile.mkdtemp(prefix="cohortsim-fuzz-inputs-")
TMP = tempfile.mkdtemp(prefix="cohortsim-fuzz-tmp-")
# What a message in the user's language never holds.
FORBIDDEN = ["Fatal error", "fatal error", "backtrace", "Stack dump", "NSCocoaErrorDomain", "CohortModel.",
             "SimKernel.", "Experiments.", "Swift.", "Cannot initialize", "internal error", "\ufffd",
             "Optional(", "(value:"]
failures = []


def write(name, data):
    path = os.path.join(WORK, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data if isinstance(data, bytes) else data.encode())
    return name


def dump(document):
    return json.dumps(document, indent=1).encode()


def cohortsim(arguments, timeout=LIMIT):
    env = dict(os.environ, TMPDIR=TMP)
    started = time.time()
    try:
        done = subprocess.run([COHORTSIM] + arguments, cwd=WORK, env=env, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "", time.time() - started
    return done.returncode, done.stderr.decode("utf-8", errors="replace"), time.time() - started


def snapshot():
    state = {}
    for directory, folders, files in os.walk(WORK):
        for name in folders + files:
            path = os.path.join(directory, name)
            relative = os.path.relpath(path, WORK)
            if os.path.islink(path):
                state[relative] = "link " + os.readlink(path)
            elif os.path.isfile(path):
                with open(path, "rb") as handle:
                    state[relative] = hashlib.sha256(handle.read()).hexdigest()
            else:
                state[relative] = "folder"
    return state


# ---------------------------------------------------------------------------------------------
# Fixtures: small valid inputs of every kind, and results folders written by cohortsim itself.

baseline = json.load(open(os.path.join(ROOT, "Scenarios/baseline.json")))
base = copy.deepcopy(baseline)
base.update(name="fz", replications=2, years=2)
write("base.json", dump(base))
strategies = json.load(open(os.path.join(ROOT, "Scenarios/strategies.json")))
strategies.update(name="fzs", replications=2, years=2)
write("strat.json", dump(strategies))
oregon = json.load(open(os.path.join(ROOT, "Scenarios/one-program-oregon.json")))
oregon.update(name="fzo", replications=2)
write("oregon.json", dump(oregon))
sites_csv = open(os.path.join(ROOT, "Scenarios/one-program-oregon-sites.csv"), "rb").read()
write(oregon["sitesCsv"], sites_csv)
students_csv = open(os.path.join(ROOT, "Scenarios/one-program-oregon-current-students.csv"), "rb").read()
write("students.csv", students_csv)
design = {"method": "lhs", "samples": 2, "factors": [{"path": "demand.freezeProbability", "lower": 0, "upper": 0.3}]}
write("design.json", dump(design))
targets = {"parameters": [{"path": "demand.freezeProbability", "prior": {"uniform": {"lower": 0, "upper": 0.3}}}],
           "targets": [{"metric": "placed_12m", "low": 0.1, "high": 0.99, "source": "fuzz"}]}
write("targets.json", dump(targets))
write("mine/notes.txt", "the user's own file\n")
for arguments in (["run", "base.json", "--out", "res", "--quiet"],
                  ["run", "base.json", "--shard", "0/2", "--out", "sh0", "--quiet"],
                  ["run", "base.json", "--shard", "1/2", "--out", "sh1", "--quiet"]):
    status, message, _ = cohortsim(arguments)
    if status != 0:
        sys.exit(f"fuzz-inputs: setup {' '.join(arguments)} failed ({status}): {message}")
os.symlink("mine", os.path.join(WORK, "link-to-mine"))
os.mkfifo(os.path.join(WORK, "fifo.json"))

cases = []


def case(name, arguments, names):
    cases.append((name, arguments, names))


def variant(folder, tamper):
    """A copy of results folder `folder` with `tamper(path)` applied and run.json's hashes updated."""
    name = f"{folder}-{len(cases)}"
    shutil.copytree(os.path.join(WORK, folder), os.path.join(WORK, name))
    path = os.path.join(WORK, name)
    tamper(path)
    try:
        run = json.load(open(os.path.join(path, "run.json")))
    except (OSError, ValueError):
        return name
    if not isinstance(run, dict):
        return name
    for listed in list(run.get("files", {})):
        file = os.path.join(path, listed)
        if os.path.isfile(file) and "/" not in listed:
            data = open(file, "rb").read()
            run["files"][listed] = {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    open(os.path.join(path, "run.json"), "w").write(json.dumps(run, indent=2))
    return name


# ---------------------------------------------------------------------------------------------
# 1. Scenario JSON: a bad value at a sampled leaf, under every command that reads a scenario.

def leaves(value, path=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, path + (index,))
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        yield path


def path_text(path):
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (part if not text else "." + part)
    return text


def set_leaf(document, path, value):
    document = copy.deepcopy(document)
    target = document
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return document


# Values no numeric field accepts; raw ones are spliced into the text (JSON has no such literal).
BAD_VALUES = ["text", True, [], {"gamma": {}}, "RAW:1e400", "RAW:1e-400", "RAW:NaN", "RAW:-Infinity",
              "RAW:\"\\ud800\""]
SCENARIO_COMMANDS = [
    lambda f: ["validate", f],
    lambda f: ["describe", f],
    lambda f: ["run", f, "--replications", "1", "--out", "never", "--quiet"],
    lambda f: ["compare", f, "--strategies", "nearest-to-home,random", "--out", "never", "--quiet"],
    lambda f: ["check", f, "--baseline", "res", "--quiet"],
    lambda f: ["sweep", f, "--design", "design.json", "--out", "never", "--quiet"],
    lambda f: ["calibrate", f, "--targets", "targets.json", "--out", "never", "--quiet"],
]
for source, document in (("base", base), ("oregon", oregon)):
    paths = list(leaves(document))
    for number, path in enumerate(RNG.sample(paths, min(18, len(paths)))):
        value = BAD_VALUES[number % len(BAD_VALUES)]
        if isinstance(value, str) and value.startswith("RAW:"):
            text = json.dumps(set_leaf(document, path, "@@RAW@@")).replace('"@@RAW@@"', value[4:])
            data = text.encode()
        else:
            data = dump(set_leaf(document, path, value))
        file = write(f"s-{source}-{number}.json", data)
        names = [path_text(path[:n]) for n in range(len(path), 0, -1)]
        for command in RNG.sample(SCENARIO_COMMANDS, 3):
            case(f"scenario {source} {path_text(path)}={value!r}", command(file), names)

# Whole-file problems.
text = dump(base)
whole = {
    "duplicate key": (text.replace(b'"seed":', b'"seed": 1, "seed":', 1), ["seed"]),
    "trailing text": (text + b" {}", ["line "]),
    "deep nesting": (b"[" * 5000 + b"]" * 5000, ["nested"]),
    "invalid UTF-8": (text.replace(b'"fz"', b'"f\xffz"', 1), ["line 2"]),
    "byte-order mark": (b"\xef\xbb\xbf" + text, ["byte-order mark"]),
    "NUL in name": (text.replace(b'"fz"', b'"f\\u0000z"', 1), ["name: line"]),
    "escape character in name": (text.replace(b'"fz"', b'"f\\u001bz"', 1), ["name: line"]),
    "lone low surrogate": (text.replace(b'"fz"', b'"f\\udc00z"', 1), ["name: line"]),
    "name too long": (text.replace(b'"fz"', b'"' + b"n" * 300 + b'"', 1), ["name: must be at most"]),
    "name with a slash": (text.replace(b'"fz"', b'"a/../../b"', 1), ["name:"]),
    "empty file": (b"", ["line 1"]),
    "a list, not an object": (b"[1, 2]", ["expected"]),
    "a string": (b'"scenario"', ["expected"]),
    "unknown key": (text.replace(b'"seed":', b'"sede": 1, "seed":', 1), ["sede"]),
    "misspelt nested key": (text.replace(b'"regionShare"', b'"regionShar"', 1), ["demand.regionShar"]),
    "unknown generator": (text.replace(b'"seed":', b'"generator": "rand48", "seed":', 1), ["generator"]),
    "huge gapWeeks": (dump(set_leaf(base, ("programs", 2, "rotations"), {"gapWeeks": 1e300})), ["gapWeeks"]),
    "huge lengthWeeks": (dump(set_leaf(base, ("programs", 0, "rotations"), {"lengthWeeks": 1e12})), ["lengthWeeks"]),
    "count over its limit": (dump(set_leaf(base, ("region", "hospitals", "count"), 1e12)), ["region.hospitals.count"]),
    "Poisson mean 1e12": (dump(set_leaf(base, ("hiring",), {"externalApplicants": {"poisson": {"mean": 1e12}}})),
                          ["hiring.externalApplicants"]),
    "exam retakes without wait or limit": (
        dump(dict(base, credentialPathways={"z": {"exams": [{"name": "x", "monthsAfterStart": 6, "firstAttemptPass": 0,
                                                             "retakeWaitDays": 0}]}})), ["retakeWaitDays"]),
    "students over the estimate": (
        dump(dict(base, years=100, programs=[dict(p, name=f"P{i}", cohortSize=500, intakeYears=list(range(2024, 2124)))
                                             for i, p in enumerate(base["programs"] * 20)])), ["intakeYears"]),
}
for number, (label, (data, names)) in enumerate(whole.items()):
    file = write(f"w-{number}.json", data)
    for command in SCENARIO_COMMANDS[:3] + [SCENARIO_COMMANDS[3 + number % 4]]:
        case(f"scenario: {label}", command(file), names)
for label, path, names in (("a folder", "mine", ["mine"]), ("/dev/null", "/dev/null", ["/dev/null: is not a regular"]),
                           ("/dev/zero", "/dev/zero", ["/dev/zero: is not a regular"]),
                           ("a FIFO", "fifo.json", ["fifo.json: is not a regular"]),
                           ("a missing file", "nothing.json", ["nothing.json: no such file"])):
    for command in SCENARIO_COMMANDS:
        case(f"scenario file is {label}", command(path), names)

# ---------------------------------------------------------------------------------------------
# 2. Design JSON.

factor = design["factors"][0]
designs = {
    "duplicate key": (b'{"method": "lhs", "samples": 2, "samples": 3, "factors": []}', ["samples: line 1"]),
    "syntax error": (b'{"method": "lhs",\n "samples": 2,,}', ["line 2, column"]),
    "unknown method": (dump(dict(design, method="latin")), ["method"]),
    "samples 1e9": (dump(dict(design, samples=1e9)), ["samples"]),
    "samples 0": (dump(dict(design, samples=0)), ["samples"]),
    "samples text": (dump(dict(design, samples="many")), ["samples"]),
    "samples 1e-400": (b'{"method": "lhs", "samples": 1e-400, "factors": []}', ["samples: line 1"]),
    "unknown factor path": (dump(dict(design, factors=[dict(factor, path="demand.freezeProbabilty")])), ["freezeProbabilty"]),
    "lower above upper": (dump(dict(design, factors=[dict(factor, lower=0.5, upper=0.1)])), ["factors[0]"]),
    "range past the largest double": (dump(dict(design, factors=[dict(factor, lower=-1e308, upper=1e308)])), ["factors[0]"]),
    "no factors": (dump(dict(design, factors=[])), ["factors"]),
    "unknown key": (dump(dict(design, sample=3)), ["sample"]),
    "grid of 200^6": (dump({"method": "grid", "factors": [{"path": p, "values": [i / 1000 for i in range(200)]} for p in
                            ["demand.freezeProbability", "hiring.applyProbability", "demand.regionShare",
                             "hiring.contingentHireProbability", "hiring.strongImpressionThreshold",
                             "demand.nationalGrowthOverDecade"]]}), ["factors[0].values"]),
    "sobol of 21 factors": (dump({"method": "sobol", "samples": 4, "factors": [dict(factor)] * 21}), ["factors"]),
    "morris samples 1e9": (dump({"method": "morris", "samples": 1e9, "factors": [factor]}), ["samples"]),
    "invalid UTF-8": (dump(design).replace(b"lhs", b"l\xffs"), ["line 2"]),
    "NUL in a path": (dump(design).replace(b"demand.", b"dem\\u0000and."), ["line"]),
    "top level list": (b"[]", ["must be a JSON object"]),
    "empty file": (b"", ["line 1"]),
}
for number, (label, (data, names)) in enumerate(designs.items()):
    file = write(f"d-{number}.json", data)
    case(f"design: {label}", ["sweep", "base.json", "--design", file, "--out", "never", "--quiet"], names)
    case(f"design: {label} (shard)", ["sweep", "base.json", "--design", file, "--out", "never", "--shard", "0/2",
                                     "--quiet"], names)
file = write("d-work.json", dump(dict(design, samples=100000)))
for replications in ("1000", "100000"):
    case(f"design: work over the study limit ({replications} replications)",
         ["sweep", "base.json", "--design", file, "--out", "never", "--replications", replications], ["samples"])
for label, path in (("a folder", "mine"), ("/dev/null", "/dev/null"), ("/dev/zero", "/dev/zero"),
                    ("a FIFO", "fifo.json"), ("missing", "nothing.json")):
    case(f"design file is {label}", ["sweep", "base.json", "--design", path, "--out", "never"], [path])

# ---------------------------------------------------------------------------------------------
# 3. Targets JSON, under calibrate and check --targets.

target = targets["targets"][0]
parameter = targets["parameters"][0]
target_files = {
    "duplicate key": (b'{"parameters": [], "parameters": [], "targets": []}', ["parameters: line 1"]),
    "syntax error": (b'{"targets": [\n {"metric" "x"}]}', ["line 2, column"]),
    "unknown metric": (dump(dict(targets, targets=[dict(target, metric="placed_7m")])), ["targets[0].metric"]),
    "low above high": (dump(dict(targets, targets=[dict(target, low=0.9, high=0.1)])), ["targets[0]"]),
    "no targets": (dump(dict(targets, targets=[])), ["targets"]),
    "unknown parameter path": (dump(dict(targets, parameters=[dict(parameter, path="hiring.nothing")])), ["parameters[0]"]),
    "bad prior": (dump(dict(targets, parameters=[dict(parameter, prior={"gamma": {"shape": -1, "scale": 1}})])),
                  ["parameters[0].prior"]),
    "unknown key": (dump(dict(targets, target=[])), ["target"]),
    "invalid UTF-8": (dump(targets).replace(b"fuzz", b"fu\xffz"), ["line"]),
    "NUL in a source": (dump(targets).replace(b"fuzz", b"fu\\u0000zz"), ["line"]),
    "number below the smallest double": (dump(targets).replace(b'"low": 0.1', b'"low": 1e-400'), ["low"]),
    "a list": (b"[]", ["object"]),
}
for number, (label, (data, names)) in enumerate(target_files.items()):
    file = write(f"t-{number}.json", data)
    case(f"targets: {label}", ["calibrate", "base.json", "--targets", file, "--out", "never", "--quiet"], names)
    if label not in ("no targets", "unknown parameter path", "bad prior"):
        case(f"targets: {label} (check)", ["check", "base.json", "--targets", file, "--quiet"], names)
for label, path in (("a folder", "mine"), ("/dev/zero", "/dev/zero"), ("a FIFO", "fifo.json"), ("missing", "no.json")):
    case(f"targets file is {label}", ["calibrate", "base.json", "--targets", path, "--out", "never"], [path])
    case(f"targets file is {label} (check)", ["check", "base.json", "--targets", path], [path])

# ---------------------------------------------------------------------------------------------
# 4. The sites spreadsheet and the current-students file.

lines = sites_csv.split(b"\n")
row = next(i for i, line in enumerate(lines) if line and not line.startswith(b"#") and i > 0 and b"," in line
           and not line.startswith(b"name,"))


def sites_variant(edit):
    copied = list(lines)
    copied[row] = edit(copied[row])
    return b"\n".join(copied)


sheets = {
    "invalid UTF-8": (sites_variant(lambda l: l.replace(b",", b"\xff\xfe,", 1)), ["line"]),
    "NUL in a name": (sites_variant(lambda l: l.replace(b",", b"a\x00b,", 1)), ["line"]),
    "escape byte in a name": (sites_variant(lambda l: l.replace(b",", b"\x1b[31m,", 1)), ["line"]),
    "a field too many": (sites_variant(lambda l: l + b",extra"), ["line"]),
    "unclosed quote": (sites_variant(lambda l: b'"' + l), ["line"]),
    "latitude text": (sites_variant(lambda l: l.replace(b",44.", b",north44.", 1)), ["line", "latitude"]),
    "decimal comma": (sites_variant(lambda l: l.replace(b",", b";", 1)), ["line"]),
    "unknown kind": (sites_variant(lambda l: l.replace(b"hospital", b"spa", 1)), ["kind"]),
    "staff 1e12": (sites_variant(lambda l: l.rsplit(b",", 2)[0] + b",1000000000000," + l.rsplit(b",", 1)[1]), ["staff"]),
    "not a spreadsheet (/etc/passwd)": (open("/etc/passwd", "rb").read(), ["not a spreadsheet"]),
    "missing column": (sites_csv.replace(b",capacity", b"", 1), ["capacity"]),
    "empty": (b"", ["line 1"]),
}
for number, (label, (data, names)) in enumerate(sheets.items()):
    write(f"sites-{number}.csv", data)
    file = write(f"o-{number}.json", dump(dict(oregon, sitesCsv=f"sites-{number}.csv")))
    for command in (SCENARIO_COMMANDS[0], SCENARIO_COMMANDS[2]):
        case(f"sites spreadsheet: {label}", command(file), [f"sites-{number}.csv"])
file = write("o-dev.json", dump(dict(oregon, sitesCsv="/dev/zero")))
case("sites spreadsheet is /dev/zero", ["validate", file], ["sitesCsv"])

student_lines = students_csv.split(b"\n")


def students_variant(edit, index=3):
    copied = list(student_lines)
    copied[index] = edit(copied[index])
    return b"\n".join(copied)


rosters = {
    "invalid UTF-8": students_variant(lambda l: l.replace(b",", b"\xc3,", 1)),
    "NUL in an id": students_variant(lambda l: b"\x00" + l),
    "unknown status": students_variant(lambda l: l.replace(b"hired", b"retired", 1)),
    "unknown program": students_variant(lambda l: l.replace(b"Calapooia", b"Nowhere", 1)),
    "intake year text": students_variant(lambda l: l.replace(b",2023,", b",twenty,", 1)),
    "unknown site": students_variant(lambda l: l.replace(b"Albany", b"Atlantis", 1), index=2),
    "a field too many": students_variant(lambda l: l + b",x"),
    "bad date": students_csv.replace(b"2026-03-01", b"2026-13-45", 1),
    "not a spreadsheet (/etc/passwd)": open("/etc/passwd", "rb").read(),
    "empty": b"",
}
for number, (label, data) in enumerate(rosters.items()):
    file = write(f"cs-{number}.csv", data)
    for command in (["validate", "oregon.json", "--current-students", file],
                    ["run", "oregon.json", "--current-students", file, "--replications", "1", "--out", "never"],
                    ["check", "oregon.json", "--current-students", file, "--baseline", "res"]):
        case(f"current students: {label} ({command[0]})", command, [file])
case("current students: bad --as-of", ["validate", "oregon.json", "--current-students", "students.csv", "--as-of",
                                      "yesterday"], ["--as-of"])
case("current students: /dev/zero", ["validate", "oregon.json", "--current-students", "/dev/zero"], ["/dev/zero"])

# ---------------------------------------------------------------------------------------------
# 5. Options: repeated, unknown, out of range, in the wrong combination, for every command.

OPTION_CASES = [
    (["run", "base.json", "--seed", "1", "--seed", "2"], ["--seed"]),
    (["run", "base.json", "--replications", "0"], ["--replications"]),
    (["run", "base.json", "--replications", "1e99"], ["--replications"]),
    (["run", "base.json", "--replications", "-3"], ["-3"]),
    (["run", "base.json", "--jobs", "0"], ["--jobs"]),
    (["run", "base.json", "--seed", "x12345678901234567"], ["--seed"]),
    (["run", "base.json", "--shard", "3/2"], ["--shard"]),
    (["run", "base.json", "--shard", "1/2", "--until", "placed_6m=0.01"], ["--shard"]),
    (["run", "base.json", "--until", "placed_7m=0.1"], ["--until"]),
    (["run", "base.json", "--until", "placed_6m=-1"], ["--until"]),
    (["run", "base.json", "--max-replications", "5"], ["--max-replications"]),
    (["run", "base.json", "--strategies", "nearest,nearest"], ["--strategies"]),
    (["run", "base.json", "--strategies", "neares"], ["--strategies"]),
    (["run", "base.json", "--replication-seed", "1", "--seed", "2"], ["--replication-seed"]),
    (["run", "base.json", "--as-of", "2026-01-01"], ["--as-of"]),
    (["run", "base.json", "--out", ""], ["--out"]),
    (["run", "base.json", "--trace=yes"], ["--trace"]),
    (["run", "base.json", "-r", "2"], ["-r"]),
    (["run", "base.json", "--replications"], ["--replications"]),
    (["run"], ["SCENARIO"]),
    (["run", "base.json", "strat.json"], ["SCENARIO"]),
    (["compare", "strat.json", "--select-best", "placed_6m", "--indifference", "0.01", "--max-replications", "2"],
     ["--max-replications"]),
    (["compare", "strat.json", "--select-best", "placed_7m", "--indifference", "0.01"], ["--select-best"]),
    (["compare", "strat.json", "--select-best", "placed_6m", "--indifference", "-1"], ["--indifference"]),
    (["compare", "strat.json", "--strategies", "nearest"], ["--strategies"]),
    (["compare", "strat.json", "--jobs", "2", "--jobs", "2"], ["--jobs"]),
    (["check", "base.json", "--exact", "--bless"], ["--exact"]),
    (["check", "base.json", "--alpha", "2"], ["--alpha"]),
    (["check", "base.json", "--replications", "5"], ["--replications"]),
    (["check", "base.json", "--targets", "targets.json", "--baseline", "res"], ["--targets"]),
    (["check", "base.json", "--quiet", "--quiet"], ["--quiet"]),
    (["sweep", "base.json", "--out", "never"], ["--design"]),
    (["sweep", "base.json", "--design", "design.json"], ["--out"]),
    (["sweep", "base.json", "--design", "design.json", "--out", "never", "--replications", "0"], ["--replications"]),
    (["sweep", "base.json", "--design", "d-work.json", "--out", "never", "--replications", "10000000"],
     ["samples"]),
    (["calibrate", "base.json", "--targets", "targets.json", "--out", "never", "--particles", "1"], ["--particles"]),
    (["calibrate", "base.json", "--targets", "targets.json", "--out", "never", "--min-acceptance", "0.9"],
     ["--min-acceptance"]),
    (["calibrate", "base.json", "--targets", "targets.json", "--out", "never", "--particles", "10000",
      "--generations", "100", "--min-acceptance", "0.000001"], ["--particles"]),
    (["calibrate", "base.json", "--targets", "targets.json", "--out", "never", "--generations", "0"], ["--generations"]),
    (["merge", "--out", "never"], ["SHARD_DIR"]),
    (["merge", "sh0", "--out", "never"], ["sh1", "shard", "1"]),
    (["merge", "sh0", "sh0", "--out", "never"], ["sh0"]),
    (["report"], ["DIR"]),
    (["report", "res", "--out", "a.html", "--out", "b.html"], ["--out"]),
    (["describe", "base.json", "--seed", "1"], ["--seed"]),
    (["validate", "base.json", "--as-of", "2026-01-01"], ["--as-of"]),
    (["schema", "extra"], ["schema"]),
    (["bench", "nothing"], ["bench"]),
    (["help", "nothing"], ["nothing"]),
    (["nothing"], ["nothing"]),
]
for number, (arguments, names) in enumerate(OPTION_CASES):
    case(f"options {number}: {' '.join(arguments)[:60]}", arguments, names)

# ---------------------------------------------------------------------------------------------
# 6. Output paths: never replace what cohortsim did not write, never a file inside a results folder.

long_out = "/".join(["d" * 200] * 25) + "/x"
OUTPUT_CASES = [
    (["report", "res", "--out", "mine"], ["mine"]),
    (["report", "res", "--out", "res"], ["res"]),
    (["report", "res", "--out", "res/summary.csv"], ["res/summary.csv"]),
    (["report", "res", "--out", "res/run.json"], ["res/run.json"]),
    (["report", "res", "--out", "mine/notes.txt"], ["mine/notes.txt"]),
    (["report", "res", "--out", "link-to-mine"], ["link-to-mine"]),
    (["report", "res", "--out", "missing/parent/r.html"], ["missing/parent"]),
    (["report", "res", "--out", "."], ["--out"]),
    (["report", "res", "--out", "base.json"], ["base.json"]),
    (["report", "res", "--out", "sh0/page.html"], ["sh0"]),
    (["run", "base.json", "--out", "mine", "--quiet"], ["mine"]),
    (["run", "base.json", "--out", "mine/notes.txt", "--quiet"], ["mine/notes.txt"]),
    (["run", "base.json", "--out", "res/inner", "--quiet"], ["res"]),
    (["run", "base.json", "--out", long_out, "--quiet"], ["d" * 50]),
    (["run", "base.json", "--out", "base.json", "--quiet"], ["base.json"]),
    (["run", "base.json", "--out", "link-to-mine", "--quiet"], ["link-to-mine"]),
    (["run", "base.json", "--out", "sh0", "--quiet"], ["sh0"]),
    (["compare", "strat.json", "--out", "mine", "--quiet"], ["mine"]),
    (["sweep", "base.json", "--design", "design.json", "--out", "mine", "--quiet"], ["mine"]),
    (["sweep", "base.json", "--design", "design.json", "--out", "res", "--quiet"], ["res"]),
    (["calibrate", "base.json", "--targets", "targets.json", "--out", "mine", "--quiet"], ["mine"]),
    (["calibrate", "base.json", "--targets", "targets.json", "--out", "never", "--apply", "mine"], ["mine"]),
    (["calibrate", "base.json", "--targets", "targets.json", "--out", "never", "--apply", "no/such/dir/x.json"],
     ["no/such/dir"]),
    (["calibrate", "base.json", "--targets", "targets.json", "--out", "never", "--apply", "base.json"], ["base.json"]),
    (["calibrate", "base.json", "--targets", "targets.json", "--out", "never", "--apply", "res/summary.csv"],
     ["res"]),
    (["calibrate", "base.json", "--targets", "targets.json", "--out", "never", "--apply", "never/x.json"], ["never"]),
    (["calibrate", "base.json", "--targets", "targets.json", "--out", "never", "--apply", "mine/notes.txt"],
     ["mine/notes.txt"]),
    (["merge", "sh0", "sh1", "--out", "mine"], ["mine"]),
    (["merge", "sh0", "sh1", "--out", "sh0"], ["sh0"]),
    (["check", "base.json", "--baseline", "mine", "--bless"], ["mine"]),
]
for number, (arguments, names) in enumerate(OUTPUT_CASES):
    case(f"output {number}: {' '.join(arguments)[:70]}", arguments, names)

# ---------------------------------------------------------------------------------------------
# 7. Results folders read by check, report and merge: tampered, incomplete, escaping.


def edit_csv(name, line, column, change):
    def tamper(path):
        file = os.path.join(path, name)
        rows = open(file, newline="").read().split("\r\n")
        fields = rows[line].split(",")
        fields[column] = change(fields[column])
        rows[line] = ",".join(fields)
        open(file, "w", newline="").write("\r\n".join(rows))
    return tamper


def listing(name, entry=None):
    def tamper(path):
        run = json.load(open(os.path.join(path, "run.json")))
        run["files"][name] = entry or {"bytes": os.path.getsize("/etc/passwd"),
                                       "sha256": hashlib.sha256(open("/etc/passwd", "rb").read()).hexdigest()}
        open(os.path.join(path, "run.json"), "w").write(json.dumps(run))
    return tamper


def remove(name):
    return lambda path: os.remove(os.path.join(path, name))


def overwrite(name, data):
    return lambda path: open(os.path.join(path, name), "wb").write(data)


FOLDER_TAMPERS = {
    "summary mean edited, hashes updated": (edit_csv("summary.csv", 3, 3, lambda v: str(float(v) + 0.25)),
                                            ["summary.csv"]),
    "summary p90 edited, hashes updated": (edit_csv("summary.csv", 2, 9, lambda v: str(float(v) * 3 + 1)),
                                           ["summary.csv"]),
    "replication value edited, hashes updated": (edit_csv("replications.csv", 1, 5, lambda v: "0.123"),
                                                 ["summary.csv", "replications.csv"]),
    "seed_hex edited": (edit_csv("replications.csv", 1, 3, lambda v: "x0000000000000000"), ["replications.csv"]),
    "run.json lists ../../../../etc/passwd": (listing("../../../../etc/passwd"), ["../../../../etc/passwd"]),
    "run.json lists /etc/passwd": (listing("/etc/passwd"), ["/etc/passwd"]),
    "summary.csv removed": (remove("summary.csv"), ["summary.csv"]),
    "replications.csv is invalid UTF-8": (overwrite("replications.csv", b"strategy\xff,replication\r\n"),
                                          ["replications.csv"]),
    "run.json is not JSON": (overwrite("run.json", b"{not json"), ["run.json"]),
    "run.json is a list": (overwrite("run.json", b"[]"), ["run.json"]),
    "run.json removed": (remove("run.json"), ["run.json"]),
}
for number, (label, (tamper, names)) in enumerate(FOLDER_TAMPERS.items()):
    folder = variant("res", tamper)
    case(f"results folder: {label} (check)", ["check", "base.json", "--baseline", folder, "--quiet"], names)
    case(f"results folder: {label} (check --exact)", ["check", "base.json", "--baseline", folder, "--exact"], names)
    if "edited, hashes updated" not in label and "seed_hex" not in label:
        case(f"results folder: {label} (report)", ["report", folder, "--out", f"r-{number}.html"], names)
SHARD_TAMPERS = {
    "seed_hex edited": (edit_csv("replications.csv", 1, 3, lambda v: "x0000000000000000"), ["replications.csv"]),
    "run.json lists ../../../../etc/passwd": (listing("../../../../etc/passwd"), ["../../../../etc/passwd"]),
    "outcomes.csv removed": (remove("outcomes.csv"), ["outcomes.csv"]),
    "replications.csv is invalid UTF-8": (overwrite("replications.csv", b"strategy\xff,replication\r\n"),
                                          ["replications.csv"]),
    "run.json is not JSON": (overwrite("run.json", b"{not json"), ["run.json"]),
    "run.json removed": (remove("run.json"), ["run.json"]),
}
for number, (label, (tamper, names)) in enumerate(SHARD_TAMPERS.items()):
    folder = variant("sh1", tamper)
    case(f"shard folder: {label} (merge)", ["merge", "sh0", folder, "--out", "never"], names)
case("report on a file", ["report", "base.json"], ["base.json"])
case("report on a missing folder", ["report", "nothing"], ["nothing"])
case("report on a user folder", ["report", "mine"], ["mine"])
case("merge of a user folder", ["merge", "mine", "sh1", "--out", "never"], ["mine"])
case("check against a user folder", ["check", "base.json", "--baseline", "mine"], ["mine"])
case("check against a missing folder", ["check", "base.json", "--baseline", "nothing"], ["nothing"])

# ---------------------------------------------------------------------------------------------
# Run the catalogue.

started = time.time()
before = snapshot()
for name, arguments, names in cases:
    status, message, seconds = cohortsim(arguments)
    where = f"{name}: cohortsim {' '.join(a if len(a) < 80 else a[:40] + '…' for a in arguments)}"
    if status is None:
        failures.append(f"{where}: did not finish within {LIMIT} s")
    elif status != 2:
        failures.append(f"{where}: exited {status}, expected 2: {message.strip()[:300]}")
    elif not message.startswith("cohortsim: "):
        failures.append(f"{where}: message does not start with 'cohortsim: ': {message.strip()[:300]}")
    elif not any(token in message for token in names):
        failures.append(f"{where}: message names none of {names}: {message.strip()[:300]}")
    bad = [marker for marker in FORBIDDEN if marker in message]
    if bad:
        failures.append(f"{where}: message shows {bad}: {message.strip()[:300]}")
    after = snapshot()
    if after != before:
        added = sorted(set(after) - set(before))
        removed = sorted(set(before) - set(after))
        changed = sorted(k for k in set(after) & set(before) if after[k] != before[k])
        failures.append(f"{where}: the folder changed: added {added[:3]}, removed {removed[:3]}, changed {changed[:3]}")
        before = after
    if os.listdir(TMP):
        failures.append(f"{where}: left {os.listdir(TMP)[:3]} in TMPDIR")
        for leftover in os.listdir(TMP):
            shutil.rmtree(os.path.join(TMP, leftover), ignore_errors=True)
catalogue_seconds = time.time() - started
print(f"fuzz-inputs: {len(cases)} adversarial cases in {catalogue_seconds:.0f} s", file=sys.stderr)

# ---------------------------------------------------------------------------------------------
# Property test: random valid-looking scenarios with extreme magnitudes never crash or hang, and
# finish within a bound that grows with the resource estimate.

MAGNITUDES = [0, 1e-300, 1e-9, 0.5, 1, 3, 1e3, 1e6, 1e9, 1e15, 1e300, -1e300]
property_cases = 0
for number in range(PROPERTY):
    document = copy.deepcopy(RNG.choice([base, oregon]))
    document["replications"] = 1
    paths = list(leaves(document))
    for path in RNG.sample(paths, min(len(paths), RNG.randint(1, 4))):
        document = set_leaf(document, path, RNG.choice(MAGNITUDES))
    file = write(f"p-{number}.json", dump(document))
    property_cases += 1
    status, message, seconds = cohortsim(["validate", file])
    where = f"property {number} ({file})"
    if status not in (0, 2) or any(marker in message for marker in FORBIDDEN):
        failures.append(f"{where}: validate exited {status}: {message.strip()[:300]}")
        continue
    if status != 0:
        continue
    estimate = next((line for line in subprocess.run([COHORTSIM, "validate", file], cwd=WORK, capture_output=True,
                                                     text=True).stdout.splitlines() if line.startswith("estimate:")), "")
    events = 0.0
    for word, following in zip(estimate.split(), estimate.split()[1:]):
        if following == "events":
            events = float(word)
    # Measured: at least 300,000 events a second; 10 s for building the world and starting up.
    bound = 10 + events / 300_000
    status, message, seconds = cohortsim(["run", file, "--out", f"prop-{number}", "--quiet", "--jobs", "1"],
                                         timeout=bound)
    if status is None:
        failures.append(f"{where}: run did not finish within {bound:.0f} s (estimate {events:.3g} events)")
    elif status not in (0, 2) or any(marker in message for marker in FORBIDDEN):
        failures.append(f"{where}: run exited {status}: {message.strip()[:300]}")
    shutil.rmtree(os.path.join(WORK, f"prop-{number}"), ignore_errors=True)

shutil.rmtree(WORK, ignore_errors=True)
shutil.rmtree(TMP, ignore_errors=True)
print(f"fuzz-inputs: {len(cases)} cases and {property_cases} random scenarios in {time.time() - started:.0f} s, "
      f"{len(failures)} failures", file=sys.stderr)
for failure in failures:
    print("  " + failure, file=sys.stderr)
sys.exit(1 if failures else 0)
