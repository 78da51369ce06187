// Live word count for the submission form. Same rules as WordCount.cs on the server (see the comment
// there); both are checked against tests/Projects/word-count-cases.json, so change them together.
(function () {
  'use strict';

  var LETTER = /\p{L}/u;
  var NUMBER = /\p{N}/u;
  var MARK = /\p{M}/u;
  var JOINERS = '\'\u2019-\u2010\u2011.';
  var NUMBER_JOINERS = ',:/';
  var EXTENDERS = '\u00AD\u200C\u200D';

  function kind(ch) {
    if (ch === undefined) return 'separator';
    if (JOINERS.indexOf(ch) >= 0) return 'joiner';
    if (NUMBER_JOINERS.indexOf(ch) >= 0) return 'number-joiner';
    if (EXTENDERS.indexOf(ch) >= 0) return 'extender';
    if (LETTER.test(ch)) return 'letter';
    if (NUMBER.test(ch)) return 'number';
    if (MARK.test(ch)) return 'extender';
    return 'separator';
  }

  function roundtableWordCount(text) {
    if (typeof text !== 'string' || text.length === 0) return 0;
    // Array.from splits by code point, so letters outside the BMP are one character, as in C#'s Rune.
    var chars = Array.from(text);
    var words = 0;
    var inWord = false;
    var lastWasNumber = false;
    for (var i = 0; i < chars.length; i++) {
      var k = kind(chars[i]);
      if (k === 'letter' || k === 'number') {
        if (!inWord) {
          words++;
          inWord = true;
        }
        lastWasNumber = k === 'number';
      } else if (k === 'extender') {
        // continues the current word, if any
      } else if (k === 'joiner') {
        var next = kind(chars[i + 1]);
        inWord = inWord && (next === 'letter' || next === 'number');
      } else if (k === 'number-joiner') {
        inWord = inWord && lastWasNumber && kind(chars[i + 1]) === 'number';
      } else {
        inWord = false;
      }
    }
    return words;
  }

  if (typeof window !== 'undefined') window.roundtableWordCount = roundtableWordCount;
  if (typeof module !== 'undefined' && module.exports) module.exports = roundtableWordCount;
})();
