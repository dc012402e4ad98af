// Progressive enhancement of the remiss form. Without this script every control still works by posting the form.
(function () {
  'use strict';
  var form = document.querySelector('[data-remiss-form]');
  if (!form) { return; }

  // Show a question's options only for Val, its items only for Trafikljus.
  function syncQuestion(row) {
    var select = row.querySelector('.question-type-select');
    if (!select) { return; }
    row.querySelectorAll('[data-for-type]').forEach(function (part) {
      part.hidden = part.getAttribute('data-for-type') !== select.value;
    });
  }
  form.querySelectorAll('.question-row').forEach(function (row) {
    syncQuestion(row);
    var select = row.querySelector('.question-type-select');
    if (select) { select.addEventListener('change', function () { syncQuestion(row); }); }
  });

  // The recipient filter box narrows the checkboxes by name; ticked ones stay visible.
  form.querySelectorAll('[data-enhanced-only]').forEach(function (el) { el.hidden = false; });
  var filter = form.querySelector('[data-recipient-filter]');
  if (filter) {
    filter.addEventListener('input', function () {
      var text = filter.value.trim().toLowerCase();
      form.querySelectorAll('[data-recipient-name]').forEach(function (item) {
        var box = item.querySelector('input[type=checkbox]');
        item.hidden = text.length > 0 && item.getAttribute('data-recipient-name').indexOf(text) < 0 && !(box && box.checked);
      });
    });
  }

  // "Välj alla" ticks the group at once instead of posting; pressing it again clears the group.
  form.querySelectorAll('[data-select-group]').forEach(function (button) {
    button.addEventListener('click', function (event) {
      event.preventDefault();
      var group = button.closest('[data-recipient-group]');
      var boxes = Array.prototype.slice.call(group.querySelectorAll('input[type=checkbox]'));
      var allChecked = boxes.every(function (b) { return b.checked; });
      boxes.forEach(function (b) { b.checked = !allChecked; });
    });
  });
})();
