/* The HTML briefing's discrepancy table: filter by kind and outlet, sort by a column, and go
   from a cell to the passage. Inline and dependency-free: the file must work offline. */
(function () {
  "use strict";
  var table = document.querySelector("table.discrepancies");
  if (!table) { return; }
  var body = table.tBodies[0];
  var kind = document.getElementById("filter-kind");
  var outlet = document.getElementById("filter-outlet");
  var count = document.getElementById("filter-count");
  var rows = Array.prototype.slice.call(body.rows);

  function filter() {
    var shown = 0;
    rows.forEach(function (row) {
      var visible = (!kind.value || row.dataset.kind === kind.value) &&
        (!outlet.value || row.dataset.outlets.split(" ").indexOf(outlet.value) >= 0);
      row.hidden = !visible;
      shown += visible ? 1 : 0;
    });
    count.textContent = shown + " / " + rows.length;
  }

  function sortBy(th) {
    var column = th.cellIndex;
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      cell.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    rows.sort(function (a, b) {
      var x = a.cells[column].dataset.sort || "", y = b.cells[column].dataset.sort || "";
      if (!x !== !y) { return x ? -1 : 1; }  /* empty cells last either way */
      var order = x.localeCompare(y, "ar", {numeric: true});
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  kind.addEventListener("change", filter);
  outlet.addEventListener("change", filter);
  table.tHead.addEventListener("click", function (event) {
    var th = event.target.closest("th");
    if (th) { sortBy(th); }
  });
  body.addEventListener("click", function (event) {
    var cell = event.target.closest("td");
    var link = cell && cell.querySelector("a[href^='#']");
    if (link && !event.target.closest("a")) { window.location.hash = link.getAttribute("href"); }
  });
  filter();
}());
