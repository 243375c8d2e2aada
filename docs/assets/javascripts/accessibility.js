/*
 * Accessibility fix that needs the rendered page, checked by
 * tests/test_accessibility.py.
 *
 * Some boxes in the page text scroll sideways when their content is wider
 * than the column, mostly on phones: Material's table wrappers
 * (.md-typeset__scrollwrap), and the display formulas, figures and quiz
 * options that layout.css lets scroll. A keyboard user can only scroll such a
 * box if it can take focus (WCAG 2.1.1; axe: scrollable-region-focusable), so,
 * as Material does for wide code blocks, a box that overflows gets
 * tabindex="0", and loses it again when its content fits. A box holding a
 * table with a caption also becomes a region named by the caption.
 *
 * Pages that draw content later (dashboard.js, exam.js) wrap their tables in
 * a `.scroll-box` and call window.guideScrollBoxes.refresh() after drawing.
 */
(function () {
  "use strict";

  var MARK = "data-a11y-scroll"; // set on the boxes this script made focusable
  var SCROLLS = /^(auto|scroll)$/;
  var boxes = []; // every element in the page text that may scroll

  function update(element) {
    var style = window.getComputedStyle(element);
    var scrolls =
      (SCROLLS.test(style.overflowX) && element.scrollWidth > element.clientWidth) ||
      (SCROLLS.test(style.overflowY) && element.scrollHeight > element.clientHeight);
    var caption = element.querySelector("caption");
    if (scrolls && !element.hasAttribute("tabindex")) {
      element.setAttribute("tabindex", "0");
      element.setAttribute(MARK, "");
      if (caption) {
        element.setAttribute("role", "region");
        element.setAttribute("aria-label", caption.textContent);
      }
    } else if (!scrolls && element.hasAttribute(MARK)) {
      ["tabindex", MARK, "role", "aria-label"].forEach(function (name) { element.removeAttribute(name); });
    }
  }

  // The boxes layout.css (and Material, for tables) lets scroll sideways.
  // Only these are checked: computing the style of every element of a long
  // page would block the page for a noticeable time on a slow phone.
  var CANDIDATES = [
    ".md-typeset__scrollwrap",
    ".md-typeset math[display='block']",
    ".md-typeset p:has(> img)",
    ".md-typeset .quiz fieldset > div > label",
    ".md-typeset .scroll-box",
    ".md-typeset pre > code", // Material does this for the code blocks it finds at load, not for later ones
  ].join(",");

  // Which of them scroll depends on the window width (phone-only styles), so
  // look for them again after a resize.
  function findBoxes() {
    boxes = Array.prototype.filter.call(document.querySelectorAll(CANDIDATES), function (element) {
      var style = window.getComputedStyle(element);
      return SCROLLS.test(style.overflowX) || SCROLLS.test(style.overflowY);
    });
  }

  // Run work once the browser is idle (or on the next frame, where there is no
  // idle callback), at most once for any number of calls in between: the first
  // Tab press comes long after the page has settled.
  function later(work) {
    var pending = false;
    var schedule = window.requestIdleCallback
      ? function (run) { window.requestIdleCallback(run, { timeout: 1000 }); }
      : window.requestAnimationFrame.bind(window);
    return function () {
      if (pending) return;
      pending = true;
      schedule(function () {
        pending = false;
        work();
      });
    };
  }

  var rescan = later(function () {
    findBoxes();
    boxes.forEach(update);
  });
  var recheck = later(function () {
    boxes.forEach(update);
  });

  window.guideScrollBoxes = {
    refresh: function () {
      window.requestAnimationFrame(function () {
        findBoxes();
        boxes.forEach(update);
      });
    },
  };

  // Material wraps the tables when it mounts the page (document$); run after it.
  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(rescan);
  } else {
    window.addEventListener("DOMContentLoaded", rescan);
  }
  window.addEventListener("resize", rescan);
  // Content changes size without a resize: images load; a quiz answer shows
  // its explanation and marks options in bold; a model answer is opened.
  window.addEventListener("load", recheck);
  document.addEventListener("click", recheck, true);
  document.addEventListener("submit", recheck, true);
  document.addEventListener("toggle", recheck, true);
})();
