using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace Roundtable.Web.Projects;

public sealed record ExcludedPart(string Heading, int Words);

public sealed record DocumentCount(int Words, IReadOnlyList<ExcludedPart> Excluded);

// Counts the words of a written account uploaded as Word (.docx) or PDF, with WordCount's rules (the
// live count's), leaving out what the account's limit leaves out:
// - annexes: everything from a heading named Annex(es), Appendix/Appendices, References or
//   Bibliography onwards ("Annex A", "APPENDICES", "Appendix 1: data", "5. References and
//   bibliography"); a heading is a paragraph in a heading style or with an outline level, or a short
//   line (at most 12 words, not ending in a full stop) outside a table;
// - tables of contents (Word's TOC fields, content controls and TOC styles; in a PDF, the lines
//   after a "Contents" heading that end in a page number);
// - headers and footers (Word's are separate parts and never read; in a PDF, lines in the top or
//   bottom margin repeated on several pages, and page numbers);
// - field codes, deleted text and the fallback copy of text boxes, so a hyperlink counts once.
// Tables and footnotes count, as they would if typed into the form (Word counts them by default too);
// a footnote belongs where it is referenced, so a footnote of an annex is excluded with the annex.
// Files are checked before they are read: the type must match the name, encrypted files are refused,
// and a .docx (a zip) whose entries would expand too far is refused before anything is unpacked.
public static partial class AccountDocuments
{
    public const string Field = "file";
    public const long MaxUnpackedBytes = 50L * 1024 * 1024;
    public const int MaxZipEntries = 1000;
    public const int MaxCompressionRatio = 100;
    public const int MaxHeadingWords = 12;
    public const string TableOfContents = "Table of contents";
    public const string HeadersAndFooters = "Headers and footers";
    public const string NoTextLayer = "This PDF has no text we can count: upload the Word file or type your account.";
    public const string Accept = ".docx,.pdf";

    private static readonly byte[] ZipMagic = "PK\u0003\u0004"u8.ToArray();
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private sealed record Block(string Text, bool MayBeHeading, string? ExcludedAs = null);

    public static bool IsAccountFile(string? fileName) =>
        Path.GetExtension(fileName ?? "").ToUpperInvariant() is ".DOCX" or ".PDF";

    public static Result<DocumentCount> Count(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName ?? "").ToUpperInvariant();
        if (extension is not (".DOCX" or ".PDF"))
        {
            return new Failure(FailureKind.UnsupportedType, "Upload the account as a Word (.docx) or PDF file.")
            {
                Errors = [new(Field, "Upload the account as a Word (.docx) or PDF file.")],
            };
        }
        if (content.Length == 0)
        {
            return Refused("The selected file is empty.");
        }
        return extension == ".DOCX" ? CountDocx(content) : CountPdf(content);
    }

    private static Failure Refused(string message) => Failure.Refused(message, Field) with { Title = "File cannot be counted" };

    private static Result<DocumentCount> CountDocx(byte[] content)
    {
        var bytes = content.AsSpan();
        if (bytes.StartsWith(OleMagic))
        {
            // Word saves a password-protected .docx inside an OLE container with an EncryptedPackage stream.
            return Refused(bytes.IndexOf(Encoding.Unicode.GetBytes("EncryptedPackage")) >= 0
                ? "This Word file is protected with a password (encrypted), so we cannot read it. Remove the password in Word and upload it again."
                : "This file is an old Word document (.doc) renamed to .docx. Open it in Word, save it as a Word document (.docx) and upload that.");
        }
        if (!bytes.StartsWith(ZipMagic))
        {
            return Refused(bytes.StartsWith(PdfMagic)
                ? "This file is a PDF renamed to .docx. Upload it with its .pdf name."
                : "This file is not a Word document (.docx), although its name says so.");
        }
        if (CheckZip(content) is { } unsafeZip)
        {
            return unsafeZip;
        }
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = WordprocessingDocument.Open(stream, false);
            if (document.MainDocumentPart?.Document?.Body is not { } body)
            {
                return Refused("This file is not a Word document (.docx), although its name says so.");
            }
            return Tally(DocxBlocks(document.MainDocumentPart, body));
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException or InvalidOperationException or FormatException)
        {
            return Refused("This Word file is damaged or is not a Word document (.docx), so we cannot read it. Save it again in Word and upload it.");
        }
    }

    // Before anything is unpacked: the entries' declared sizes and ratios, then the real sizes (a zip
    // can lie about them), each read no further than declared.
    private static Failure? CheckZip(byte[] content)
    {
        const string bomb = "This file would unpack to far more than a Word document does (it looks like a zip bomb), so we did not open it.";
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxZipEntries)
            {
                return Refused(bomb);
            }
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                var ratio = entry.CompressedLength == 0 ? (entry.Length == 0 ? 0 : long.MaxValue) : entry.Length / entry.CompressedLength;
                if (declared > MaxUnpackedBytes || (entry.Length > 1024 * 1024 && ratio > MaxCompressionRatio))
                {
                    return Refused(bomb);
                }
            }
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                using var data = entry.Open();
                long read = 0;
                int n;
                while ((n = data.Read(buffer, 0, buffer.Length)) > 0)
                {
                    read += n;
                    if (read > entry.Length)
                    {
                        return Refused(bomb);
                    }
                }
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return Refused("This Word file is damaged, so we cannot read it. Save it again in Word and upload it.");
        }
    }

    private static IEnumerable<Block> DocxBlocks(MainDocumentPart main, Body body)
    {
        var footnotes = main.FootnotesPart?.Footnotes?.Elements<Footnote>().ToDictionary(f => f.Id?.Value ?? 0) ?? [];
        var endnotes = main.EndnotesPart?.Endnotes?.Elements<Endnote>().ToDictionary(f => f.Id?.Value ?? 0) ?? [];
        // Fields span paragraphs (a table of contents is one field over many): the open ones, and whether each is a TOC.
        var fields = new Stack<bool>();
        foreach (var paragraph in body.Descendants<Paragraph>())
        {
            if (paragraph.Ancestors<AlternateContentFallback>().Any())
            {
                continue;
            }
            var counted = new StringBuilder();
            var toc = new StringBuilder();
            var notes = new List<string>();
            var tocStyle = IsTocParagraph(paragraph);
            foreach (var element in paragraph.Descendants())
            {
                if (!ReferenceEquals(element.Ancestors<Paragraph>().FirstOrDefault(), paragraph)
                    || element.Ancestors<AlternateContentFallback>().Any())
                {
                    continue;
                }
                var inToc = tocStyle || fields.Contains(true);
                var into = inToc ? toc : counted;
                switch (element)
                {
                    case FieldChar { FieldCharType.Value: var type } when type == FieldCharValues.Begin:
                        fields.Push(false);
                        break;
                    case FieldChar { FieldCharType.Value: var type } when type == FieldCharValues.End:
                        fields.TryPop(out _);
                        break;
                    case FieldCode code when fields.Count > 0 && IsTocInstruction(code.Text):
                        fields.Pop();
                        fields.Push(true);
                        break;
                    case SimpleField simple when IsTocInstruction(simple.Instruction?.Value):
                        // Its text is inside it; rare enough to be left out whole rather than tracked.
                        toc.Append(' ').Append(string.Concat(simple.Descendants<Text>().Select(t => t.Text)));
                        break;
                    case Text text when !text.Ancestors<SimpleField>().Any(f => IsTocInstruction(f.Instruction?.Value)):
                        into.Append(text.Text);
                        break;
                    case TabChar or Break or CarriageReturn or PositionalTab:
                        into.Append(' ');
                        break;
                    case FootnoteReference { Id.Value: var id } when footnotes.TryGetValue(id, out var note):
                        notes.Add(NoteText(note));
                        break;
                    case EndnoteReference { Id.Value: var id } when endnotes.TryGetValue(id, out var note):
                        notes.Add(NoteText(note));
                        break;
                }
            }
            if (toc.Length > 0)
            {
                yield return new Block(toc.ToString(), false, TableOfContents);
            }
            if (counted.Length > 0 || notes.Count > 0)
            {
                var mayBeHeading = !paragraph.Ancestors<Table>().Any() && (IsHeadingStyle(paragraph) || IsShortLine(counted.ToString()));
                yield return new Block(counted.ToString(), mayBeHeading);
                foreach (var note in notes)
                {
                    yield return new Block(note, false);
                }
            }
        }
    }

    private static string NoteText(OpenXmlElement note) =>
        string.Join(' ', note.Descendants<Paragraph>().Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text))));

    private static bool IsTocInstruction(string? instruction) =>
        instruction is not null && instruction.TrimStart().StartsWith("TOC", StringComparison.OrdinalIgnoreCase);

    private static bool IsTocParagraph(Paragraph paragraph)
    {
        var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
        return style.StartsWith("TOC", StringComparison.OrdinalIgnoreCase)
            || style.StartsWith("Contents", StringComparison.OrdinalIgnoreCase)
            || paragraph.Ancestors<SdtBlock>().Any(s => s.SdtProperties?.Descendants<DocPartGallery>()
                .Any(g => g.Val?.Value?.Contains("Table of Contents", StringComparison.OrdinalIgnoreCase) == true) == true);
    }

    private static bool IsHeadingStyle(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties;
        var style = properties?.ParagraphStyleId?.Val?.Value ?? "";
        return properties?.OutlineLevel is not null
            || style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase)
            || style.Equals("Title", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsShortLine(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length > 0 && !trimmed.EndsWith('.') && WordCount.Count(trimmed) <= MaxHeadingWords;
    }

    private static Result<DocumentCount> CountPdf(byte[] content)
    {
        if (!content.AsSpan().StartsWith(PdfMagic))
        {
            return Refused(content.AsSpan().StartsWith(ZipMagic)
                ? "This file is a Word document renamed to .pdf. Upload it with its .docx name."
                : "This file is not a PDF, although its name says so.");
        }
        try
        {
            using var document = PdfDocument.Open(content);
            if (document.IsEncrypted)
            {
                return Refused("This PDF is protected with a password (encrypted), so we cannot read it. Save it again without protection and upload it.");
            }
            var pages = document.GetPages().Select(PdfLines).ToList();
            if (!pages.SelectMany(p => p).Any(l => WordCount.Count(l.Text) > 0))
            {
                return Refused(NoTextLayer);
            }
            return Tally(PdfBlocks(pages));
        }
        catch (PdfDocumentEncryptedException)
        {
            return Refused("This PDF is protected with a password (encrypted), so we cannot read it. Save it again without protection and upload it.");
        }
        catch (Exception e) when (e is PdfDocumentFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException
            or InvalidDataException or FormatException or KeyNotFoundException or NullReferenceException)
        {
            return Refused("This PDF is damaged, so we cannot read it. Save it again as PDF and upload it.");
        }
    }

    private sealed record PdfLine(string Text, bool InMargin);

    // The words of a page grouped into lines, top to bottom, each left to right.
    private static List<PdfLine> PdfLines(Page page)
    {
        var lines = new List<(double Bottom, double Height, List<Word> Words)>();
        foreach (var word in page.GetWords().OrderByDescending(w => w.BoundingBox.Bottom).ThenBy(w => w.BoundingBox.Left))
        {
            var box = word.BoundingBox;
            var line = lines.FirstOrDefault(l => Math.Abs(l.Bottom - box.Bottom) <= Math.Max(1, Math.Min(l.Height, box.Height) / 2));
            if (line.Words is null)
            {
                lines.Add((box.Bottom, box.Height, [word]));
            }
            else
            {
                line.Words.Add(word);
            }
        }
        var margin = page.Height * 0.08;
        return lines.OrderByDescending(l => l.Bottom)
            .Select(l => new PdfLine(
                string.Join(' ', l.Words.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)),
                l.Bottom > page.Height - margin || l.Bottom + l.Height < margin))
            .ToList();
    }

    private static IEnumerable<Block> PdfBlocks(List<List<PdfLine>> pages)
    {
        // A header or footer repeats on several pages (page numbers aside, hence the digits blanked).
        var marginText = pages.SelectMany(p => p.Where(l => l.InMargin).Select(l => Digitless(l.Text)).Distinct())
            .GroupBy(t => t).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var inContents = false;
        foreach (var line in pages.SelectMany(p => p))
        {
            if (line.InMargin && (marginText.Contains(Digitless(line.Text)) || PageNumber().IsMatch(line.Text)))
            {
                yield return new Block(line.Text, false, HeadersAndFooters);
                continue;
            }
            if (ContentsHeading().IsMatch(line.Text))
            {
                inContents = true;
                yield return new Block(line.Text, false, TableOfContents);
                continue;
            }
            if (inContents && TocEntry().IsMatch(line.Text))
            {
                yield return new Block(line.Text, false, TableOfContents);
                continue;
            }
            inContents = false;
            yield return new Block(line.Text, IsShortLine(line.Text));
        }
    }

    private static string Digitless(string text) => Digits().Replace(text.Trim(), "#");

    private static DocumentCount Tally(IEnumerable<Block> blocks)
    {
        var words = 0;
        var excluded = new List<(string Heading, int Words)>();
        var annex = -1;
        var toc = -1;
        var margins = -1;
        foreach (var block in blocks)
        {
            var count = WordCount.Count(block.Text);
            if (block.ExcludedAs is { } reason)
            {
                ref var index = ref reason == TableOfContents ? ref toc : ref margins;
                if (index < 0)
                {
                    excluded.Add((reason, 0));
                    index = excluded.Count - 1;
                }
                excluded[index] = (reason, excluded[index].Words + count);
            }
            else if (block.MayBeHeading && AnnexHeading().IsMatch(block.Text.Trim()))
            {
                excluded.Add((Squash(block.Text), count));
                annex = excluded.Count - 1;
            }
            else if (annex >= 0)
            {
                excluded[annex] = (excluded[annex].Heading, excluded[annex].Words + count);
            }
            else
            {
                words += count;
            }
        }
        return new DocumentCount(words, excluded.Select(e => new ExcludedPart(e.Heading, e.Words)).ToList());
    }

    private static string Squash(string text) => Spaces().Replace(text.Trim(), " ");

    [GeneratedRegex(@"^(?:\d+(?:\.\d+)*\.?\s+|(?:section|part)\s+\w+\s*[:.\-–—]?\s*)?(?:annex(?:e|es)?|appendix|appendices|references|bibliography)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnnexHeading();

    [GeneratedRegex(@"^\s*(?:table\s+of\s+)?contents\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContentsHeading();

    [GeneratedRegex(@"\d+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TocEntry();

    [GeneratedRegex(@"^\s*(?:page\s+)?\d+(?:\s+of\s+\d+)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
