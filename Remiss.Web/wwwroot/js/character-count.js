// A counter of characters left under a text input that has a limit (data-character-count names the input, data-max
// the limit). The field has no maxlength, so nothing typed or pasted is cut silently: past the limit the counter says
// by how much, and the server refuses the text with the same words. Screen readers hear the count once typing pauses.
(function () {
  'use strict';
  document.querySelectorAll('[data-character-count]').forEach(function (counter) {
    var input = document.getElementById(counter.getAttribute('data-character-count'));
    var max = parseInt(counter.getAttribute('data-max'), 10);
    if (!input || !max) { return; }
    var announcer = document.createElement('span');
    announcer.className = 'visually-hidden';
    announcer.setAttribute('aria-live', 'polite');
    counter.parentNode.insertBefore(announcer, counter.nextSibling);
    var timer = null;

    // The words come from the page, in the user's language: {0} the count, {1} the limit.
    function text() {
      var left = max - input.value.length;
      var words = left >= 0 ? counter.getAttribute('data-left') : counter.getAttribute('data-over');
      return words.replace('{0}', String(Math.abs(left))).replace('{1}', String(max));
    }

    function update(announce) {
      var said = text();
      counter.textContent = said;
      counter.classList.toggle('character-count--over', input.value.length > max);
      if (announce) {
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { announcer.textContent = said; }, 1000);
      }
    }

    input.addEventListener('input', function () { update(true); });
    update(false);
  });
}());
