// On the owner's pages that take synpunkter from the answers: text selected in an answer becomes the Synpunkt. Where a
// synpunkt form is open under that answer, its empty Synpunkt field is filled (never what someone typed); otherwise the
// answer's "Lägg till synpunkt" carries the quotation, and the server opens the form with it. Without scripts the
// Synpunkt is typed, and nothing else changes.
(function () {
  'use strict';
  var MaxQuote = 2000;

  function quoteIn(scope) {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) { return ''; }
    var text = scope.querySelector('[data-answer-text]');
    var range = selection.getRangeAt(0);
    if (!text || !text.contains(range.startContainer) || !text.contains(range.endContainer)) { return ''; }
    return selection.toString().replace(/\s+/g, ' ').trim().slice(0, MaxQuote);
  }

  function offer(scope, quote) {
    var field = scope.querySelector('textarea[data-point-text]');
    if (field && (field.value === '' || field.value === field.getAttribute('data-quoted'))) {
      field.value = quote;
      field.setAttribute('data-quoted', quote);
    }

    var add = scope.querySelector('form[data-add-point]');
    if (add) {
      var hidden = add.querySelector('input[name=citat]');
      if (!hidden) {
        hidden = document.createElement('input');
        hidden.type = 'hidden';
        hidden.name = 'citat';
        add.appendChild(hidden);
      }
      hidden.value = quote;
    }
  }

  document.addEventListener('selectionchange', function () {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0) { return; }
    var node = selection.getRangeAt(0).commonAncestorContainer;
    var element = node.nodeType === 1 ? node : node.parentElement;
    var scope = element && element.closest('[data-quote-scope]');
    if (!scope) { return; }
    var quote = quoteIn(scope);
    if (quote) { offer(scope, quote); }
  });
})();
