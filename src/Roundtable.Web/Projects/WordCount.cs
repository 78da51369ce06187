using System.Globalization;
using System.Text;

namespace Roundtable.Web.Projects;

// Counts words the way a word processor does, and exactly as word-count.js does in the browser
// (the two are checked against tests/Projects/word-count-cases.json):
// - a word is a run of letters or numbers in any script (Unicode categories L and N, so it matches
//   /\p{L}|\p{N}/u in JavaScript); combining marks, zero-width (non-)joiners and soft hyphens
//   continue the word they follow;
// - an apostrophe (' ’), hyphen (- ‐ non-breaking ‑) or full stop between two letters/numbers keeps
//   one word: "don't", "well-being", "Year-6", "3.5", "e.g." are one word each;
// - a comma, colon or slash between two numbers keeps one word: "2,500", "10:30", "12/05/2026";
// - everything else separates: whitespace, line breaks, em and en dashes, other punctuation, symbols;
//   punctuation on its own is not a word;
// - scripts written without spaces (Chinese, Japanese, Thai) count each unbroken run as one word,
//   where word processors count each ideograph: accounts are written in English, so we accept it.
public static class WordCount
{
    private enum Kind
    {
        Separator,
        Letter,
        Number,
        Extender,
        Joiner,
        NumberJoiner,
    }

    public static int Count(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var words = 0;
        var inWord = false;
        var lastWasNumber = false;
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            var kind = Next(span, i, out var length);
            switch (kind)
            {
                case Kind.Letter or Kind.Number:
                    if (!inWord)
                    {
                        words++;
                        inWord = true;
                    }

                    lastWasNumber = kind == Kind.Number;
                    break;
                case Kind.Extender:
                    break;
                case Kind.Joiner:
                    inWord = inWord && Next(span, i + length, out _) is Kind.Letter or Kind.Number;
                    break;
                case Kind.NumberJoiner:
                    inWord = inWord && lastWasNumber && Next(span, i + length, out _) == Kind.Number;
                    break;
                default:
                    inWord = false;
                    break;
            }

            i += length;
        }

        return words;
    }

    public static int CountSections(IEnumerable<string?> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        return sections.Sum(Count);
    }

    private static Kind Next(ReadOnlySpan<char> text, int index, out int length)
    {
        if (index >= text.Length)
        {
            length = 0;
            return Kind.Separator;
        }

        // A lone surrogate decodes as U+FFFD (a symbol), so it separates, as it does in JavaScript.
        Rune.DecodeFromUtf16(text[index..], out var rune, out length);
        return Classify(rune);
    }

    private static Kind Classify(Rune rune)
    {
        switch (rune.Value)
        {
            case '\'' or '\u2019' or '-' or '\u2010' or '\u2011' or '.':
                return Kind.Joiner;
            case ',' or ':' or '/':
                return Kind.NumberJoiner;
            case '\u00AD' or '\u200C' or '\u200D':
                return Kind.Extender;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => Kind.Letter,
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => Kind.Number,
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => Kind.Extender,
            _ => Kind.Separator,
        };
    }
}
