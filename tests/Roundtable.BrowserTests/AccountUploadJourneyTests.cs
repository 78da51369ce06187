using Microsoft.Playwright;
using Roundtable.Tests.Infrastructure;

namespace Roundtable.BrowserTests;

// A delegate uploads their Project 1 account as a Word file and sees its count and what was left out.
public class AccountUploadJourneyTests(BrowserAppFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task UploadDocxAccount_SeesItsCountAndTheAnnexLeftOut()
    {
        var cohort = await Data.CohortAsync();
        var me = await Data.DelegateAsync(cohort, "d@test.example", name: "Dana Delegate");
        await Data.Project1Async(me);
        var docx = AccountFiles.Docx().Heading("Design").Paragraph("Our reading plan raised attainment across the school.")
            .Heading("Annex A").Paragraph("Raw scores for every class.").Build();

        var page = await SignInAsync("d@test.example");
        await page.GotoAsync("/Projects/Submission/1");
        await AssertAccessibleAsync(page);
        await page.Locator("#AccountUpload").SetInputFilesAsync(new FilePayload
        {
            Name = "account.docx", MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Buffer = docx,
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and count the account" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("9 words counted of 4,000");
        await Assertions.Expect(page.Locator("#account-file-words")).ToHaveTextAsync("9 words");
        await Assertions.Expect(page.Locator("#account-file-excluded")).ToContainTextAsync("Annex A: 7 words");
        await Assertions.Expect(page.Locator("#requirements-1 [data-requirement='account-words']")).ToContainTextAsync("9 words of 4,000");
        await AssertAccessibleAsync(page);
    }
}
