// Progressive enhancement of the yttrande form: autosave, a copy of unsaved text in this browser, and a small
// formatted-text editor. Without this script the form still works: every button posts it, textareas take plain text.
(function () {
  'use strict';
  var form = document.querySelector('form[data-response-form]');
  if (!form) { return; }

  var url = form.getAttribute('data-autosave-url');
  var statusRegion = form.querySelector('[data-autosave-status]');
  var versionInput = form.querySelector('input[name="Input.Version"]');
  var interval = (Number(form.getAttribute('data-autosave-interval')) || 30) * 1000;
  var SIGNED_OUT = 'Du är utloggad. Det du skrivit finns kvar i den här webbläsaren. Logga in i en ny flik och klicka sedan på Spara utkast här.';
  var RETRY = 'Kunde inte spara automatiskt. Försöker igen.';
  var dirty = false, saving = null, stopped = false, submitting = false;

  var UNSAVED = 'Inte sparat. Ändringarna sparas automatiskt inom en halv minut.';

  // The save bar's polite live region says the save state; its look says whether it is saved, unsaved or refused.
  function say(message, kind) {
    if (!statusRegion) { return; }
    if (statusRegion.textContent !== (message || '')) { statusRegion.textContent = message || ''; }
    statusRegion.classList.toggle('save-status--unsaved', kind === 'unsaved');
    statusRegion.classList.toggle('save-status--error', kind === 'error');
  }

  // The status badge at the top follows the save: a saved draft is "Påbörjat", no longer "Ej påbörjat".
  function showStatus(label, className) {
    var badge = document.querySelector('[data-status-badge] .status:not(.status--overdue)');
    if (!badge || !label) { return; }
    badge.textContent = label;
    badge.className = 'status ' + className;
  }
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }


  // ---- A copy of what is typed, in this browser, until it is saved ----
  // Keyed by the signed-in user as well as the page: on a shared computer one person's unsent text never shows in another's
  // form. Signing out clears every copy (the sign-out answer sends Clear-Site-Data).
  var PREFIX = 'remiss-utkast:' + (form.getAttribute('data-user') || '') + ':' + location.pathname + location.search + ':';
  function storageKey() { return PREFIX + (versionInput ? versionInput.value : ''); }
  function fields() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== '__RequestVerificationToken' && !/^(file|hidden|submit|button|reset)$/.test(el.type);
    });
  }
  function fieldKey(el) { return el.type === 'checkbox' || el.type === 'radio' ? el.name + '=' + el.value : el.name; }
  function fieldValue(el) { return el.type === 'checkbox' || el.type === 'radio' ? el.checked : el.value; }
  function snapshot() {
    var values = {};
    fields().forEach(function (el) { values[fieldKey(el)] = fieldValue(el); });
    return values;
  }
  function store() {
    try { localStorage.setItem(storageKey(), JSON.stringify({ savedAt: Date.now(), fields: snapshot() })); } catch (e) { /* private mode or full */ }
  }
  function forget(allVersions) {
    try {
      for (var i = localStorage.length - 1; i >= 0; i--) {
        var key = localStorage.key(i);
        if (allVersions ? key.indexOf(PREFIX) === 0 : key === storageKey()) { localStorage.removeItem(key); }
      }
    } catch (e) { /* private mode */ }
  }
  function restore(values) {
    fields().forEach(function (el) {
      var key = fieldKey(el);
      if (!Object.prototype.hasOwnProperty.call(values, key)) { return; }
      if (typeof values[key] === 'boolean') { el.checked = values[key]; } else { el.value = values[key]; }
    });
    each(form.querySelectorAll('textarea[data-rich-text]'), function (t) { t.dispatchEvent(new Event('remiss:reload')); });
    each(form.querySelectorAll('.answer-input'), function (section) { agree(section); });
  }

  // The layout's status message (first in main) follows a save: whatever was kept here is on the server now.
  var mainStatus = document.querySelector('main > .status-message:first-child');
  if (mainStatus) { forget(true); }

  // A copy under this version was typed after this version was saved, so it is newer than the page's last save.
  var copy = null;
  try { copy = JSON.parse(localStorage.getItem(storageKey()) || 'null'); } catch (e) { copy = null; }
  var shown = snapshot();
  if (copy && copy.fields && Object.keys(copy.fields).some(function (k) { return k in shown && shown[k] !== copy.fields[k]; })) {
    var notice = document.createElement('div');
    notice.className = 'warning-message restore-notice';
    notice.setAttribute('role', 'status');
    notice.tabIndex = -1;
    var text = document.createElement('p');
    text.textContent = 'Det finns text från ' + new Date(copy.savedAt).toLocaleDateString('sv-SE', { day: 'numeric', month: 'long', year: 'numeric' }) + ' kl. ' + new Date(copy.savedAt).toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit' }).replace(':', '.') +
      ' som inte hann sparas. Den finns kvar i den här webbläsaren.';
    notice.appendChild(text);
    [['Återställ osparad text', 'button', function () {
      restore(copy.fields); dirty = true;
      return 'Den osparade texten är återställd. Klicka på Spara utkast för att spara den.';
    }], ['Släng', 'button button--secondary', function () {
      forget(false);
      return 'Den osparade texten är borttagen.';
    }]].forEach(function (spec) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = spec[1];
      button.textContent = spec[0];
      button.addEventListener('click', function () { notice.textContent = spec[2](); notice.focus(); });
      notice.appendChild(button);
    });
    form.parentNode.insertBefore(notice, form);
  }

  // ---- Autosave ----
  function formData() {
    var data = new FormData(form);
    each(form.querySelectorAll('input[type=file][name]'), function (el) { data.delete(el.name); });
    return data;
  }
  function stop(message) { stopped = true; say(message, 'error'); }

  function save(keepalive) {
    if (!dirty || saving || stopped || submitting || !url) { return Promise.resolve(); }
    dirty = false;
    var previousKey = storageKey();
    saving = fetch(url, {
      method: 'POST', body: formData(), credentials: 'same-origin', keepalive: !!keepalive,
      headers: { 'X-Requested-With': 'fetch' }, redirect: 'manual'
    }).then(function (response) {
      if (response.status >= 500) { dirty = true; say(RETRY, 'error'); return; }
      var json = (response.headers.get('Content-Type') || '').indexOf('application/json') >= 0;
      if (response.type === 'opaqueredirect' || response.redirected || response.status === 401 || response.status === 403 || !json) {
        dirty = true; stop(SIGNED_OUT); return;
      }
      return response.json().then(function (result) {
        if (result.saved) {
          try { localStorage.removeItem(previousKey); } catch (e) { /* private mode */ }
          if (versionInput && result.version !== undefined) { versionInput.value = result.version; }
          if (dirty) { store(); } // typed while saving: keep that under the new version
          say(dirty ? UNSAVED : result.message, dirty ? 'unsaved' : null);
          showStatus(result.status, result.statusClass);
        } else if (result.conflict) {
          dirty = true; stop(result.message);
        } else {
          say(result.message, 'error'); // refused; tried again after the next change
        }
      });
    }).catch(function () {
      dirty = true; say(RETRY, 'error');
    }).then(function () { saving = null; });
    return saving;
  }

  function changed(e) {
    if (e && e.target) { agree(e.target.closest('.answer-input')); }
    dirty = true; store();
    if (!saving && !stopped) { say(UNSAVED, 'unsaved'); }
  }
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);

  // ---- "Inga synpunkter" and the answer's text agree ----
  // The server refuses the mark beside a written answer; here the mark is cleared and disabled while the answer has text.
  function agree(section) {
    if (!section) { return; }
    var mark = section.querySelector('[data-no-comments] input[type=checkbox]');
    var text = section.querySelector('textarea[name$=".Text"]');
    if (!mark || !text) { return; }
    var written = text.value.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').trim() !== '';
    if (written) { mark.checked = false; }
    mark.disabled = written;
  }
  each(form.querySelectorAll('.answer-input'), agree);
  setInterval(save, interval);

  // A post while an autosave is under way would be based on the old version: wait for it, then post.
  var waiting = false;
  form.addEventListener('submit', function (e) {
    if (saving && form.requestSubmit) {
      e.preventDefault();
      if (waiting) { return; }
      waiting = true;
      var submitter = e.submitter;
      saving.then(function () { waiting = false; form.requestSubmit(submitter); });
      return;
    }
    submitting = true;
  });
  window.addEventListener('pageshow', function (e) { if (e.persisted) { submitting = false; } });

  // Leaving the page. A tab switched away from may come back, so that save reads its answer (the new version);
  // a page going away for good sends what is left with sendBeacon.
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') { save(true); }
  });
  window.addEventListener('pagehide', function (e) {
    if (dirty && !saving && !stopped && !submitting && !e.persisted && url && navigator.sendBeacon) {
      if (navigator.sendBeacon(url, formData())) { dirty = false; }
    }
  });
})();
