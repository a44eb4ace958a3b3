"""Writes a host page that shows PAGE in an iframe WIDTH px wide (headless Chromium will not make
its own window narrower than 500 px) and, once it has loaded, writes into the host's <title> the
inner page's width, its scroll width, the elements that stick out past its right edge (outside
any element that scrolls or clips), and the charts whose text is drawn under 9 px tall.
Usage: python3 narrow.py PAGE HOST.html WIDTH"""
import html
import sys

page, out, width = sys.argv[1], sys.argv[2], int(sys.argv[3])
source = open(page, encoding="utf-8").read()
probe = """<script>
function probe(frame) {
  var w = frame.contentWindow, d = frame.contentDocument, W = w.innerWidth, over = [], small = [];
  d.querySelectorAll("body *").forEach(function (e) {
    var r = e.getBoundingClientRect();
    if (r.right <= W + 0.5 || r.width === 0) return;
    for (var a = e.parentElement; a; a = a.parentElement) {
      var o = w.getComputedStyle(a).overflowX;
      if (o === "auto" || o === "scroll" || o === "hidden") return;
    }
    over.push(e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + "@" + Math.round(r.right));
  });
  d.querySelectorAll("svg.chart").forEach(function (s) {
    var t = s.querySelector("text");
    if (t && t.getBoundingClientRect().height < 9) small.push(s.id + ":" + t.getBoundingClientRect().height.toFixed(1));
  });
  var sideways = d.documentElement.scrollWidth - d.documentElement.clientWidth;
  document.title = "PROBE width=" + W + " sideways=" + sideways + " over=[" +
    over.slice(0, 20).join(" ") + "] small=[" + small.slice(0, 20).join(" ") + "]";
}
</script>"""
open(out, "w", encoding="utf-8").write(
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>probe</title>" + probe + "</head>"
    + "<body style=\"margin:0\"><iframe onload=\"probe(this)\" style=\"border:0;width:%dpx;height:4000px\" "
    "srcdoc=\"%s\"></iframe></body></html>" % (width, html.escape(source, quote=True)))
