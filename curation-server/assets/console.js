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

// A crawler run's page follows its progress from a small JSON endpoint while the run is going;
// without this script, the page has a refresh link.
(function () {
  'use strict';
  var section = document.getElementById('run-progress');
  if (!section || section.getAttribute('data-state') !== 'running') return;
  var url = section.getAttribute('data-progress-url');
  var bar = document.getElementById('run-progress-bar');
  function field(name) { return section.querySelector('[data-field="' + name + '"]'); }
  function poll() {
    fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (progress) {
        if (!progress) return;
        if (progress.state !== 'running') { window.location.reload(); return; }
        bar.max = Math.max(progress.total, 1);
        bar.value = progress.checked;
        field('checkedOf').textContent = progress.text.checkedOf;
        field('state').textContent = progress.text.state;
        var eta = field('eta');
        if (eta && progress.text.eta) eta.textContent = progress.text.eta;
        Object.keys(progress.text.outcomes).forEach(function (outcome) {
          var cell = section.querySelector('[data-outcome="' + outcome + '"]');
          if (cell) cell.textContent = progress.text.outcomes[outcome];
        });
        window.setTimeout(poll, 2000);
      })
      .catch(function () { window.setTimeout(poll, 10000); });
  }
  window.setTimeout(poll, 2000);
})();

// The source page's badge preview opens and closes its panel on a click, and closes it with Escape,
// as the extension's badge does (its markup comes in a declarative shadow root, without behaviour).
(function () {
  'use strict';
  document.querySelectorAll('.badge-preview').forEach(function (host) {
    var root = host.shadowRoot;
    if (!root) return;
    var badge = root.querySelector('.badge');
    var button = root.querySelector('button[aria-controls]');
    var details = root.querySelector('.details');
    if (!badge || !button || !details) return;
    function setOpen(open) {
      details.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
    }
    button.addEventListener('click', function () {
      badge.classList.remove('dismissed');
      setOpen(details.hidden);
    });
    badge.addEventListener('keydown', function (event) {
      if (event.key !== 'Escape') return;
      badge.classList.add('dismissed');
      if (!details.hidden) { setOpen(false); button.focus(); }
    });
    badge.addEventListener('mouseleave', function () { badge.classList.remove('dismissed'); });
    badge.addEventListener('focusout', function () { badge.classList.remove('dismissed'); });
  });
})();

// On a narrow screen, a table that scrolls inside its box takes the keyboard focus, so that it can
// be scrolled without a mouse (its rows may hold nothing else focusable).
(function () {
  'use strict';
  var boxes = document.querySelectorAll('main table, main .table-scroll');
  if (boxes.length === 0) return;
  function update() {
    boxes.forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).overflowX === 'auto';
      if (scrolls) box.setAttribute('tabindex', '0');
      else if (box.getAttribute('tabindex') === '0') box.removeAttribute('tabindex');
    });
  }
  update();
  window.addEventListener('resize', update);
})();
