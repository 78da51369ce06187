using System.Text.RegularExpressions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Infrastructure.Email;

namespace Roundtable.Tests.Security;

// Issue 12, point 11: logs hold no personal data, and the build audits packages.
public partial class LogPrivacyTests
{
    [GeneratedRegex(@"\.Log(Trace|Debug|Information|Warning|Error|Critical)\((?<args>[^;]*);", RegexOptions.Singleline)]
    private static partial Regex LogCall();

    [GeneratedRegex(@"\b(To|Email|FullName|Name|Subject|ToName)\b")]
    private static partial Regex PersonalMember();

    [Fact]
    public void NoLogCallPassesAnAddressANameOrASubject()
    {
        var offenders = Directory.EnumerateFiles(RepoPaths.Combine("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LogCall().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Args: m.Groups["args"].Value)))
            .Where(c => PersonalMember().IsMatch(c.Args))
            .Select(c => $"{c.File}: {c.Args}")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public async Task PickupFolderSender_LogsNeitherTheAddressNorTheSubject()
    {
        var folder = Path.Combine(Path.GetTempPath(), "roundtable-log-test-" + Guid.NewGuid().ToString("N"));
        var logger = new ListLogger();
        var sender = new SmtpEmailSender(Options.Create(new EmailOptions { PickupDirectory = folder }), new Environment(), TimeProvider.System, logger);
        try
        {
            await sender.SendAsync(new EmailMessage("jo.bloggs@school.example", "Jo Bloggs", "Your tutorial with Jo Bloggs", "Hello"));

            Assert.NotEmpty(logger.Lines);
            Assert.DoesNotContain(logger.Lines, l => l.Contains("jo.bloggs", StringComparison.OrdinalIgnoreCase) || l.Contains("Bloggs", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Build_AuditsPackagesAndFailsOnHighSeverity()
    {
        var props = File.ReadAllText(RepoPaths.Combine("Directory.Build.props"));
        Assert.Contains("<NuGetAudit>true</NuGetAudit>", props, StringComparison.Ordinal);
        Assert.Contains("<NuGetAuditLevel>high</NuGetAuditLevel>", props, StringComparison.Ordinal);
        Assert.Matches(@"<WarningsAsErrors>[^<]*NU1903;NU1904", props);
    }

    private sealed class ListLogger : ILogger<SmtpEmailSender>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";
        public string ApplicationName { get; set; } = "Roundtable.Web";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
