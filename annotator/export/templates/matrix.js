(function () {
  "use strict";
  // Article text is only ever put into the page with textContent, never innerHTML.
  var data = JSON.parse(document.getElementById("matrix-data").textContent);
  var dialog = document.getElementById("quotes-dialog");
  var opener = null;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function safeUrl(value) {
    if (!value) return null;
    try {
      var u = new URL(value);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  function chip(label) {
    var s = data.styles[label] || { symbol: "?", word: label, css: "" };
    var c = el("span", "chip " + s.css);
    var sym = el("span", "sym", s.symbol);
    sym.setAttribute("aria-hidden", "true");
    c.appendChild(sym);
    c.appendChild(document.createTextNode(" " + s.word));
    return c;
  }

  function pct(x) { return Math.round(x * 100) + "%"; }

  function labelWord(label) {
    var s = data.styles[label];
    return (s ? s.word : label).toLowerCase();
  }

  function quoteText(q) {
    // the sentence before and the quote's sentence, the quote itself marked
    var bq = el("blockquote", "quote-text");
    if (q.context) {
      if (q.context[0]) bq.appendChild(el("span", "ctx", q.context[0]));
      bq.appendChild(el("mark", "said", q.text));
      if (q.context[1]) bq.appendChild(el("span", "ctx", q.context[1]));
    } else {
      bq.appendChild(el("mark", "said", q.text));
    }
    return bq;
  }

  function whyLine(q) {
    // why the quote carries its label: who gave it, how sure, and the question words in it
    var why = el("p", "quote-why");
    why.appendChild(el("span", "why-head", "Why: "));
    var parts = [];
    if (q.source === "annotator") {
      var who = q.annotators && q.annotators.length ? q.annotators.join(", ") : "a reviewer";
      parts.push("labelled " + labelWord(q.label) + " by " + who);
      if (q.model_label && q.model_label !== q.label) parts.push("the model proposed " + labelWord(q.model_label));
    } else {
      parts.push("model proposal, " + pct(q.confidence) + " confidence, not yet reviewed");
    }
    if (q.terms && q.terms.length) {
      parts.push("on the question because it mentions " + q.terms.map(function (t) { return "\u201c" + t + "\u201d"; }).join(", "));
    }
    why.appendChild(document.createTextNode(parts.join("; ") + "."));
    return why;
  }

  function quoteItem(q) {
    var li = el("li", "quote " + ((data.styles[q.label] || {}).css || ""));
    li.appendChild(quoteText(q));
    var how = el("p", "quote-label");
    how.appendChild(chip(q.label));
    if (q.source === "annotator") {
      var who = q.annotators && q.annotators.length ? q.annotators.join(", ") : "a reviewer";
      how.appendChild(el("span", "badge badge-reviewed", "✓ reviewed by " + who));
    } else {
      how.appendChild(el("span", "badge badge-model", "⚙ model, " + pct(q.confidence)));
    }
    if (q.disputed) {
      how.appendChild(el("span", "badge badge-disputed", "! reviewers split"));
      var split = Object.keys(q.reviews || {}).map(function (who) {
        return who + ": " + labelWord(q.reviews[who]);
      });
      if (split.length) how.appendChild(el("span", "split", split.join("; ")));
    }
    li.appendChild(how);
    li.appendChild(whyLine(q));
    var src = el("p", "quote-source");
    var url = safeUrl(q.url);
    var name = q.title || "Untitled article (" + q.article_id + ")";
    if (url) {
      var a = el("a", null, name);
      a.setAttribute("href", url);
      a.setAttribute("target", "_blank");
      a.setAttribute("rel", "noopener noreferrer");
      src.appendChild(a);
    } else {
      src.appendChild(el("span", "title", name));
    }
    if (q.date) src.appendChild(el("span", "date", q.date));
    li.appendChild(src);
    return li;
  }

  function openCell(button) {
    var c = data.cells[button.getAttribute("data-key")];
    if (!c) return;
    document.getElementById("dialog-title").textContent = c.expert + ": " + c.short;
    document.getElementById("dialog-question").textContent = c.question_text;
    var who = [c.role, c.organisation].filter(function (x) { return x; }).join(", ");
    var whoLine = document.getElementById("dialog-who");
    whoLine.textContent = who;
    whoLine.hidden = !who;
    var st = document.getElementById("dialog-stance");
    st.textContent = "";
    st.appendChild(chip(c.stance));
    st.appendChild(el("span", "conf", pct(c.confidence) + " confidence"));
    st.appendChild(c.reviewed ? el("span", "badge badge-reviewed", "✓ reviewed by a person")
                              : el("span", "badge badge-model", "⚙ model proposal"));
    if (c.disputed) st.appendChild(el("span", "badge badge-disputed", "! reviewers disagree"));
    var list = document.getElementById("dialog-quotes");
    list.textContent = "";
    c.evidence.forEach(function (q) { list.appendChild(quoteItem(q)); });
    opener = button;
    if (typeof dialog.showModal === "function") dialog.showModal(); else dialog.setAttribute("open", "");
    document.getElementById("dialog-close").focus();
  }

  function closeDialog() {
    if (typeof dialog.close === "function") dialog.close(); else dialog.removeAttribute("open");
  }

  Array.prototype.forEach.call(document.querySelectorAll("button.cell"), function (b) {
    b.addEventListener("click", function () { openCell(b); });
  });
  document.getElementById("dialog-close").addEventListener("click", closeDialog);
  dialog.addEventListener("click", function (e) { if (e.target === dialog) closeDialog(); });
  dialog.addEventListener("close", function () { if (opener) opener.focus(); });

  // Filters: question hides other columns, expert hides other rows, stance hides other cells
  // (and rows left with no matching cell).
  var form = document.getElementById("filters");
  var fq = document.getElementById("filter-question");
  var fx = document.getElementById("filter-expert");
  var fs = document.getElementById("filter-stance");
  var status = document.getElementById("filter-status");
  form.hidden = false;

  function apply() {
    var q = fq.value, x = fx.value, s = fs.value, shown = 0, total = 0;
    Array.prototype.forEach.call(document.querySelectorAll("#matrix thead th[data-question]"), function (th) {
      th.hidden = !!q && th.getAttribute("data-question") !== q;
    });
    Array.prototype.forEach.call(document.querySelectorAll("#matrix tbody tr"), function (tr) {
      var any = false;
      Array.prototype.forEach.call(tr.querySelectorAll("td[data-question]"), function (td) {
        total += 1;
        var colOn = !q || td.getAttribute("data-question") === q;
        var match = !s || td.getAttribute("data-stance") === s;
        td.hidden = !colOn;
        td.classList.toggle("filtered-out", colOn && !match);
        var inner = td.firstElementChild;
        if (inner) inner.hidden = !match;
        if (colOn && match) any = true;
      });
      var rowOn = (!x || tr.getAttribute("data-expert") === x) && any;
      tr.hidden = !rowOn;
      if (rowOn) {
        shown += tr.querySelectorAll("td[data-question]:not([hidden]):not(.filtered-out)").length;
      }
    });
    status.textContent = (q || x || s) ? "Showing " + shown + " of " + total + " cells" : "";
  }

  [fq, fx, fs].forEach(function (f) { f.addEventListener("change", apply); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  apply();

  // The experts directory: sort by a column heading, filter by words.
  var dirBody = document.querySelector("#directory tbody");
  var dirTools = document.getElementById("directory-tools");
  var dirFilter = document.getElementById("directory-filter");
  var dirStatus = document.getElementById("directory-status");
  if (dirBody && dirTools) {
    dirTools.hidden = false;
    var sorted = { key: null, dir: 1 };
    Array.prototype.forEach.call(document.querySelectorAll("#directory button.sort"), function (b) {
      b.addEventListener("click", function () {
        var key = b.getAttribute("data-sort");
        // numbers sort largest first the first time, names A to Z
        sorted.dir = sorted.key === key ? -sorted.dir : (key === "name" ? 1 : -1);
        sorted.key = key;
        var rows = Array.prototype.slice.call(dirBody.querySelectorAll("tr"));
        rows.sort(function (x, y) {
          var a = x.getAttribute("data-" + key), z = y.getAttribute("data-" + key), d;
          if (key === "name") d = a.localeCompare(z);
          else d = Number(a) - Number(z);
          if (d === 0) d = sorted.dir * (Number(x.getAttribute("data-order")) - Number(y.getAttribute("data-order")));
          return sorted.dir * d;
        });
        rows.forEach(function (r) { dirBody.appendChild(r); });
        Array.prototype.forEach.call(document.querySelectorAll("#directory thead th"), function (th) {
          var sb = th.querySelector("button.sort");
          if (!sb) return;
          th.setAttribute("aria-sort", sb === b ? (sorted.dir === 1 ? "ascending" : "descending") : "none");
        });
      });
    });
    var filterDirectory = function () {
      var words = dirFilter.value.toLowerCase().split(/\s+/).filter(function (w) { return w; });
      var shown = 0, rows = dirBody.querySelectorAll("tr");
      Array.prototype.forEach.call(rows, function (tr) {
        var hay = tr.getAttribute("data-search") || "";
        var on = words.every(function (w) { return hay.indexOf(w) !== -1; });
        tr.hidden = !on;
        if (on) shown += 1;
      });
      dirStatus.textContent = words.length ? "Showing " + shown + " of " + rows.length + " experts" : "";
    };
    dirFilter.addEventListener("input", filterDirectory);
    dirTools.addEventListener("submit", function (e) { e.preventDefault(); });
  }
})();
