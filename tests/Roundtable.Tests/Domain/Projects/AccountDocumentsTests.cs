using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Projects;

namespace Roundtable.Tests.Domain.Projects;

public class AccountDocumentsTests
{
    private const string Body = "Our reading plan raised attainment across the school.";  // 8 words

    private static DocumentCount Counted(string fileName, byte[] content)
    {
        var result = AccountDocuments.Count(fileName, content);
        Assert.True(result.Succeeded, result.Failure?.Message);
        return result.Value;
    }

    private static Failure Refused(string fileName, byte[] content)
    {
        var result = AccountDocuments.Count(fileName, content);
        Assert.False(result.Succeeded);
        return result.Failure;
    }

    [Fact]
    public void Docx_CountsLikeTheLiveCount()
    {
        const string text = "Don't stop: the well-being plan costs £2,500 — in 2026/27.";

        var count = Counted("account.docx", AccountFiles.Docx("Design", text));

        Assert.Equal(WordCount.Count("Design\n" + text), count.Words);
        Assert.Equal(10, count.Words);
        Assert.Empty(count.Excluded);
    }

    [Theory]
    [InlineData("Annex A", true)]
    [InlineData("APPENDICES", false)]
    [InlineData("Appendix 1: Baseline data", false)]
    [InlineData("References and bibliography", true)]
    [InlineData("5. References", true)]
    [InlineData("Annexes", false)]
    public void Docx_AnnexHeadingInSeveralForms_ExcludesEverythingFromIt(string heading, bool styled)
    {
        var builder = AccountFiles.Docx().Heading("Design").Paragraph(Body);
        builder = styled ? builder.Heading(heading) : builder.Paragraph(heading);
        var file = builder.Paragraph("Pupil data for the autumn term.").Heading("Evaluation").Paragraph("More annex text here.").Build();

        var count = Counted("account.docx", file);

        Assert.Equal(9, count.Words);
        var excluded = Assert.Single(count.Excluded);
        Assert.Equal(heading, excluded.Heading);
        Assert.Equal(WordCount.Count(heading) + 6 + 1 + 4, excluded.Words);
    }

    [Fact]
    public void Docx_SentenceStartingWithReferences_IsNotAnAnnex()
    {
        var file = AccountFiles.Docx("References to pupil premium spending were checked by the governors at every meeting of the year.", Body);

        var count = Counted("account.docx", file);

        Assert.Equal(16 + 8, count.Words);
        Assert.Empty(count.Excluded);
    }

    [Fact]
    public void Docx_SeveralAnnexes_EachListedWithItsWords()
    {
        var file = AccountFiles.Docx().Paragraph(Body).Heading("Annex A").Paragraph("One two three.").Heading("Appendix B: survey").Paragraph("Four five.").Build();

        var count = Counted("account.docx", file);

        Assert.Equal(8, count.Words);
        Assert.Equal([new ExcludedPart("Annex A", 5), new ExcludedPart("Appendix B: survey", 5)], count.Excluded);
    }

    [Fact]
    public void Docx_TableOfContentsHeadersAndFooters_AreNotCounted()
    {
        var file = AccountFiles.Docx()
            .TableOfContents("Design", "Implementation", "Evaluation")
            .Heading("Design").Paragraph(Body)
            .Header("Project 1 account, draft three")
            .Footer("Confidential page 1")
            .Build();

        var count = Counted("account.docx", file);

        Assert.Equal(9, count.Words);
        Assert.Equal([new ExcludedPart(AccountDocuments.TableOfContents, 1 + 6)], count.Excluded);
    }

    [Fact]
    public void Docx_TablesAndFootnotes_AreCounted_AndAnAnnexFootnoteIsNot()
    {
        var file = AccountFiles.Docx()
            .Paragraph(Body)
            .Table(["Measure", "Baseline"], ["Reading age", "9.5"])
            .WithFootnote("Evidence from the trust.", "Source: trust data dashboard, 2026.")
            .Heading("Annex A")
            .WithFootnote("Annex text.", "An annex note.")
            .Build();

        var count = Counted("account.docx", file);

        Assert.Equal(8 + 5 + 4 + 5, count.Words);
        Assert.Equal([new ExcludedPart("Annex A", 2 + 2 + 3)], count.Excluded);
    }

    [Fact]
    public void Docx_Hyperlinks_TheirTextCountsOnce_AndTheAddressNot()
    {
        var file = AccountFiles.Docx().WithHyperlinks("See", "the DfE framework", "the trust policy", "https://www.example.org/npqh/framework").Build();

        var count = Counted("account.docx", file);

        Assert.Equal(1 + 3 + 1 + 3, count.Words);
    }

    [Fact]
    public void Pdf_CountsLines_LeavesOutAnnexesContentsHeadersAndFooters()
    {
        var file = AccountFiles.Pdf(
        [
            ["Contents", "Design 2", "Evaluation 3"],
            ["Design", Body],
            ["Evaluation", "It worked well.", "APPENDICES", "Appendix 1: data", "Raw scores follow here."],
        ], header: "Project 1 written account", footer: "Page");

        var count = Counted("account.pdf", file);

        Assert.Equal(1 + 8 + 1 + 3, count.Words);
        Assert.Equal(
        [
            new ExcludedPart(AccountDocuments.HeadersAndFooters, 3 * 4 + 3 * 2),
            new ExcludedPart(AccountDocuments.TableOfContents, 1 + 2 + 2),
            new ExcludedPart("APPENDICES", 1),
            new ExcludedPart("Appendix 1: data", 3 + 4),
        ], count.Excluded);
    }

    [Fact]
    public void Pdf_Scanned_IsRefusedWithAClearMessage()
    {
        var failure = Refused("scan.pdf", AccountFiles.ScannedPdf());

        Assert.Equal(FailureKind.Refused, failure.Kind);
        Assert.Equal(AccountDocuments.NoTextLayer, failure.Message);
    }

    [Fact]
    public void Docx_ZipBomb_IsRefusedBeforeOpening()
    {
        var failure = Refused("account.docx", AccountFiles.ZipBomb());

        Assert.Equal(FailureKind.Refused, failure.Kind);
        Assert.Contains("zip bomb", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("account.docx", "PDF renamed to .docx")]
    [InlineData("account.pdf", "Word document renamed to .pdf")]
    public void RenamedFile_IsRefused(string name, string message)
    {
        var content = name.EndsWith(".docx", StringComparison.Ordinal) ? AccountFiles.Pdf([[Body]]) : AccountFiles.Docx(Body);

        var failure = Refused(name, content);

        Assert.Equal(FailureKind.Refused, failure.Kind);
        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextRenamedToDocx_IsRefused()
    {
        var failure = Refused("account.docx", "Just some text typed in Notepad."u8.ToArray());

        Assert.Contains("not a Word document", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EncryptedDocx_IsRefused()
    {
        var failure = Refused("account.docx", AccountFiles.EncryptedDocx());

        Assert.Contains("password", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EncryptedPdf_IsRefused()
    {
        var failure = Refused("account.pdf", AccountFiles.EncryptedPdf());

        Assert.Equal(FailureKind.Refused, failure.Kind);
        Assert.Contains("password", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenDocx_IsRefused()
    {
        var file = AccountFiles.Docx(Body);

        var failure = Refused("account.docx", file[..(file.Length / 2)]);

        Assert.Equal(FailureKind.Refused, failure.Kind);
    }

    [Theory]
    [InlineData("account.doc")]
    [InlineData("account.txt")]
    [InlineData("account")]
    public void OtherTypes_AreUnsupported(string name)
    {
        Assert.Equal(FailureKind.UnsupportedType, Refused(name, AccountFiles.Docx(Body)).Kind);
    }
}
