// newsan's HTML page: light an item's mentions, and filter the list of articles.
// It reads only attributes newsan wrote (numbers, and text it sets with textContent).
(function () {
  "use strict";
  var filterKey = null; // the item of the list's filter, lit in each article opened from it

  function lit(doc) {
    doc.querySelectorAll(".hl").forEach(function (el) { el.classList.remove("hl"); });
    doc.querySelectorAll('.item[aria-pressed="true"]').forEach(function (el) { el.setAttribute("aria-pressed", "false"); });
  }

  function light(item, scroll) {
    var doc = item.closest("article");
    var on = item.getAttribute("aria-pressed") !== "true";
    lit(doc);
    if (!on) return;
    item.setAttribute("aria-pressed", "true");
    var selectors = [];
    if (item.dataset.e) selectors.push('.text mark[data-e="' + item.dataset.e + '"]');
    if (item.dataset.s) selectors.push('.text .q[data-s="' + item.dataset.s + '"]', '.text .cue[data-s="' + item.dataset.s + '"]');
    var found = selectors.length ? doc.querySelectorAll(selectors.join(", ")) : [];
    found.forEach(function (el) { el.classList.add("hl"); });
    if (scroll && found.length) found[0].scrollIntoView({ block: "center" });
  }

  function itemFor(mark) {
    var doc = mark.closest("article");
    if (mark.matches("mark")) return doc.querySelector('.item:not(.sp)[data-e="' + mark.dataset.e + '"]');
    return doc.querySelector('.item.sp[data-s="' + mark.dataset.s + '"]');
  }

  function setFilter(link) {
    var keep = link ? new Set(link.dataset.docs.split(" ")) : null;
    var shown = 0;
    document.querySelectorAll("#list li[data-i]").forEach(function (li) {
      li.hidden = keep !== null && !keep.has(li.dataset.i);
      if (!li.hidden) shown += 1;
    });
    var label = document.querySelector("#list .filter");
    if (label) label.textContent = link ? link.dataset.label + " (" + shown + ")" : "";
    var all = document.getElementById("show-all");
    if (all) all.hidden = !link;
    filterKey = link && link.dataset.k ? link.dataset.k : null;
  }

  function openFromHash() {
    var match = /^#doc-(\d+)$/.exec(location.hash);
    var doc = match && document.getElementById("doc-" + match[1]);
    document.body.classList.toggle("reading", Boolean(doc) && document.body.classList.contains("batch"));
    if (!doc || !filterKey) return;
    var items = doc.querySelectorAll(".item");
    for (var i = 0; i < items.length; i += 1) {
      if (items[i].dataset.k === filterKey) {
        if (items[i].getAttribute("aria-pressed") !== "true") light(items[i], false);
        return;
      }
    }
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    var link = target.closest("a.f");
    if (link) { setFilter(link); return; }
    if (target.closest("#show-all")) { setFilter(null); return; }
    var item = target.closest(".item");
    if (item) { light(item, true); return; }
    var mark = target.closest(".text mark[data-e], .text .q[data-s]");
    var owner = mark && itemFor(mark);
    if (owner) light(owner, false);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || !event.target.matches(".text mark[data-e]")) return;
    var owner = itemFor(event.target);
    if (owner) light(owner, false);
  });
  window.addEventListener("hashchange", openFromHash);
  openFromHash();
})();
