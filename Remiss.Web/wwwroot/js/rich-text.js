// The formatted-text editor: a toolbar and an editable area over each textarea[data-rich-text], writing back HTML
// that the server's sanitiser keeps as it is. Without this script the textarea takes plain text.
(function () {
  'use strict';
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  // ---- Formatted text: the editor writes HTML that the server's sanitiser keeps as it is ----
  var ALLOWED = /^(P|BR|UL|OL|LI|STRONG|B|EM|I|A|H3|H4|BLOCKQUOTE)$/;
  var INLINE = /^(#text|BR|STRONG|B|EM|I|A)$/;
  var SAFE_URL = /^(https?:\/\/|mailto:)/i;
  var LOOKS_LIKE_HTML = /<\s*\/?\s*(p|br|ul|ol|li|strong|b|em|i|a|h3|h4|blockquote|div|span|script|img|svg|iframe|style)\b/i;

  // What the link dialog makes of a typed address, by the server sanitiser's rules (http, https and mailto only):
  // { href } to insert, or { error } to show next to the field. An address without a scheme is a web address.
  function linkFromInput(typed) {
    var text = (typed || '').trim();
    if (!text) { return { error: 'Ange en länkadress.' }; }
    if (/\s/.test(text)) { return { error: 'Länkadressen kan inte innehålla mellanslag.' }; }
    if (SAFE_URL.test(text)) {
      return /^mailto:./i.test(text) || /^https?:\/\/[^\/?#]+/i.test(text) ? { href: text } : { error: 'Länkadressen saknar en webbplats efter ' + text + '.' };
    }
    if (/^[a-z][a-z0-9+.\-]*:/i.test(text) && !/^[^:\/]+:\d+(\/|$)/.test(text)) {
      return { error: 'En adress som börjar med ' + text.split(':')[0] + ': kan inte bli en länk. Ange en webbadress (https://…) eller en e-postadress.' };
    }
    if (/^[^@\/]+@[^@\/]+\.[^@\/]+$/.test(text)) { return { href: 'mailto:' + text }; }
    if (/^\/\//.test(text)) { text = text.slice(2); }
    return /^[^\/?#.]+(\.[^\/?#.]+)+(:\d+)?([\/?#].*)?$/.test(text)
      ? { href: 'https://' + text }
      : { error: 'Ange en webbadress, till exempel www.malmo.se, eller en e-postadress.' };
  }

  // One small dialog for every editor on the page, instead of the browser's prompt(): a label, a hint, the error
  // next to the field, Infoga and Avbryt. Esc and Avbryt close it and give the focus back to the editor.
  var linkDialog = null;
  function askForLink(done, cancelled) {
    if (!linkDialog) {
      linkDialog = document.createElement('dialog');
      linkDialog.className = 'link-dialog';
      linkDialog.setAttribute('aria-labelledby', 'lankdialog-rubrik');
      linkDialog.innerHTML =
        '<form method="dialog" novalidate>' +
        '<h2 id="lankdialog-rubrik">Infoga länk</h2>' +
        '<div class="field">' +
        '<label for="lankdialog-adress">Länkadress</label>' +
        '<span class="hint" id="lankdialog-hint">Till exempel www.malmo.se eller https://malmo.se/remisser. En adress utan https:// får det tillagt.</span>' +
        '<span class="field-error" id="lankdialog-fel"></span>' +
        '<input type="text" id="lankdialog-adress" inputmode="url" autocomplete="url" spellcheck="false" aria-describedby="lankdialog-hint lankdialog-fel">' +
        '</div>' +
        '<div class="form-actions"><button type="submit" class="button">Infoga</button><button type="button" class="button button--secondary" data-cancel>Avbryt</button></div>' +
        '</form>';
      document.body.appendChild(linkDialog);
    }
    var form = linkDialog.querySelector('form');
    var input = linkDialog.querySelector('input');
    var error = linkDialog.querySelector('.field-error');
    var field = linkDialog.querySelector('.field');
    function showError(message) {
      error.textContent = message || '';
      input.setAttribute('aria-invalid', message ? 'true' : 'false');
      field.classList.toggle('field--error', !!message);
    }
    function finish(href) {
      form.removeEventListener('submit', onSubmit);
      linkDialog.removeEventListener('cancel', onCancel);
      cancelButton.removeEventListener('click', onCancel);
      if (linkDialog.open) { linkDialog.close(); }
      if (href) { done(href); } else { cancelled(); }
    }
    function onSubmit(e) {
      e.preventDefault();
      var link = linkFromInput(input.value);
      if (link.error) { showError(link.error); input.focus(); return; }
      finish(link.href);
    }
    function onCancel(e) { e.preventDefault(); finish(null); }
    var cancelButton = linkDialog.querySelector('[data-cancel]');
    input.value = '';
    showError('');
    form.addEventListener('submit', onSubmit);
    linkDialog.addEventListener('cancel', onCancel);
    cancelButton.addEventListener('click', onCancel);
    linkDialog.showModal();
    input.focus();
  }

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
    editor.innerHTML = cleanHtml(LOOKS_LIKE_HTML.test(value) ? value : plainTextToHtml(value)) || '<p><br></p>';

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
    function select() {
      var selection = window.getSelection();
      editor.focus();
      if (saved && !(selection.rangeCount && editor.contains(selection.anchorNode))) { selection.removeAllRanges(); selection.addRange(saved); }
      return selection;
    }
    function run(command) {
      var selection = select();
      if (command !== 'createLink') { document.execCommand(command, false, null); updatePressed(); return; }
      // The dialog takes the focus: keep the editor's selection to put the link at when it closes.
      var range = selection.rangeCount ? selection.getRangeAt(0).cloneRange() : saved;
      askForLink(function (href) {
        saved = range;
        var at = select();
        if (at.isCollapsed) {
          // Typed, then selected and linked: insertHTML would copy computed styles into style attributes, which the
          // page's Content-Security-Policy refuses.
          document.execCommand('insertText', false, href);
          var caret = at.rangeCount ? at.getRangeAt(0) : null;
          if (caret && caret.startContainer.nodeType === 3 && caret.startOffset >= href.length) {
            var typed = document.createRange();
            typed.setStart(caret.startContainer, caret.startOffset - href.length);
            typed.setEnd(caret.startContainer, caret.startOffset);
            at.removeAllRanges(); at.addRange(typed);
          }
        }
        document.execCommand('createLink', false, href);
        if (!at.isCollapsed) { at.collapseToEnd(); }
        sync();
        updatePressed();
      }, function () {
        saved = range;
        select();
      });
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
    // The hint about blank lines and "- " is for typing plain text; the toolbar replaces it.
    (textarea.getAttribute('aria-describedby') || '').split(/\s+/).forEach(function (id) {
      var hint = id && document.getElementById(id);
      if (hint && hint.hasAttribute('data-plain-text-hint')) { hint.hidden = true; }
    });
    sync();
    // Another script that changes the textarea's value (restoring an unsaved copy) asks the editor to reload it.
    textarea.addEventListener('remiss:reload', function () { editor.innerHTML = cleanHtml(textarea.value) || '<p><br></p>'; sync(); });
  }

  try { document.execCommand('defaultParagraphSeparator', false, 'p'); } catch (e) { /* older browsers */ }
  each(document.querySelectorAll('textarea[data-rich-text]'), enhance);
})();
