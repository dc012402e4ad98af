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

  function say(message) { if (statusRegion) { statusRegion.textContent = message || ''; } }
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  // ---- Formatted text: the editor writes HTML that the server's sanitiser keeps as it is ----
  var ALLOWED = /^(P|BR|UL|OL|LI|STRONG|B|EM|I|A|H3|H4|BLOCKQUOTE)$/;
  var INLINE = /^(#text|BR|STRONG|B|EM|I|A)$/;
  var SAFE_URL = /^(https?:\/\/|mailto:)/i;
  var LOOKS_LIKE_HTML = /<\s*\/?\s*(p|br|ul|ol|li|strong|b|em|i|a|h3|h4|blockquote|div|span|script|img|svg|iframe|style)\b/i;

  function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }

  // The same rules as RichTextSanitizer.PlainTextToHtml on the server.
  function plainTextToHtml(text) {
    return text.replace(/\r\n/g, '\n').trim().split(/\n\s*\n/).map(function (block) {
      var lines = block.split('\n').map(function (l) { return l.trim(); }).filter(function (l) { return l; });
      if (!lines.length) { return ''; }
      var list = [[/^[-*•]\s+/, 'ul'], [/^\d+[.)]\s+/, 'ol']].filter(function (kind) {
        return lines.every(function (l) { return kind[0].test(l); });
      })[0];
      if (list) {
        return '<' + list[1] + '>' + lines.map(function (l) { return '<li>' + escapeHtml(l.replace(list[0], '')) + '</li>'; }).join('') + '</' + list[1] + '>';
      }
      return '<p>' + lines.map(escapeHtml).join('<br>') + '</p>';
    }).join('');
  }

  // Keeps only what the server allows. Other elements are unwrapped (a div becomes a p), since the server drops
  // a disallowed element together with its text; empty blocks go; loose text at the top is put in paragraphs.
  function clean(node, top) {
    each(Array.prototype.slice.call(node.childNodes), function (child) {
      if (child.nodeType === 3) { return; }
      if (child.nodeType !== 1 || /^(SCRIPT|STYLE|TEMPLATE|IFRAME|OBJECT|SVG|IMG)$/i.test(child.nodeName)) { child.remove(); return; }
      clean(child, false);
      if (child.nodeName === 'DIV') {
        var p = document.createElement('p');
        while (child.firstChild) { p.appendChild(child.firstChild); }
        child.replaceWith(p); child = p;
      } else if (!ALLOWED.test(child.nodeName)) {
        while (child.firstChild) { node.insertBefore(child.firstChild, child); }
        child.remove(); return;
      }
      each(Array.prototype.slice.call(child.attributes), function (a) {
        if (!(child.nodeName === 'A' && a.name === 'href' && SAFE_URL.test(a.value.trim()))) { child.removeAttribute(a.name); }
      });
      if (/^(P|LI|H3|H4)$/.test(child.nodeName) && !child.textContent.trim()) { child.remove(); }
      else if (child.lastChild && child.lastChild.nodeName === 'BR' && /^(P|LI)$/.test(child.nodeName)) { child.lastChild.remove(); }
    });
    if (!top) { return; }
    var paragraph = null;
    each(Array.prototype.slice.call(node.childNodes), function (child) {
      if (!INLINE.test(child.nodeName)) { paragraph = null; return; }
      if (!paragraph) {
        if (child.nodeName === 'BR' || !child.textContent.trim()) { child.remove(); return; }
        paragraph = document.createElement('p');
        node.insertBefore(paragraph, child);
      }
      paragraph.appendChild(child);
    });
  }

  // Parsed in an inert document: nothing loads or runs until it is cleaned.
  function cleanHtml(html) {
    var body = document.implementation.createHTMLDocument('').body;
    body.innerHTML = html;
    clean(body, true);
    return body.innerHTML;
  }

  var editors = [];
  function enhance(textarea, index) {
    var label = textarea.labels && textarea.labels[0];
    if (label && !label.id) { label.id = (textarea.id || 'rich-text-' + index) + '-etikett'; }
    var wrapper = document.createElement('div');
    wrapper.className = 'rich-text-field';
    var toolbar = document.createElement('div');
    toolbar.className = 'rich-toolbar';
    toolbar.setAttribute('role', 'toolbar');
    toolbar.setAttribute('aria-label', 'Formatering för ' + (label ? label.textContent.trim() : textarea.name));
    var editor = document.createElement('div');
    editor.className = 'rich-editor';
    editor.contentEditable = 'true';
    editor.setAttribute('role', 'textbox');
    editor.setAttribute('aria-multiline', 'true');
    if (label) { editor.setAttribute('aria-labelledby', label.id); }
    if (textarea.getAttribute('aria-describedby')) { editor.setAttribute('aria-describedby', textarea.getAttribute('aria-describedby')); }
    editor.style.minHeight = (textarea.rows || 4) * 1.5 + 1 + 'em';
    var value = textarea.value;
    editor.innerHTML = cleanHtml(LOOKS_LIKE_HTML.test(value) ? value : plainTextToHtml(value));

    var saved = null;
    var buttons = [['Fet', 'bold'], ['Kursiv', 'italic'], ['Punktlista', 'insertUnorderedList'], ['Numrerad lista', 'insertOrderedList'], ['Länk', 'createLink']]
      .map(function (spec, i) {
        var button = document.createElement('button');
        button.type = 'button';
        button.textContent = spec[0];
        button.tabIndex = i === 0 ? 0 : -1;
        if (spec[1] !== 'createLink') { button.setAttribute('aria-pressed', 'false'); }
        button.addEventListener('mousedown', function (e) { e.preventDefault(); }); // keep the selection in the editor
        button.addEventListener('click', function () { run(spec[1]); });
        toolbar.appendChild(button);
        return button;
      });

    function sync() {
      textarea.value = editor.textContent.trim() || editor.querySelector('li') ? cleanHtml(editor.innerHTML) : '';
    }
    function updatePressed() {
      ['bold', 'italic', 'insertUnorderedList', 'insertOrderedList'].forEach(function (command, i) {
        var on = false;
        try { on = document.queryCommandState(command); } catch (e) { /* not supported */ }
        buttons[i].setAttribute('aria-pressed', String(on));
      });
    }
    function run(command) {
      editor.focus();
      var selection = window.getSelection();
      if (saved) { selection.removeAllRanges(); selection.addRange(saved); }
      var argument = null;
      if (command === 'createLink') {
        argument = (window.prompt('Länkadress (https://…)') || '').trim();
        if (!SAFE_URL.test(argument)) { return; }
      }
      document.execCommand(command, false, argument);
      updatePressed();
    }

    // One tab stop for the toolbar; arrow keys, Home and End move between its buttons.
    toolbar.addEventListener('keydown', function (e) {
      var at = buttons.indexOf(document.activeElement);
      var to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 }[e.key];
      if (at < 0 || to === undefined) { return; }
      e.preventDefault();
      to = (to + buttons.length) % buttons.length;
      buttons[at].tabIndex = -1; buttons[to].tabIndex = 0; buttons[to].focus();
    });
    editor.addEventListener('input', sync);
    editor.addEventListener('keydown', function (e) {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) { return; }
      var key = e.key.toLowerCase();
      if (key === 'b' || key === 'i') { e.preventDefault(); run(key === 'b' ? 'bold' : 'italic'); }
      else if (key === 'u') { e.preventDefault(); } // no underline: the server would drop it
    });
    editor.addEventListener('paste', function (e) {
      e.preventDefault();
      document.execCommand('insertText', false, (e.clipboardData || window.clipboardData).getData('text/plain'));
    });
    editor.addEventListener('drop', function (e) {
      e.preventDefault();
      var text = e.dataTransfer.getData('text/plain');
      var range = document.caretRangeFromPoint && document.caretRangeFromPoint(e.clientX, e.clientY);
      if (!text || !range) { return; }
      editor.focus();
      window.getSelection().removeAllRanges(); window.getSelection().addRange(range);
      document.execCommand('insertText', false, text);
    });
    if (label) { label.addEventListener('click', function (e) { e.preventDefault(); editor.focus(); }); }
    document.addEventListener('selectionchange', function () {
      var selection = window.getSelection();
      if (selection.rangeCount && editor.contains(selection.anchorNode)) {
        saved = selection.getRangeAt(0).cloneRange();
        updatePressed();
      }
    });

    wrapper.appendChild(toolbar);
    wrapper.appendChild(editor);
    textarea.parentNode.insertBefore(wrapper, textarea);
    textarea.hidden = true;
    sync();
    editors.push({ textarea: textarea, editor: editor, sync: sync });
  }

  try { document.execCommand('defaultParagraphSeparator', false, 'p'); } catch (e) { /* older browsers */ }
  each(form.querySelectorAll('textarea[data-rich-text]'), enhance);

  // ---- A copy of what is typed, in this browser, until it is saved ----
  var PREFIX = 'remiss-utkast:' + location.pathname + location.search + ':';
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
    editors.forEach(function (e) { e.editor.innerHTML = cleanHtml(e.textarea.value); e.sync(); });
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
    text.textContent = 'Det finns text från ' + new Date(copy.savedAt).toLocaleString('sv-SE', { dateStyle: 'long', timeStyle: 'short' }) +
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
  function stop(message) { stopped = true; say(message); }

  function save(keepalive) {
    if (!dirty || saving || stopped || submitting || !url) { return Promise.resolve(); }
    dirty = false;
    var previousKey = storageKey();
    saving = fetch(url, {
      method: 'POST', body: formData(), credentials: 'same-origin', keepalive: !!keepalive,
      headers: { 'X-Requested-With': 'fetch' }, redirect: 'manual'
    }).then(function (response) {
      if (response.status >= 500) { dirty = true; say(RETRY); return; }
      var json = (response.headers.get('Content-Type') || '').indexOf('application/json') >= 0;
      if (response.type === 'opaqueredirect' || response.redirected || response.status === 401 || response.status === 403 || !json) {
        dirty = true; stop(SIGNED_OUT); return;
      }
      return response.json().then(function (result) {
        if (result.saved) {
          try { localStorage.removeItem(previousKey); } catch (e) { /* private mode */ }
          if (versionInput && result.version !== undefined) { versionInput.value = result.version; }
          if (dirty) { store(); } // typed while saving: keep that under the new version
          say(result.message);
        } else if (result.conflict) {
          dirty = true; stop(result.message);
        } else {
          say(result.message); // refused; tried again after the next change
        }
      });
    }).catch(function () {
      dirty = true; say(RETRY);
    }).then(function () { saving = null; });
    return saving;
  }

  function changed() { dirty = true; store(); }
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  setInterval(save, interval);

  // A post while an autosave is under way would be based on the old version: wait for it, then post.
  form.addEventListener('submit', function (e) {
    if (saving && form.requestSubmit) {
      e.preventDefault();
      var submitter = e.submitter;
      saving.then(function () { form.requestSubmit(submitter); });
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
