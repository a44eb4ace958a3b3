"""Checks what a report page says against the CSV files of its folder.
Usage: python3 content.py FOLDER PAGE [--expect-decision] [--expect-constant]
  - every number of the decision box (<span class="n" data-…>) equals, after rounding, the figure of
    comparison.csv (mean_diff; the Holm-adjusted bounds recomputed here from ci95_low/high, p_value
    and summary.csv's n) or selection.csv (mean) that its data attributes name, times its scale;
  - the "Working within 6 months (all graduates)" card equals time_to_offer.csv at day 183 for the
    focus strategy (the same definition: job starts among all graduates), as does the curve's sentence;
  - no metric identifier (placed_6m, chain_openings, …) and no generated site name (hospital-10)
    appears in running text (headings, paragraphs, captions, definitions, list items), outside
    "How this was computed", which quotes the scenario and command line as they are;
  - with sensitivity.csv: an output whose indices are all NaN is said not to vary over the design,
    and no page names a factor that "matters most" for it.
Prints each problem; exits 1 when there is one."""
import csv
import html as htmllib
import math
import os
import re
import sys

folder, page = sys.argv[1], sys.argv[2]
flags = set(sys.argv[3:])
text = open(page, encoding="utf-8").read()
problems = []


def table(name):
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        return None
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def number(field):
    return float("nan") if field in ("NA", "NaN") else float(field)


# Student t quantile: bisection on the CDF from the regularized incomplete beta function
# (continued fraction, Numerical Recipes §6.4), so the check needs no SciPy.
def betacf(a, b, x):
    qab, qap, qam = a + b, a + 1, a - 1
    c, d = 1.0, 1 - qab * x / qap
    d = 1 / (d if abs(d) > 1e-300 else 1e-300)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1 + aa * d
        d = 1 / (d if abs(d) > 1e-300 else 1e-300)
        c = 1 + aa / c if abs(1 + aa / c) > 1e-300 else 1e-300
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1 + aa * d
        d = 1 / (d if abs(d) > 1e-300 else 1e-300)
        c = 1 + aa / c if abs(1 + aa / c) > 1e-300 else 1e-300
        delta = d * c
        h *= delta
        if abs(delta - 1) < 1e-15:
            break
    return h


def betainc(a, b, x):
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log(1 - x))
    if x < (a + 1) / (a + b + 2):
        return front * betacf(a, b, x) / a
    return 1 - front * betacf(b, a, 1 - x) / b


def t_cdf(t, df):
    tail = 0.5 * betainc(df / 2, 0.5, df / (df + t * t))
    return 1 - tail if t > 0 else tail


def t_quantile(p, df):
    low, high = 0.0, 1e4
    for _ in range(200):
        mid = (low + high) / 2
        if t_cdf(mid, df) < p:
            low = mid
        else:
            high = mid
    return (low + high) / 2


def fixed(value, decimals):
    out = "%.*f" % (decimals, value)
    return out[1:] if out.startswith("-") and float(out) == 0 else out


# --- The decision box -------------------------------------------------------------------------
spans = re.findall(r'<span class="n" ([^>]*)>([^<]*)</span>', text)
if "--expect-decision" in flags and not spans:
    problems.append("decision: no number in the decision box")
comparison = table("comparison.csv") or []
selection = table("selection.csv") or []
summary = table("summary.csv") or []
counts = {(r["strategy"], r["metric"]): int(float(r["n"])) for r in summary}
family = [(i, number(r["p_value"])) for i, r in enumerate(comparison) if not math.isnan(number(r["p_value"]))]
ranked = sorted(family, key=lambda item: (item[1], item[0]))
levels = {index: 1 - 0.05 / (len(ranked) - rank) for rank, (index, _) in enumerate(ranked)}


def holm_bounds(index, row):
    diff, low, high = number(row["mean_diff"]), number(row["ci95_low"]), number(row["ci95_high"])
    n = min(counts.get((row["strategy"], row["metric"]), 0), counts.get((row["reference"], row["metric"]), 0))
    if n < 2:
        return low, high
    level = levels.get(index, 1 - 0.05 / max(len(ranked), 1))
    factor = t_quantile(1 - (1 - level) / 2, n - 1) / t_quantile(0.975, n - 1)
    return diff - (diff - low) * factor, diff + (high - diff) * factor


checked = 0
for attributes, shown in spans:
    data = dict(re.findall(r'data-([a-z]+)="([^"]*)"', attributes))
    data = {k: htmllib.unescape(v) for k, v in data.items()}
    scale, decimals = float(data["scale"]), int(data["decimals"])
    if data["file"] == "selection.csv":
        rows = [r for r in selection if r["strategy"] == data["strategy"]]
        expected = [number(r["mean"]) * scale for r in rows]
    else:
        rows = [(i, r) for i, r in enumerate(comparison) if r["metric"] == data["metric"] and r["strategy"] != r["reference"]]
        if data["column"] == "max_abs_holm":
            expected = [max(max(abs(b) for b in holm_bounds(i, r)) for i, r in rows) * scale] if rows else []
        else:
            rows = [(i, r) for i, r in rows if r["strategy"] == data["strategy"]]
            pick = {"mean_diff": lambda i, r: number(r["mean_diff"]),
                    "holm_low": lambda i, r: holm_bounds(i, r)[0],
                    "holm_high": lambda i, r: holm_bounds(i, r)[1]}[data["column"]]
            expected = [pick(i, r) * scale for i, r in rows]
    if len(expected) != 1:
        problems.append(f"decision: {shown} names {data} but {len(expected)} rows match")
        continue
    want = fixed(expected[0], decimals)
    # A bound recomputed here may land on the other side of a rounding edge: one unit of slack.
    if shown != want and abs(float(shown) - expected[0]) > 1.01 * 10 ** -decimals:
        problems.append(f"decision: shows {shown} for {data['strategy']} {data['metric']} {data['column']}, "
                        f"{data['file']} gives {want}")
    checked += 1
print(f"decision box: {checked} numbers checked against comparison.csv/selection.csv")

# --- Card = curve at 183 days ----------------------------------------------------------------
curve = table("time_to_offer.csv")
card = re.search(r'Working within 6 months \(all graduates\)</p><p class="card-value">([^<]*)</p>', text)
if curve and card:
    focus = re.search(r'<p class="card-reading">Under ([^,]*),', text)
    strategies = list(dict.fromkeys(r["strategy"] for r in curve))
    strategy = htmllib.unescape(focus.group(1)) if focus else strategies[0]
    row = next((r for r in curve if r["strategy"] == strategy and r["days_since_graduation"] == "183"), None)
    if row is None:
        problems.append(f"card: time_to_offer.csv has no day 183 for {strategy}")
    else:
        value = number(row["offer_probability"])
        want = "%s%% (%s–%s%%)" % (fixed(value * 100, 0), fixed(number(row["ci95_low"]) * 100, 0),
                                   fixed(number(row["ci95_high"]) * 100, 0))
        shown = htmllib.unescape(card.group(1))
        print(f"card: {shown}; curve at 183 days: {want}")
        if shown != want:
            problems.append(f"card: 'Working within 6 months (all graduates)' shows {shown}, the curve at 183 days {want}")
        if f"after graduating: {fixed(value * 100, 0)}%" not in text:
            problems.append("curve: its sentence does not give the curve's value at 183 days")
elif "--expect-decision" in flags:
    problems.append("card: no 6-month card among all graduates, or no time_to_offer.csv")

# --- Running text ----------------------------------------------------------------------------
body = re.sub(r'<section id="provenance">.*?</section>', "", text, flags=re.S)
body = re.sub(r"<(svg|details|style|title)\b.*?</\1>", "", body, flags=re.S)
running = " ".join(re.findall(r"<(?:p|dd|dt|li|h1|h2|h3|figcaption)\b[^>]*>(.*?)</(?:p|dd|dt|li|h1|h2|h3|figcaption)>", body, flags=re.S))
running = htmllib.unescape(re.sub(r"<[^>]+>", "", running))
identifiers = {m for r in summary for m in [r["metric"]] if "_" in m}
identifiers |= {"placed_6m", "placed_6m_seeking", "hired_at_rotation_site", "days_to_offer_median", "relocated_rate",
                "chain_openings", "unfilled_openings_at_year_end", "graduates_searching_at_year_end"}
for identifier in sorted(identifiers):
    if re.search(r"(?<![\w.])" + re.escape(identifier) + r"(?![\w.])", running):
        problems.append(f"running text: names the metric identifier {identifier}")
for name in sorted(set(re.findall(r"\b(?:hospital|clinic|imaging_center)-\d+\b", running))):
    problems.append(f"running text: names the generated site {name}")

# --- A constant output over a sweep's design --------------------------------------------------
sensitivity = table("sensitivity.csv")
if sensitivity is not None:
    groups = {}
    for r in sensitivity:
        groups.setdefault((r["strategy"], r["metric"], r["index"]), []).append(number(r["estimate"]))
    constant = [key for key, values in groups.items() if all(math.isnan(v) for v in values)]
    print(f"sensitivity: {len(constant)} of {len(groups)} groups NaN")
    if "--expect-constant" in flags and not constant:
        problems.append("sensitivity: no output is NaN although the design holds one that does not vary")
    if constant and "does not vary over this design" not in text:
        problems.append("sensitivity: NaN indices without 'does not vary over this design'")
    if re.search(r"matters most for [^(]*\((?:S1|ST|mu_star|mu|sigma) (?:NA|NaN)", text):
        problems.append("sensitivity: a factor 'matters most' for an output with no index")

for problem in problems:
    print("  " + problem)
sys.exit(1 if problems else 0)
