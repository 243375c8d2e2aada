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
 * tabindex="0", and loses it again when its content fits.
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
    if (scrolls && !element.hasAttribute("tabindex")) {
      element.setAttribute("tabindex", "0");
      element.setAttribute(MARK, "");
    } else if (!scrolls && element.hasAttribute(MARK)) {
      element.removeAttribute("tabindex");
      element.removeAttribute(MARK);
    }
  }

  // Which elements may scroll depends on the window width (phone-only
  // styles), so look for them again after a resize.
  function findBoxes() {
    boxes = Array.prototype.filter.call(document.querySelectorAll(".md-typeset *"), function (element) {
      if (element.matches("pre > code")) return false; // Material handles code blocks itself
      var style = window.getComputedStyle(element);
      return SCROLLS.test(style.overflowX) || SCROLLS.test(style.overflowY);
    });
  }

  function later(work) {
    var pending = false;
    return function () {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () {
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
