// The live word count of the submission form. It counts with window.roundtableWordCount (word-count.js),
// the same rules as the server's check on submission.
(function () {
  'use strict';

  var form = document.querySelector('[data-word-count-form]');
  if (!form || typeof window.roundtableWordCount !== 'function') return;

  var limit = parseInt(form.getAttribute('data-word-limit'), 10);
  var fields = Array.prototype.slice.call(form.querySelectorAll('textarea[data-word-count-section]'));
  var total = document.getElementById('word-count-total');
  var tag = document.getElementById('word-count-tag');
  var live = document.getElementById('word-count-live');
  var announce;

  function format(n) {
    return n.toLocaleString('en-GB');
  }

  function plural(n, one, many) {
    return format(n) + ' ' + (n === 1 ? one : many);
  }

  function update() {
    var words = 0;
    fields.forEach(function (field) {
      var count = window.roundtableWordCount(field.value);
      words += count;
      var own = form.querySelector('[data-word-count-for="' + field.id + '"]');
      if (own) own.textContent = plural(count, 'word', 'words') + ' in this section';
    });
    var over = words > limit;
    total.textContent = format(words);
    tag.textContent = over ? format(words - limit) + ' over the limit' : format(limit - words) + ' to spare';
    tag.classList.toggle('govuk-tag--red', over);
    tag.classList.toggle('govuk-tag--green', !over);
    // Screen readers hear the count once typing pauses, not on every keystroke.
    clearTimeout(announce);
    announce = setTimeout(function () {
      live.textContent = format(words) + ' of ' + format(limit) + ' words, ' + tag.textContent;
    }, 1000);
  }

  fields.forEach(function (field) {
    field.addEventListener('input', update);
  });
})();
