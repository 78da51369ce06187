using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using PdfPageSize = UglyToad.PdfPig.Content.PageSize;

namespace Roundtable.Tests.Infrastructure;

// Written accounts made on the spot: Word files with the Open XML SDK, PDFs with PdfPig's builder.
public static class AccountFiles
{
    public sealed class DocxBuilder
    {
        private readonly List<Func<MainDocumentPart, OpenXmlElement>> blocks = [];
        private string? header;
        private string? footer;

        public DocxBuilder Paragraph(string text, string? style = null)
        {
            blocks.Add(_ => Para(text, style));
            return this;
        }

        public DocxBuilder Heading(string text, int level = 1) => Paragraph(text, $"Heading{level}");

        public DocxBuilder Table(params string[][] rows)
        {
            blocks.Add(_ => new Table(rows.Select(r => new TableRow(r.Select(c => new TableCell(Para(c, null))).ToArray())).ToArray()));
            return this;
        }

        // A paragraph with a footnote referenced at its end.
        public DocxBuilder WithFootnote(string text, string footnote)
        {
            blocks.Add(main =>
            {
                var part = main.FootnotesPart ?? main.AddNewPart<FootnotesPart>();
                part.Footnotes ??= new Footnotes(
                    new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                    new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
                var id = part.Footnotes.Elements<Footnote>().Max(f => f.Id!.Value) + 1;
                part.Footnotes.Append(new Footnote(new Paragraph(new Run(new Text(footnote) { Space = SpaceProcessingModeValues.Preserve }))) { Id = id });
                return new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }), new Run(new FootnoteReference { Id = id }));
            });
            return this;
        }

        // A hyperlink element around its text, and a HYPERLINK field whose code holds the address: each text once.
        public DocxBuilder WithHyperlinks(string before, string linkText, string fieldText, string address)
        {
            blocks.Add(main =>
            {
                var relationship = main.AddHyperlinkRelationship(new Uri(address), true);
                return new Paragraph(
                    new Run(new Text(before + " ") { Space = SpaceProcessingModeValues.Preserve }),
                    new Hyperlink(new Run(new Text(linkText))) { Id = relationship.Id },
                    new Run(new Text(" and ") { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                    new Run(new FieldCode($" HYPERLINK \"{address}\" ") { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                    new Run(new Text(fieldText)),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
            });
            return this;
        }

        // A table of contents as Word writes it: a TOC field over TOC-styled entries with page numbers.
        public DocxBuilder TableOfContents(params string[] entries)
        {
            blocks.Add(_ => Para("Contents", "TOCHeading"));
            for (var i = 0; i < entries.Length; i++)
            {
                var first = i == 0;
                var last = i == entries.Length - 1;
                var entry = entries[i];
                var page = i + 2;
                blocks.Add(_ =>
                {
                    var p = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TOC1" }));
                    if (first)
                    {
                        p.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                            new Run(new FieldCode(" TOC \\o \"1-3\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }),
                            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
                    }
                    p.Append(new Run(new Text(entry)), new Run(new TabChar()), new Run(new Text(page.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                    if (last)
                    {
                        p.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
                    }
                    return p;
                });
            }
            return this;
        }

        public DocxBuilder Header(string text)
        {
            header = text;
            return this;
        }

        public DocxBuilder Footer(string text)
        {
            footer = text;
            return this;
        }

        public byte[] Build()
        {
            using var stream = new MemoryStream();
            using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
            {
                var main = document.AddMainDocumentPart();
                var body = new Body();
                main.Document = new Document(body);
                foreach (var block in blocks)
                {
                    body.Append(block(main));
                }
                var section = new SectionProperties();
                if (header is not null)
                {
                    var part = main.AddNewPart<HeaderPart>();
                    part.Header = new Header(Para(header, null));
                    section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(part) });
                }
                if (footer is not null)
                {
                    var part = main.AddNewPart<FooterPart>();
                    part.Footer = new Footer(Para(footer, null));
                    section.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(part) });
                }
                body.Append(section);
            }
            return stream.ToArray();
        }

        private static Paragraph Para(string text, string? style)
        {
            var paragraph = new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            if (style is not null)
            {
                paragraph.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = style }));
            }
            return paragraph;
        }
    }

    public static DocxBuilder Docx() => new();

    // A Word file of the given paragraphs.
    public static byte[] Docx(params string[] paragraphs)
    {
        var builder = new DocxBuilder();
        foreach (var p in paragraphs)
        {
            builder.Paragraph(p);
        }
        return builder.Build();
    }

    // A PDF whose pages each hold the given lines, top to bottom; a header and a footer repeat on every page.
    public static byte[] Pdf(IReadOnlyList<IReadOnlyList<string>> pages, string? header = null, string? footer = null)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var number = 0;
        foreach (var lines in pages)
        {
            number++;
            var page = builder.AddPage(PdfPageSize.A4);
            if (header is not null)
            {
                page.AddText(header, 9, new PdfPoint(50, 815), font);
            }
            var y = 760.0;
            foreach (var line in lines)
            {
                page.AddText(line, 11, new PdfPoint(50, y), font);
                y -= 18;
            }
            if (footer is not null)
            {
                page.AddText($"{footer} {number}", 9, new PdfPoint(50, 20), font);
            }
        }
        return builder.Build();
    }

    // A scanned page: a drawing and no text.
    public static byte[] ScannedPdf()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PdfPageSize.A4);
        page.DrawRectangle(new PdfPoint(50, 50), 400, 600, 2, true);
        return builder.Build();
    }

    // A zip whose one entry of zeros expands about a thousand times: a zip bomb in miniature.
    public static byte[] ZipBomb(int unpackedMegabytes = 60)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
            {
                types.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            }
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < unpackedMegabytes; i++)
            {
                entry.Write(zeros);
            }
        }
        return stream.ToArray();
    }

    // What Word writes for a password-protected .docx: an OLE compound file holding an EncryptedPackage stream.
    public static byte[] EncryptedDocx()
    {
        var bytes = new byte[4096];
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        ole.CopyTo(bytes, 0);
        Encoding.Unicode.GetBytes("EncryptedInfo").CopyTo(bytes, 1024);
        Encoding.Unicode.GetBytes("EncryptedPackage").CopyTo(bytes, 1152);
        return bytes;
    }

    // A PDF whose trailer names an encryption dictionary with a user password we do not know.
    public static byte[] EncryptedPdf()
    {
        var plain = Encoding.Latin1.GetString(Pdf([["Secret account text"]]));
        var trailer = plain.LastIndexOf("trailer", StringComparison.Ordinal);
        var open = plain.IndexOf("<<", trailer, StringComparison.Ordinal);
        var o = new string('A', 64);
        var u = new string('B', 64);
        var encrypted = plain[..(open + 2)]
            + $" /Encrypt << /Filter /Standard /V 1 /R 2 /O <{o}> /U <{u}> /P -44 >> /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] "
            + plain[(open + 2)..];
        return Encoding.Latin1.GetBytes(encrypted);
    }
}
