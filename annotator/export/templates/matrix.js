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

  function quoteItem(q) {
    var li = el("li", "quote " + ((data.styles[q.label] || {}).css || ""));
    li.appendChild(el("blockquote", null, q.text));
    var how = el("p", "quote-label");
    how.appendChild(chip(q.label));
    if (q.source === "annotator") {
      var who = q.annotators && q.annotators.length ? q.annotators.join(", ") : "a reviewer";
      how.appendChild(el("span", "badge badge-reviewed", "✓ reviewed by " + who));
      if (q.model_label && q.model_label !== q.label) {
        var ms = data.styles[q.model_label];
        how.appendChild(el("span", "was", "model proposed " + (ms ? ms.word : q.model_label).toLowerCase()));
      }
    } else {
      how.appendChild(el("span", "badge badge-model", "⚙ model, " + pct(q.confidence)));
    }
    if (q.disputed) {
      how.appendChild(el("span", "badge badge-disputed", "! reviewers split"));
      var split = Object.keys(q.reviews || {}).map(function (who) {
        var s = data.styles[q.reviews[who]];
        return who + ": " + (s ? s.word : q.reviews[who]).toLowerCase();
      });
      if (split.length) how.appendChild(el("span", "split", split.join("; ")));
    }
    li.appendChild(how);
    var src = el("p", "quote-source");
    var url = safeUrl(q.url);
    var name = q.title || q.article_id;
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
    src.appendChild(el("span", "pos", "characters " + q.start + "–" + q.end + (q.title ? " of " + q.article_id : "")));
    li.appendChild(src);
    return li;
  }

  function openCell(button) {
    var c = data.cells[button.getAttribute("data-key")];
    if (!c) return;
    document.getElementById("dialog-title").textContent = c.expert + ": " + c.short;
    document.getElementById("dialog-question").textContent = c.question_text;
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
})();
