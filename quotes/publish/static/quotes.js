/* The quotes plugin on Datasette's own pages (home, database, tables, views, rows, queries).
 *
 * Datasette 0.65 has no hook that adds HTML to the top of its pages, and overriding its
 * templates clashes with other plugins, so the plugin describes the bar of links as JSON in an
 * `extra_body_script` call to quotesSite() and this script draws it. It also folds the column
 * descriptions away and lays a row page out as a record. Everything is built with DOM methods
 * (textContent), never from HTML strings, so no name or label can become markup.
 */
(function () {
  "use strict";

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) { node.textContent = text; }
    return node;
  }

  function bar(site, current, record) {
    var nav = element("nav", { "class": "quotes-nav", "aria-label": "Quotes pages" });
    if (site.label) { nav.appendChild(element("span", { "class": "site-name" }, site.label + ":")); }
    site.links.forEach(function (link) {
      var a = element("a", { href: link.href }, link.label);
      if (link.key === current) { a.className = "current"; a.setAttribute("aria-current", "page"); }
      nav.appendChild(a);
    });
    if (record) { nav.appendChild(element("a", { href: record.href, "class": "record-link" }, record.label + " →")); }
    var form = element("form", { action: site.search, method: "get", role: "search" });
    form.appendChild(element("input", { type: "search", name: "q", placeholder: "Search quotes, speakers and articles",
                                        "aria-label": "Search quotes, speakers and articles" }));
    form.appendChild(element("input", { type: "submit", value: "Search" }));
    nav.appendChild(form);
    return nav;
  }

  function foldDescriptions() {
    document.querySelectorAll("dl.column-descriptions").forEach(function (list) {
      if (list.parentNode.tagName === "DETAILS") { return; }
      var details = element("details", { "class": "column-descriptions" });
      var count = list.querySelectorAll("dt").length;
      details.appendChild(element("summary", {}, "What the " + count + " columns mean"));
      list.parentNode.insertBefore(details, list);
      details.appendChild(list);
    });
  }

  function layOutRecord() {
    var table = document.querySelector("body.row table.rows-and-columns");
    if (!table) { return; }
    var names = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    table.querySelectorAll("tbody tr").forEach(function (row) {
      Array.prototype.forEach.call(row.children, function (cell, index) {
        cell.setAttribute("data-column", names[index] || "");
      });
    });
    table.classList.add("quotes-record");
  }

  window.quotesSite = function (config) {
    var content = document.querySelector("section.content");
    if (content && !document.querySelector(".quotes-nav")) {
      config.sites.slice().reverse().forEach(function (site) {
        content.insertBefore(bar(site, config.current, config.record), content.firstChild);
      });
    }
    foldDescriptions();
    layOutRecord();
  };
})();
