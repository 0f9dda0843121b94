/* dean report: the initiatives table (sort, filter, pages; state in the URL hash), the
   timeline (inline SVG) and the initiatives in full, drawn from the embedded JSON.
   Plan text only ever reaches the page as text nodes (textContent), after the same visible
   escaping of control and bidi characters as in the terminal; links only for http(s). */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("dean-data").textContent);
  var LABELS = JSON.parse(document.getElementById("dean-labels").textContent);
  var PAGE_SIZE = 100;
  var SVG = "http://www.w3.org/2000/svg";
  var ITEMS = DATA.initiatives || [];
  var UNSAFE = /[\u{0}-\u{8}\u{b}-\u{1f}\u{7f}-\u{9f}\u{200b}-\u{200f}\u{2028}-\u{202e}\u{2060}-\u{2069}\u{feff}\u{d800}-\u{dfff}]/gu;
  var state = { lang: document.documentElement.lang === "es" ? "es" : "en", q: "", pillar: "", status: "", lead: "", overdue: false, sort: "id", dir: "asc", page: 1 };
  var printing = false;

  var MAX_TEXT = 2000;  /* characters of one plan text shown; the data keeps all of it */
  function safe(value) {
    var text = String(value);
    if (text.length > MAX_TEXT) { text = text.slice(0, MAX_TEXT) + "… [+" + (text.length - MAX_TEXT) + "]"; }
    return text.replace(UNSAFE, function (c) {
      var n = c.codePointAt(0);
      return n < 256 ? "\\x" + ("0" + n.toString(16)).slice(-2) : "\\u" + ("000" + n.toString(16)).slice(-4);
    });
  }
  function L(key, values) {
    var text = LABELS[state.lang][key];
    if (text === undefined) { return key; }
    if (values) {
      text = text.replace(/\{(\w+)\}/g, function (m, k) { return values[k] === undefined ? m : String(values[k]); });
    }
    return text;
  }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }
  function svg(tag, attrs, children) {
    var node = document.createElementNS(SVG, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }
  function setAttrs(node, attrs) {
    if (!attrs) { return; }
    Object.keys(attrs).forEach(function (k) {
      if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) { node.setAttribute(k, String(attrs[k])); }
    });
  }
  function append(node, children) {
    if (children === null || children === undefined) { return; }
    if (!Array.isArray(children)) { children = [children]; }
    children.forEach(function (c) {
      if (c === null || c === undefined || c === false) { return; }
      if (Array.isArray(c)) { append(node, c); return; }
      node.appendChild(c instanceof Node ? c : document.createTextNode(safe(c)));
    });
  }
  /* A bilingual text: the reader's language, else the other one, marked. */
  function tx(text) {
    var lg = state.lang, other = lg === "es" ? "en" : "es";
    if (text && text[lg]) { return el("span", { lang: lg }, text[lg]); }
    if (text && text[other]) {
      return el("span", { lang: other }, [text[other] + " ", el("small", { "class": "only", title: L("only_in", { lang: L("lang_" + other) }) }, "[" + other + "]")]);
    }
    return el("span", null, L("none"));
  }
  function plain(text) {
    var lg = state.lang, other = lg === "es" ? "en" : "es";
    return (text && (text[lg] || text[other])) || "";
  }
  function href(url) {
    if (typeof url !== "string") { return null; }
    try {
      var u = new URL(url);
      return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
    } catch (e) { return null; }
  }
  function pct(m) { return m.progress === null ? L("na") : Math.round(m.progress * 100) + "%"; }
  function label(ini) { return ini.id !== null && ini.id !== undefined ? "#" + ini.id : String(ini.slug || "?"); }
  function pillarOf(n) {
    for (var i = 0; i < DATA.pillars.length; i++) { if (DATA.pillars[i].number === n) { return DATA.pillars[i]; } }
    return null;
  }
  function orgLabel(id) {
    var org = DATA.organizations[id];
    var name = org ? plain(org.name) : "";
    return name ? id + " (" + name + ")" : id;
  }
  function statusLabel(s) { return L("is_" + s) === "is_" + s ? s : L("is_" + s); }
  function stateLabel(s) { return L("ms_" + s) === "ms_" + s ? s : L("ms_" + s); }

  /* ---- precomputed per initiative ---- */
  ITEMS.forEach(function (ini, i) {
    ini._i = i;
    ini._leads = (ini.leads.mx || []).concat(ini.leads.us || []);
    ini._search = [label(ini), ini.slug || "", ini.title.es || "", ini.title.en || "", ini._leads.join(" ")].join(" ").toLowerCase();
  });

  /* ---- state in the URL hash ---- */
  function readHash() {
    var h = location.hash.replace(/^#/, "");
    if (h.indexOf("=") < 0) { return false; }
    var p = new URLSearchParams(h);
    state.lang = p.get("lang") === "es" ? "es" : p.get("lang") === "en" ? "en" : state.lang;
    state.q = p.get("q") || "";
    state.pillar = p.get("pillar") || "";
    state.status = p.get("status") || "";
    state.lead = p.get("lead") || "";
    state.overdue = p.get("overdue") === "1";
    state.sort = COLUMNS.some(function (c) { return c.key === p.get("sort"); }) ? p.get("sort") : "id";
    state.dir = p.get("dir") === "desc" ? "desc" : "asc";
    state.page = Math.max(1, parseInt(p.get("page") || "1", 10) || 1);
    return true;
  }
  function writeHash() {
    var p = new URLSearchParams();
    p.set("lang", state.lang);
    if (state.q) { p.set("q", state.q); }
    if (state.pillar) { p.set("pillar", state.pillar); }
    if (state.status) { p.set("status", state.status); }
    if (state.lead) { p.set("lead", state.lead); }
    if (state.overdue) { p.set("overdue", "1"); }
    if (state.sort !== "id" || state.dir !== "asc") { p.set("sort", state.sort); p.set("dir", state.dir); }
    if (state.page > 1) { p.set("page", String(state.page)); }
    var hash = "#" + p.toString();
    if (location.hash !== hash) { history.replaceState(null, "", hash); }
  }

  /* ---- filter and sort ---- */
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function nullLast(a, b, f) {
    var x = f(a), y = f(b);
    if (x === null && y === null) { return 0; }
    if (x === null) { return 1; }
    if (y === null) { return -1; }
    return cmp(x, y);
  }
  var COLUMNS = [
    { key: "id", get: function (i) { return i.id === null ? null : i.id; } },
    { key: "title", get: function (i) { return plain(i.title).toLowerCase(); } },
    { key: "pillar", get: function (i) { return i.pillar; } },
    { key: "status", get: function (i) { return statusLabel(i.status); } },
    { key: "leads", get: function (i) { return i._leads.join(", ") || null; } },
    { key: "progress", get: function (i) { return i.milestones.progress; } },
    { key: "next_due", get: function (i) { return i.next_due ? i.next_due.due : null; } },
    { key: "overdue", get: function (i) { return i.milestones.overdue; } },
    { key: "evidence", get: function (i) { return i.newest_evidence; } }
  ];
  function selected() {
    var q = state.q.trim().toLowerCase();
    var out = ITEMS.filter(function (i) {
      return (!q || i._search.indexOf(q) >= 0) &&
        (!state.pillar || String(i.pillar) === state.pillar) &&
        (!state.status || i.status === state.status) &&
        (!state.lead || i._leads.indexOf(state.lead) >= 0) &&
        (!state.overdue || i.milestones.overdue > 0);
    });
    var col = COLUMNS.filter(function (c) { return c.key === state.sort; })[0] || COLUMNS[0];
    var sign = state.dir === "desc" ? -1 : 1;
    out.sort(function (a, b) {
      var x = col.get(a), y = col.get(b);
      if (x === null || y === null) { return nullLast(a, b, col.get) || a._i - b._i; }
      return sign * cmp(x, y) || a._i - b._i;
    });
    return out;
  }

  /* ---- controls ---- */
  function option(value, text, current) {
    var o = el("option", { value: value }, text);
    if (value === current) { o.selected = true; }
    return o;
  }
  function fillFilters() {
    var any = L("filter_any");
    var fp = document.getElementById("f-pillar");
    fp.replaceChildren(option("", any, state.pillar));
    DATA.pillars.forEach(function (p) { fp.appendChild(option(String(p.number), p.roman + ". " + plain(p.title), state.pillar)); });
    var fs = document.getElementById("f-status");
    fs.replaceChildren(option("", any, state.status));
    var statuses = [];
    ITEMS.forEach(function (i) { if (statuses.indexOf(i.status) < 0) { statuses.push(i.status); } });
    statuses.sort().forEach(function (s) { fs.appendChild(option(s, statusLabel(s), state.status)); });
    var fl = document.getElementById("f-lead");
    fl.replaceChildren(option("", any, state.lead));
    var leads = [];
    ITEMS.forEach(function (i) { i._leads.forEach(function (o) { if (leads.indexOf(o) < 0) { leads.push(o); } }); });
    leads.sort().forEach(function (o) { fl.appendChild(option(o, orgLabel(o), state.lead)); });
    var fo = document.getElementById("f-sort");
    fo.replaceChildren();
    COLUMNS.forEach(function (c) {
      ["asc", "desc"].forEach(function (dir) {
        fo.appendChild(option(c.key + ":" + dir, L(HEAD_LABELS[c.key]) + " (" + L("sort_" + dir) + ")", state.sort + ":" + state.dir));
      });
    });
    document.getElementById("f-q").value = state.q;
    document.getElementById("f-overdue").checked = state.overdue;
  }

  /* ---- the table ---- */
  var HEAD_LABELS = { id: "id", title: "initiative", pillar: "pillar", status: "status", leads: "leads_both", progress: "progress", next_due: "next_due", overdue: "overdue", evidence: "newest_evidence" };
  function cell(key, content, cls) {
    return el("td", { "data-label": L(HEAD_LABELS[key]), "class": cls || null }, el("span", null, content));
  }
  function row(i) {
    var m = i.milestones;
    var p = pillarOf(i.pillar);
    var link = el("a", { href: "#ini-" + i._i, "data-jump": "ini-" + i._i }, tx(i.title));
    var leads = [];
    ["mx", "us"].forEach(function (side) {
      var ids = i.leads[side] || [];
      leads.push(el("span", { "class": "nowrap" }, L(side === "mx" ? "leads_mx" : "leads_us") + ": " + (ids.length ? ids.join(", ") : L("none"))));
      if (side === "mx") { leads.push(el("br")); }
    });
    var bar = svg("svg", { "class": "bar", viewBox: "0 0 100 10", preserveAspectRatio: "none", "aria-hidden": "true", focusable: "false" }, [
      svg("rect", { "class": "bar-bg", x: 0, y: 0, width: 100, height: 10 }),
      m.progress === null ? null : svg("rect", { "class": "bar-fg", x: 0, y: 0, width: Math.round(m.progress * 1000) / 10, height: 10 })
    ]);
    return el("tr", null, [
      cell("id", label(i), "num"),
      cell("title", link),
      cell("pillar", p ? p.roman : String(i.pillar)),
      cell("status", statusLabel(i.status)),
      cell("leads", leads),
      cell("progress", [bar, " " + m.done + "/" + m.counted + " · " + pct(m)], "progress"),
      cell("next_due", i.next_due ? i.next_due.label : L("none"), "nowrap"),
      cell("overdue", m.overdue ? el("span", { "class": "late-flag" }, String(m.overdue)) : L("none"), "num"),
      cell("evidence", i.newest_evidence || L("none"), "nowrap")
    ]);
  }
  function renderTable(list) {
    var pages = Math.max(1, Math.ceil(list.length / PAGE_SIZE));
    if (state.page > pages) { state.page = pages; }
    var start = printing ? 0 : (state.page - 1) * PAGE_SIZE;
    var shown = printing ? list : list.slice(start, start + PAGE_SIZE);
    var frag = document.createDocumentFragment();
    shown.forEach(function (i) { frag.appendChild(row(i)); });
    document.querySelector("#ini-table tbody").replaceChildren(frag);
    document.querySelectorAll("#ini-table th[data-key]").forEach(function (th) {
      var key = th.getAttribute("data-key");
      if (key === state.sort) { th.setAttribute("aria-sort", state.dir === "asc" ? "ascending" : "descending"); } else { th.removeAttribute("aria-sort"); }
    });
    document.getElementById("showing").textContent = list.length ? L("showing", { from: start + 1, to: start + shown.length, n: list.length }) : L("showing_none");
    document.getElementById("pager").hidden = pages <= 1;
    document.getElementById("page-info").textContent = state.page + " / " + pages;
    document.getElementById("page-prev").disabled = state.page <= 1;
    document.getElementById("page-next").disabled = state.page >= pages;
    return shown;
  }

  /* ---- the timeline ---- */
  var SHAPES = ["done", "overdue", "open", "unknown", "other"];
  function group(st) {
    if (st === "done" || st === "overdue" || st === "unknown") { return st; }
    if (st === "upcoming" || st === "in_progress" || st === "planned") { return "open"; }
    return "other";
  }
  function mark(g, x, y, r) {
    var cls = "st-" + g;
    if (g === "overdue") { return svg("path", { "class": cls, d: "M" + x + " " + (y - r - 1) + " L" + (x + r + 1) + " " + (y + r) + " L" + (x - r - 1) + " " + (y + r) + " Z" }); }
    if (g === "unknown") { return svg("rect", { "class": cls, x: x - r, y: y - r, width: 2 * r, height: 2 * r }); }
    if (g === "other") { return svg("path", { "class": cls, d: "M" + x + " " + (y - r - 1) + " L" + (x + r + 1) + " " + y + " L" + x + " " + (y + r + 1) + " L" + (x - r - 1) + " " + y + " Z" }); }
    return svg("circle", { "class": cls, cx: x, cy: y, r: r });
  }
  var LEGEND = { done: "ms_done", overdue: "ms_overdue", open: "ms_upcoming", unknown: "ms_unknown", other: "ms_cancelled" };
  function renderLegend() {
    var ul = document.getElementById("legend");
    ul.setAttribute("aria-label", L("legend"));
    ul.replaceChildren();
    SHAPES.forEach(function (g) {
      var text = g === "other" ? L("ms_cancelled") + " / " + L("ms_context") : g === "open" ? L("ms_upcoming") + " / " + L("ms_in_progress") : L(LEGEND[g]);
      ul.appendChild(el("li", null, [svg("svg", { viewBox: "0 0 16 16", "aria-hidden": "true", focusable: "false" }, mark(g, 8, 8, 5)), text]));
    });
    ul.appendChild(el("li", null, [svg("svg", { viewBox: "0 0 16 16", "aria-hidden": "true", focusable: "false" }, svg("rect", { "class": "st-open span", x: 1, y: 4, width: 14, height: 8 })), L("timeline_span")]));
  }
  function day(s) { return Date.parse(s + "T00:00:00Z") / 86400000; }
  function renderTimeline(list) {
    var box = document.getElementById("timeline-chart");
    var byIni = {};
    DATA.timeline.items.forEach(function (t) { (byIni[t.initiative] = byIni[t.initiative] || []).push(t); });
    var rows = list.filter(function (i) { return byIni[i._i]; });
    if (!rows.length) { box.replaceChildren(el("p", null, L("showing_none"))); return; }
    var today = day(DATA.as_of), lo = today, hi = today;
    rows.forEach(function (i) { byIni[i._i].forEach(function (t) { lo = Math.min(lo, day(t.start)); hi = Math.max(hi, day(t.end)); }); });
    var y0 = new Date(lo * 86400000).getUTCFullYear(), y1 = new Date(hi * 86400000).getUTCFullYear() + 1;
    lo = day(y0 + "-01-01"); hi = day(y1 + "-01-01");
    var W = 1000, left = 70, right = 10, top = 24, rowH = 22, H = top + rows.length * rowH + 8;
    function xOf(d) { return left + (W - left - right) * (d - lo) / (hi - lo); }
    var title = el("span", null, L("timeline") + " · " + L("as_of") + " " + DATA.as_of);
    var nodes = [svg("title", { id: "tl-title" }, title.textContent)];
    for (var y = y0; y <= y1; y++) {
      var x = xOf(day(y + "-01-01"));
      nodes.push(svg("line", { "class": "axis", x1: x, x2: x, y1: top - 6, y2: H }));
      if (y < y1) { nodes.push(svg("text", { x: x + 3, y: 12 }, String(y))); }
    }
    var tx0 = xOf(today);
    nodes.push(svg("line", { "class": "today", x1: tx0, x2: tx0, y1: top - 6, y2: H }));
    nodes.push(svg("text", { x: tx0 > W - 60 ? tx0 - 3 : tx0 + 3, y: top - 8, "text-anchor": tx0 > W - 60 ? "end" : "start" }, L("today")));
    rows.forEach(function (i, n) {
      var cy = top + n * rowH + rowH / 2;
      nodes.push(svg("text", { x: 4, y: cy + 4 }, label(i)));
      nodes.push(svg("line", { "class": "axis", x1: left, x2: W - right, y1: cy, y2: cy }));
      byIni[i._i].forEach(function (t) {
        var g = group(t.state), xs = xOf(day(t.start)), xe = xOf(day(t.end) + 1);
        var ms = null;
        (i.milestones_list || []).forEach(function (m) { if (m.id === t.milestone) { ms = m; } });
        var tip = label(i) + " " + t.milestone + ": " + (ms ? plain(ms.title) : "") + " — " + t.label + " — " + stateLabel(t.state);
        var parts = [svg("title", null, tip)];
        if (t.start !== t.end) { parts.push(svg("rect", { "class": "st-" + g + " span", x: xs, y: cy - 5, width: Math.max(2, xe - xs), height: 10 })); }
        parts.push(mark(g, t.start !== t.end ? (xs + xe) / 2 : xs, cy, 5));
        nodes.push(svg("g", null, parts));
      });
    });
    box.replaceChildren(svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-labelledby": "tl-title" }, nodes));
  }

  /* ---- the initiatives in full ---- */
  function table(caption, heads, rows) {
    return el("div", { "class": "scroll", tabindex: "0", role: "region", "aria-label": caption }, el("table", null, [
      el("caption", null, caption),
      el("thead", null, el("tr", null, heads.map(function (h) { return el("th", { scope: "col" }, h); }))),
      el("tbody", null, rows)
    ]));
  }
  function fact(term, value) { return el("div", null, [el("dt", null, term), el("dd", null, value)]); }
  function milestoneStatus(m) {
    if (m.status === "done") {
      if (m.completed_on) { return L("completed_on", { date: m.completed_on }); }
      if (m.completed_by) { return L("completed_by", { date: m.completed_by }); }
    }
    return stateLabel(m.state);
  }
  function detail(i) {
    var p = pillarOf(i.pillar);
    var facts = [];
    [state.lang, state.lang === "es" ? "en" : "es"].forEach(function (lg) {
      var kind = (i.title_provenance || {})[lg];
      var prov = kind && L("prov_" + kind) !== "prov_" + kind ? L("prov_" + kind) : kind;
      facts.push(fact(L("title_in", { code: lg }), i.title[lg] ? [el("span", { lang: lg }, i.title[lg]), prov ? " (" + prov + ")" : ""] : L("none")));
    });
    if (p) { facts.push(fact(L("pillar"), [p.roman + ". ", tx(p.title)])); }
    facts.push(fact(L("status"), statusLabel(i.status) + (i.status_as_of ? " (" + L("as_of") + " " + i.status_as_of + ")" : "")));
    if (i.announced) { facts.push(fact(L("announced"), i.announced)); }
    ["mx", "us"].forEach(function (side) {
      var ids = i.leads[side] || [];
      facts.push(fact(L("leads") + " · " + L(side), ids.length ? ids.map(orgLabel).join("; ") : L("not_known")));
    });
    if (i.participants && i.participants.length) {
      facts.push(fact(L("participants"), i.participants.map(function (x) { return orgLabel(x.org) + (x.role ? ": " + (L("role_" + x.role) === "role_" + x.role ? x.role : L("role_" + x.role)) : ""); }).join("; ")));
    }
    var m = i.milestones;
    facts.push(fact(L("progress"), m.done + "/" + m.counted + " · " + pct(m) + (m.overdue ? " · " + L("late_detail", { n: m.overdue }) : "")));
    facts.push(fact(L("newest_evidence"), i.newest_evidence || L("none")));
    var kids = [el("h3", { id: "ini-" + i._i, tabindex: "-1" }, [label(i) + " · ", tx(i.title)]), el("dl", { "class": "facts" }, facts)];
    if (i.summary && (i.summary.es || i.summary.en)) { kids.push(el("p", null, [el("strong", null, L("summary") + ": "), tx(i.summary)])); }
    var ms = i.milestones_list || [];
    if (ms.length) {
      kids.push(table(L("milestones") + " · " + label(i), [L("date"), L("milestone"), L("kind"), L("status"), L("sources")], ms.map(function (x) {
        var when = x.completed_on || x.completed_by || x.due_label || L("none");
        var title = [tx(x.title)];
        if (x.basis === "editorial") { title.push(" (" + L("editorial") + ")"); }
        if (x.note && (x.note.es || x.note.en)) { title.push(el("br"), el("small", null, tx(x.note))); }
        return el("tr", null, [
          el("td", { "class": "nowrap" }, when),
          el("td", null, title),
          el("td", null, L("kind_" + x.kind) === "kind_" + x.kind ? x.kind : L("kind_" + x.kind)),
          el("td", { "class": "state state-" + x.state }, milestoneStatus(x)),
          el("td", null, (x.sources || []).join(", ") || L("none"))
        ]);
      })));
    }
    var inds = i.indicators || [];
    if (inds.length) {
      var rows = [];
      inds.forEach(function (ind) {
        [["target", ind.targets], ["actual", ind.actuals]].forEach(function (pair) {
          pair[1].forEach(function (pt) {
            rows.push(el("tr", null, [el("td", null, tx(ind.title)), el("td", null, L(pair[0])), el("td", null, pt.date || ""), el("td", { "class": "num" }, pt.value === null ? "" : String(pt.value)), el("td", null, ind.unit || "")]));
          });
        });
      });
      kids.push(table(L("indicators") + " · " + label(i), [L("title"), L("kind"), L("date"), L("value"), L("unit")], rows));
    }
    var srcs = (i.source_refs || []).map(function (n) { return DATA.sources[n]; });
    if (srcs.length) {
      kids.push(el("h4", null, L("sources")));
      kids.push(el("ul", { "class": "sources" }, srcs.map(function (s) {
        var url = href(s.url);
        var name = url ? el("a", { href: url, rel: "noopener noreferrer" }, s.title || s.id) : el("span", null, s.title || s.id);
        var meta = [s.publisher, s.date, s.official ? L("official_source") : null].filter(Boolean).join(", ");
        return el("li", null, [el("code", null, s.id), " ", name, meta ? " — " + meta : "", !url && s.url ? [" ", el("code", null, s.url)] : null]);
      })));
    }
    if (i.notes && (i.notes.es || i.notes.en)) { kids.push(el("p", null, [el("strong", null, L("notes") + ": "), tx(i.notes)])); }
    return el("article", { "class": "initiative", "aria-labelledby": "ini-" + i._i }, kids);
  }
  function renderDetails(list) {
    var frag = document.createDocumentFragment();
    list.forEach(function (i) { frag.appendChild(detail(i)); });
    document.getElementById("details-list").replaceChildren(frag);
  }

  /* ---- everything ---- */
  function render() {
    document.documentElement.lang = state.lang;
    document.querySelectorAll("[data-set-lang]").forEach(function (b) { b.setAttribute("aria-pressed", String(b.getAttribute("data-set-lang") === state.lang)); });
    document.title = safe(plain(DATA.dialogue.acronym) || "DEAN") + " · " + L("subtitle", { date: DATA.as_of });
    var shown = renderTable(selected());
    renderLegend();
    renderTimeline(shown);
    renderDetails(shown);
    if (!printing && !anchor) { writeHash(); }
  }
  function update(changes, keepPage) {
    anchor = false;
    Object.keys(changes).forEach(function (k) { state[k] = changes[k]; });
    if (!keepPage) { state.page = 1; }
    render();
  }

  /* a link to a section (#timeline) keeps its hash until the reader changes the view */
  var anchor = !readHash() && location.hash.length > 1;
  fillFilters();
  render();

  document.querySelectorAll("[data-set-lang]").forEach(function (b) {
    b.addEventListener("click", function () {
      state.lang = b.getAttribute("data-set-lang");
      fillFilters();
      render();
    });
  });
  var form = document.getElementById("filters");
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  var typing = null;  /* redraw once typing pauses: large plans filter thousands of rows */
  document.getElementById("f-q").addEventListener("input", function (e) {
    clearTimeout(typing);
    if (ITEMS.length > 500) {  // large plans: redraw after a pause in typing
      typing = setTimeout(function () { update({ q: e.target.value }); }, 200);
    } else {
      update({ q: e.target.value });
    }
  });
  document.getElementById("f-pillar").addEventListener("change", function (e) { update({ pillar: e.target.value }); });
  document.getElementById("f-status").addEventListener("change", function (e) { update({ status: e.target.value }); });
  document.getElementById("f-lead").addEventListener("change", function (e) { update({ lead: e.target.value }); });
  document.getElementById("f-sort").addEventListener("change", function (e) {
    var v = e.target.value.split(":");
    update({ sort: v[0], dir: v[1] });
  });
  document.getElementById("f-overdue").addEventListener("change", function (e) { update({ overdue: e.target.checked }); });
  form.addEventListener("reset", function (e) {
    e.preventDefault();
    update({ q: "", pillar: "", status: "", lead: "", overdue: false });
    fillFilters();
  });
  document.querySelectorAll("#ini-table th[data-key] button").forEach(function (b) {
    b.addEventListener("click", function () {
      var key = b.parentNode.getAttribute("data-key");
      update({ sort: key, dir: state.sort === key && state.dir === "asc" ? "desc" : "asc" });
      document.getElementById("f-sort").value = state.sort + ":" + state.dir;
    });
  });
  document.getElementById("page-prev").addEventListener("click", function () { update({ page: state.page - 1 }, true); });
  document.getElementById("page-next").addEventListener("click", function () { update({ page: state.page + 1 }, true); });
  /* links inside the page move the focus there and leave the URL (the view's state) alone */
  document.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest('a[href^="#"]') : null;
    if (!a) { return; }
    var target = document.getElementById(a.getAttribute("data-jump") || a.getAttribute("href").slice(1));
    if (!target) { return; }
    e.preventDefault();
    if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
    target.scrollIntoView();
    target.focus({ preventScroll: true });
  });
  window.addEventListener("hashchange", function () { if (readHash()) { anchor = false; fillFilters(); render(); } });
  /* on paper: every initiative of the selection, unpaged, and the findings listed */
  var closed = [];
  window.addEventListener("beforeprint", function () {
    printing = true;
    closed = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) { return !d.open; });
    closed.forEach(function (d) { d.open = true; });
    render();
  });
  window.addEventListener("afterprint", function () {
    printing = false;
    closed.forEach(function (d) { d.open = false; });
    render();
  });
}());
