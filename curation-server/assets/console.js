// Progressive enhancement only: every action works without this script.
// A "select all" box for the bulk actions of the sources list.
(function () {
  'use strict';
  var form = document.getElementById('bulk');
  if (!form) return;
  var header = form.querySelector('th.select-column');
  var boxes = form.querySelectorAll('tbody input[type="checkbox"][name="ids"]');
  if (!header || boxes.length === 0) return;
  var all = document.createElement('input');
  all.type = 'checkbox';
  all.id = 'select-all';
  all.setAttribute('aria-label', document.documentElement.lang === 'en' ? 'Select all sources of this page' : 'Sélectionner toutes les sources de la page');
  header.appendChild(all);
  all.addEventListener('change', function () {
    boxes.forEach(function (box) { box.checked = all.checked; });
  });
  form.addEventListener('change', function (event) {
    if (event.target === all) return;
    var checked = Array.prototype.filter.call(boxes, function (box) { return box.checked; }).length;
    all.checked = checked === boxes.length;
    all.indeterminate = checked > 0 && checked < boxes.length;
  });
})();
