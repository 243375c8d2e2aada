/*
 * Small DOM helpers shared by the pages that draw themselves from data: the
 * progress dashboard (dashboard.js) and the practice exam (exam.js). Loaded
 * before them through the pages' `page_scripts`.
 *
 *   guidePage.el("p", {class: "note", text: "Hello"}, [child, ...])
 *       a new element with attributes (`text` sets its text) and children;
 *   guidePage.fill(container, nodes)
 *       replace a container's children;
 *   guidePage.siteUrl("ml-fundamentals/x.html#id")
 *       a site-root-relative URL (as the question bank gives them) made
 *       relative to this page, so it works from disk and over http;
 *   guidePage.refreshScrollBoxes()
 *       after drawing: boxes that now scroll sideways take keyboard focus
 *       (accessibility.js does the work).
 */
(function () {
  "use strict";

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") node.textContent = attributes.text;
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  function fill(container, nodes) {
    while (container.firstChild) container.removeChild(container.firstChild);
    nodes.forEach(function (node) { container.appendChild(node); });
  }

  /* Path from this page to the site root, from Material's page config ("." or "..", ...). */
  var base = (function () {
    try {
      var config = JSON.parse(document.getElementById("__config").textContent);
      return String(config.base || ".").replace(/\/+$/, "") || ".";
    } catch (error) {
      return ".";
    }
  })();

  function siteUrl(path) {
    return base + "/" + path;
  }

  function refreshScrollBoxes() {
    if (window.guideScrollBoxes) window.guideScrollBoxes.refresh();
  }

  window.guidePage = { el: el, fill: fill, siteUrl: siteUrl, refreshScrollBoxes: refreshScrollBoxes };
})();
