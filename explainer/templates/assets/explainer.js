/* Explainer pages: progressive enhancements; every page works without this script. */
(function () {
  "use strict";

  /* The timeline of a year can be narrowed to one story: the list shows only its events, the
     picture dims the others (its layout stays). Without JavaScript the filter stays hidden and
     every event is shown. */
  function setUpTimelineFilters(root) {
    root.querySelectorAll("[data-timeline-filter]").forEach(function (box) {
      var select = box.querySelector("select");
      var list = box.parentElement.querySelector("ol.timeline");
      if (!select || !list || box.dataset.ready) return;
      box.dataset.ready = "1";
      box.hidden = false;
      select.addEventListener("change", function () {
        var other = function (element) {
          return select.value !== "" && element.getAttribute("data-story") !== select.value;
        };
        list.querySelectorAll("li[data-story]").forEach(function (item) {
          item.hidden = other(item);
        });
        box.parentElement.querySelectorAll(".pic .tl-row[data-story]").forEach(function (row) {
          row.classList.toggle("is-dimmed", other(row));
        });
      });
    });
  }

  /* Citation previews: the cited paragraph's text (the link's title) in a tooltip on hover and
     on keyboard focus. The text is set with textContent, never as HTML: it is article text.
     Without JavaScript the browser shows the same title natively. */
  var tip = null;
  var current = null;
  var hideTimer = null;

  function tooltip() {
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "explainer-tooltip";
      tip.className = "explainer-tooltip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
      tip.addEventListener("mouseleave", function () { hide(); });
      document.body.appendChild(tip);
    }
    return tip;
  }

  function show(link) {
    clearTimeout(hideTimer);
    var box = tooltip();
    if (current && current !== link) { current.removeAttribute("aria-describedby"); }
    current = link;
    box.textContent = link.dataset.preview;
    box.hidden = false;
    link.setAttribute("aria-describedby", box.id);
    var rect = link.getBoundingClientRect();
    var width = Math.min(448, document.documentElement.clientWidth - 16);
    box.style.maxWidth = width + "px";
    var left = Math.max(8, Math.min(rect.left + window.scrollX - 16,
      window.scrollX + document.documentElement.clientWidth - width - 8));
    box.style.left = left + "px";
    box.style.top = (rect.bottom + window.scrollY + 6) + "px";
  }

  function hide(delay) {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () {
      if (tip) { tip.hidden = true; }
      if (current) { current.removeAttribute("aria-describedby"); current = null; }
    }, delay || 0);
  }

  function setUpCitations(root) {
    root.querySelectorAll("a.cite[title]").forEach(function (link) {
      link.dataset.preview = link.title;
      link.removeAttribute("title");  /* one tooltip, not the browser's as well */
      link.addEventListener("mouseenter", function () { show(link); });
      link.addEventListener("mouseleave", function () { hide(150); });
      link.addEventListener("focus", function () { show(link); });
      link.addEventListener("blur", function () { hide(); });
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { hide(); }
  });

  function setUp() {
    setUpTimelineFilters(document);
    setUpCitations(document);
  }

  /* Material's instant navigation swaps pages without reloading: run on every page it shows. */
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
