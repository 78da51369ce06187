using System.Text.Json;
using Roundtable.Web.Projects;
using Xunit;

namespace Roundtable.Tests.Domain.Projects;

public class WordCountTests
{
    private const string CasesResource = "Roundtable.Tests.Domain.Projects.word-count-cases.json";

    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData(" \t\r\n ", 0)]
    [InlineData("one", 1)]
    [InlineData("well-being", 1)]
    [InlineData("Year-6", 1)]
    [InlineData("don't", 1)]
    [InlineData("don\u2019t", 1)]
    [InlineData("well\u2011being", 1)]
    [InlineData("pupils' work", 2)]
    [InlineData("2,500", 1)]
    [InlineData("3.5", 1)]
    [InlineData("2,500 pupils, 3.5 per cent", 5)]
    [InlineData("first,second", 2)]
    [InlineData("Hello , world ; !", 2)]
    [InlineData("... - \u2014 !?", 0)]
    [InlineData("before\u2014after", 2)]
    [InlineData("line one\nline two", 4)]
    [InlineData("tab\tseparated\tvalues", 3)]
    [InlineData("many     spaces   here", 3)]
    [InlineData("# Heading\n\nBody text.", 3)]
    [InlineData("Ysgol Gymraeg Bro Ŵyl", 4)]
    [InlineData("Gemütlichkeit Straße", 2)]
    [InlineData("Школа номер 5", 3)]
    [InlineData("e\u0301cole", 1)]
    [InlineData("\U0001D49C\U0001D4B7", 1)]
    public void Count(string? text, int expected)
    {
        Assert.Equal(expected, WordCount.Count(text));
    }

    [Fact]
    public void Count_LoneSurrogate_Separates()
    {
        Assert.Equal(2, WordCount.Count("ab\uD800cd"));
    }

    [Fact]
    public void CountSections_SumsSectionsAndIgnoresEmptyOnes()
    {
        string?[] sections = ["## Design\nWe planned well-being checks.", null, "", "## Evaluation\n2,500 pupils took part."];

        Assert.Equal(5 + 5, WordCount.CountSections(sections));
    }

    [Fact]
    public void CountSections_SectionBoundaryAlwaysSeparates()
    {
        Assert.Equal(2, WordCount.CountSections(["well-", "being"]));
    }

    [Theory]
    [MemberData(nameof(SharedCases))]
    public void Count_MatchesSharedCasesUsedByTheBrowser(string text, int expected, string why)
    {
        Assert.True(expected == WordCount.Count(text), $"{why}: expected {expected}, got {WordCount.Count(text)} for \"{text}\"");
    }

    [Fact]
    public void SharedCases_AreLoaded()
    {
        Assert.True(SharedCases().Count >= 50);
    }

    public static TheoryData<string, int, string> SharedCases()
    {
        using var stream = typeof(WordCountTests).Assembly.GetManifestResourceStream(CasesResource)
            ?? throw new InvalidOperationException($"Embedded resource {CasesResource} is missing.");
        using var document = JsonDocument.Parse(stream);
        var data = new TheoryData<string, int, string>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            data.Add(item.GetProperty("text").GetString()!, item.GetProperty("expected").GetInt32(), item.GetProperty("why").GetString()!);
        }

        return data;
    }
}
