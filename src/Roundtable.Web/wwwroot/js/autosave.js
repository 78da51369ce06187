// Keeps what is typed into a form marked data-autosave in this browser until it is submitted, so
// a reload or a dropped connection in the middle of a session loses nothing.
(function () {
  'use strict';
  document.querySelectorAll('form[data-autosave]').forEach(function (form) {
    var key = 'roundtable:draft:' + form.dataset.autosave;
    var fields = form.querySelectorAll('textarea, input[type=text]');
    var saved = null;
    try { saved = JSON.parse(window.localStorage.getItem(key) || 'null'); } catch (e) { saved = null; }
    if (saved) {
      var restored = false;
      fields.forEach(function (f) {
        if (Object.prototype.hasOwnProperty.call(saved, f.name) && saved[f.name] !== f.value) {
          f.value = saved[f.name];
          restored = true;
        }
      });
      var notice = form.querySelector('[data-autosave-notice]');
      if (restored && notice) { notice.hidden = false; }
    }
    form.addEventListener('input', function () {
      var draft = {};
      fields.forEach(function (f) { draft[f.name] = f.value; });
      try { window.localStorage.setItem(key, JSON.stringify(draft)); } catch (e) { /* storage full or off */ }
    });
    form.addEventListener('submit', function () {
      try { window.localStorage.removeItem(key); } catch (e) { /* nothing to clear */ }
    });
  });
})();
