// On every page: when the server sent the form back with errors, move the focus to the summary of them, so that
// screen readers announce it and keyboard users start from the list of links to the fields.
(function () {
  'use strict';
  var summary = document.querySelector('.error-summary');
  if (summary) { summary.focus(); }
})();
