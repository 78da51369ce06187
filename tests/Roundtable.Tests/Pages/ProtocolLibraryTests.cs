using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Communities;
using Roundtable.Web.Infrastructure.Audit;

namespace Roundtable.Tests.Pages;

public class ProtocolLibraryTests(AppFactory app) : AppTest(app)
{
    private const string Start = "start=2026-11-23T16:00";

    private async Task<HttpClient> TeamAsync()
    {
        await Data.ProgrammeTeamAsync();
        return await SignedInAsync("team@test.example");
    }

    private Task<int> PresetIdAsync(string key) => App.WithDbAsync(async db =>
    {
        await new ProtocolLibrary(db, App.Clock).EnsurePresetsAsync();
        return await db.Protocols.Where(p => p.Key == key).Select(p => p.Id).SingleAsync();
    });

    // Every field of the form as the browser would send it, with some changed; the handler picks the button.
    private static async Task<HttpResponseMessage> SendFormAsync(HttpClient client, IDocument page, string formSelector, string? handler, Dictionary<string, string>? changes = null, (string Name, string Value)? button = null)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No {formSelector} on {page.Url}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input, select, textarea"))
        {
            var name = element.GetAttribute("name");
            if (name is null || changes?.ContainsKey(name) == true)
            {
                continue;
            }
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" } box when !box.IsChecked:
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
            }
        }
        fields.AddRange(changes ?? []);
        if (button is { } b)
        {
            fields.Add(new(b.Name, b.Value));
        }
        var action = form.GetAttribute("action") ?? new Uri(page.Url).PathAndQuery;
        var url = handler is null ? action : $"{action}{(action.Contains('?', StringComparison.Ordinal) ? "&" : "?")}handler={handler}";
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static async Task<int> CopyAsync(HttpClient team, int protocolId)
    {
        var copied = await team.PostFormAsync($"/Programme/Protocols/View/{protocolId}", [], "form#copy-protocol");
        Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
        return int.Parse(copied.Headers.Location!.OriginalString.Split('/')[^1].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Protocols_ListsTheSeedAndTroikaWithTheirSizes()
    {
        var team = await TeamAsync();

        var list = await team.GetFromJsonAsync<JsonElement>("/api/v1/protocols");

        var items = list.EnumerateArray().ToList();
        Assert.Equal(5, items.Count);
        var seed = items[0];
        Assert.Equal("Problem-solving protocol", seed.GetProperty("name").GetString());
        Assert.Equal([4, 5, 6], seed.GetProperty("sizes").EnumerateArray().Select(s => s.GetInt32()));
        Assert.Equal(60, seed.GetProperty("minutes").GetInt32());
        var troika = items.Single(i => i.GetProperty("name").GetString() == "Troika consulting");
        Assert.Equal([3], troika.GetProperty("sizes").EnumerateArray().Select(s => s.GetInt32()));
        Assert.False(string.IsNullOrWhiteSpace(troika.GetProperty("description").GetString()));
        Assert.Contains(items, i => i.GetProperty("minutes").GetInt32() == 75);
    }

    [Fact]
    public async Task Agenda_ForAProtocol_SuitedNumber200_Unsuited422_Unknown404_NoneIsTheSeed()
    {
        var team = await TeamAsync();
        var troika = await PresetIdAsync(ProtocolPresets.TroikaKey);

        var three = await team.GetFromJsonAsync<JsonElement>($"/api/v1/protocol/agenda?participants=3&protocol={troika}&{Start}");
        var four = await team.GetAsync($"/api/v1/protocol/agenda?participants=4&protocol={troika}&{Start}");
        var unknown = await team.GetAsync($"/api/v1/protocol/agenda?participants=4&protocol=99999&{Start}");
        var seed = await team.GetFromJsonAsync<JsonElement>($"/api/v1/protocol/agenda?participants=4&{Start}");
        var tooFew = await team.GetAsync($"/api/v1/protocol/agenda?participants=2&protocol={troika}&{Start}");

        Assert.Equal(55, three.GetProperty("totalMinutes").GetInt32());
        Assert.Equal("Client presents the challenge", three.GetProperty("groups")[0].GetProperty("steps")[1].GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, four.StatusCode);
        Assert.Contains("Troika consulting suits groups of 3", await four.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(62, seed.GetProperty("totalMinutes").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooFew.StatusCode);
    }

    [Fact]
    public async Task Editing_MakesANewVersion_AndASessionPlannedOnVersion1KeepsItsAgenda()
    {
        var team = await TeamAsync();
        var (_, _, group) = await Data.GroupWithMembersAsync(App, size: 4);
        var copy = await CopyAsync(team, await PresetIdAsync(ProtocolPresets.ConsultancyKey));
        var chosen = await team.PostFormAsync($"/Programme/Communities/Group/{group.Id}",
            new() { ["ProtocolId"] = copy.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "form#group-protocol");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        var session = await App.WithDbAsync(async db =>
        {
            var s = new CommunitySession { GroupId = group.Id, StartsAt = App.Clock.GetUtcNow().UtcDateTime.AddDays(7), Mode = SessionMode.Online, Where = "https://meet.example.org/x" };
            s.ProtocolVersionId = await new ProtocolLibrary(db, App.Clock).VersionIdForNewSessionAsync(group.Id);
            db.CommunitySessions.Add(s);
            await db.SaveChangesAsync();
            return s;
        });
        var before = await AgendaMinutesAsync(session.Id);
        Assert.Equal(58, before);

        var edit = await team.GetDocumentAsync($"/Programme/Protocols/Edit/{copy}");
        var saved = await SendFormAsync(team, edit, "form#edit-protocol", null, new() { ["Input.Steps[3].Minutes"] = "9", ["Input.Name"] = "Our consultancy" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var versions = await App.WithDbAsync(db => db.ProtocolVersions.Where(v => v.ProtocolId == copy).OrderBy(v => v.Number).Select(v => v.Number).ToListAsync());
        Assert.Equal([1, 2], versions);
        Assert.Equal(before, await AgendaMinutesAsync(session.Id));
        var now = await team.GetFromJsonAsync<JsonElement>($"/api/v1/protocol/agenda?participants=4&protocol={copy}&{Start}");
        Assert.Equal(58 + (4 * 5), now.GetProperty("totalMinutes").GetInt32());
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.Subject == Protocol.AuditSubject && a.SubjectId == copy).Select(a => a.Action).ToListAsync());
        Assert.Contains("Protocol copied", audit);
        Assert.Contains("Protocol version saved", audit);
    }

    private Task<int> AgendaMinutesAsync(int sessionId) => App.WithDbAsync(async db =>
    {
        var session = await db.CommunitySessions.Include(s => s.Attendance).SingleAsync(s => s.Id == sessionId);
        var queries = new CommunityQueries(db, new ProtocolSettings(db, App.Clock), App.Clock);
        return (await queries.AgendaForAsync(session)).Value!.TotalMinutes;
    });

    [Fact]
    public async Task Editor_AddsRemovesAndMovesStepsWithoutSaving_AndShowsTotals()
    {
        var team = await TeamAsync();
        var copy = await CopyAsync(team, await PresetIdAsync(ProtocolPresets.TroikaKey));
        var page = await team.GetDocumentAsync($"/Programme/Protocols/Edit/{copy}");
        Assert.Contains("Groups of 3: 55 minutes", page.Text("#totals"), StringComparison.Ordinal);

        var added = await Html.ParseAsync(await SendFormAsync(team, page, "form#edit-protocol", "Add"));
        Assert.Equal(5, added.QuerySelectorAll(".rt-protocol-step").Length);
        Assert.Contains("Groups of 3: 61 minutes", added.Text("#totals"), StringComparison.Ordinal);

        var moved = await Html.ParseAsync(await SendFormAsync(team, added, "form#edit-protocol", "Up", button: ("index", "1")));
        Assert.Equal("Clarifying questions", moved.QuerySelector<IHtmlInputElement>("#Input_Steps_0__Name")!.Value);

        var removed = await Html.ParseAsync(await SendFormAsync(team, moved, "form#edit-protocol", "Remove", button: ("index", "4")));
        Assert.Equal(4, removed.QuerySelectorAll(".rt-protocol-step").Length);
        Assert.Equal(1, await App.WithDbAsync(db => db.ProtocolVersions.CountAsync(v => v.ProtocolId == copy)));

        var invalid = await Html.ParseAsync(await SendFormAsync(team, removed, "form#edit-protocol", null, new() { ["Input.Steps[1].Minutes"] = "0", ["Input.Steps[2].Speakers"] = "", ["Input.Name"] = "" }));
        var errors = Html.Errors(invalid);
        Assert.Contains("Enter a name for the protocol", errors);
        Assert.Contains(errors, e => e.StartsWith("Enter whole minutes from 1 to 120", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Choose who speaks", StringComparison.Ordinal));
        Assert.Equal(1, await App.WithDbAsync(db => db.ProtocolVersions.CountAsync(v => v.ProtocolId == copy)));
    }

    [Fact]
    public async Task BuiltInProtocols_CannotBeEdited()
    {
        var team = await TeamAsync();
        var seed = await PresetIdAsync(ProtocolPresets.SeedKey);

        var page = await team.GetAsync($"/Programme/Protocols/Edit/{seed}");
        var saved = await App.WithDbAsync(db => new ProtocolLibrary(db, App.Clock).SaveVersionAsync(seed, 1, "Mine", "", 60, ProtocolPresets.Seed.Design, null));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(Roundtable.Web.Infrastructure.FailureKind.Refused, saved.Failure!.Kind);
    }

    [Fact]
    public async Task TwoSavesOfTheSameVersion_OneWins_TheOtherIsAConflict()
    {
        var team = await TeamAsync();
        var copy = await CopyAsync(team, await PresetIdAsync(ProtocolPresets.ConsultancyKey));
        var first = await team.GetDocumentAsync($"/Programme/Protocols/Edit/{copy}");
        var second = await team.GetDocumentAsync($"/Programme/Protocols/Edit/{copy}");

        var responses = await Task.WhenAll(
            SendFormAsync(team, first, "form#edit-protocol", null, new() { ["Input.Steps[0].Minutes"] = "3" }),
            SendFormAsync(team, second, "form#edit-protocol", null, new() { ["Input.Steps[0].Minutes"] = "4" }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var loser = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Contains(Html.Errors(await Html.ParseAsync(loser)), e => e.StartsWith("Someone else saved this protocol", StringComparison.Ordinal));
        Assert.Equal([1, 2], await App.WithDbAsync(db => db.ProtocolVersions.Where(v => v.ProtocolId == copy).OrderBy(v => v.Number).Select(v => v.Number).ToListAsync()));
    }

    [Fact]
    public async Task ServiceSaves_AtOnce_OneWins()
    {
        await TeamAsync();
        var copy = await App.WithDbAsync(async db => (await new ProtocolLibrary(db, App.Clock).CopyAsync(await PresetIdAsync(ProtocolPresets.TroikaKey), null, null)).Value!.Id);

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => App.WithDbAsync(db =>
            new ProtocolLibrary(db, App.Clock).SaveVersionAsync(copy, 1, $"Edit {i}", "", 60, ProtocolPresets.Troika.Design, null))));

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(Roundtable.Web.Infrastructure.FailureKind.Conflict, Assert.Single(results, r => !r.Succeeded).Failure!.Kind);
    }

    [Fact]
    public async Task ProgrammeDefault_AndGroupOverride_AreUsedForNewSessions()
    {
        var team = await TeamAsync();
        var (cohort, _, group) = await Data.GroupWithMembersAsync(App, size: 4);
        var consultancy = await PresetIdAsync(ProtocolPresets.ConsultancyKey);
        var actionLearning = await PresetIdAsync(ProtocolPresets.ActionLearningKey);
        var troika = await PresetIdAsync(ProtocolPresets.TroikaKey);
        var inv = System.Globalization.CultureInfo.InvariantCulture;

        var setDefault = await team.PostFormAsync("/Programme/Protocols", new() { ["Input.ProgrammeId"] = cohort.ProgrammeId.ToString(inv), ["Input.ProtocolId"] = consultancy.ToString(inv) }, "form#programme-default");
        Assert.Equal(HttpStatusCode.Redirect, setDefault.StatusCode);
        Assert.Equal(consultancy, await PlannedProtocolAsync(team, group.Id, "01"));
        Assert.Equal(consultancy, await App.WithDbAsync(db => db.Programmes.Where(p => p.Id == cohort.ProgrammeId).Select(p => p.DefaultProtocolId).SingleAsync()));

        var unsuited = await team.PostFormAsync($"/Programme/Communities/Group/{group.Id}", new() { ["ProtocolId"] = troika.ToString(inv) }, "form#group-protocol");
        Assert.Contains("Troika consulting suits groups of 3; this group has 4", Html.Errors(await Html.ParseAsync(unsuited)));

        var own = await team.PostFormAsync($"/Programme/Communities/Group/{group.Id}", new() { ["ProtocolId"] = actionLearning.ToString(inv) }, "form#group-protocol");
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.Equal(actionLearning, await PlannedProtocolAsync(team, group.Id, "02"));
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.Subject == Protocol.AuditSubject).Select(a => a.Action).ToListAsync());
        Assert.Contains("Programme default protocol set", audit);
        Assert.Contains("Group protocol set", audit);
    }

    // Schedules a session on the group's page and says which protocol it was planned on.
    private async Task<int> PlannedProtocolAsync(HttpClient team, int groupId, string day)
    {
        var year = App.Clock.GetUtcNow().Year + 1;
        var scheduled = await team.PostFormAsync($"/Programme/Communities/Group/{groupId}", new()
        {
            ["Input.Date.Day"] = day, ["Input.Date.Month"] = "3", ["Input.Date.Year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Time"] = "16:00", ["Input.Mode"] = "Online", ["Input.Where"] = "https://meet.example.org/x",
        }, "main form:not([id])");
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        return await App.WithDbAsync(async db =>
        {
            var version = await db.CommunitySessions.Where(s => s.GroupId == groupId).OrderByDescending(s => s.Id).Select(s => s.ProtocolVersionId).FirstAsync();
            return await db.ProtocolVersions.Where(v => v.Id == version).Select(v => v.ProtocolId).SingleAsync();
        });
    }

    [Fact]
    public async Task ASingleSession_CanUseAnotherProtocol_UntilItIsRecorded()
    {
        var team = await TeamAsync();
        var (_, _, group) = await Data.GroupWithMembersAsync(App, size: 4);
        var session = await App.SessionAsync(group, TimeSpan.FromDays(5));
        var actionLearning = await PresetIdAsync(ProtocolPresets.ActionLearningKey);
        var troika = await PresetIdAsync(ProtocolPresets.TroikaKey);
        var inv = System.Globalization.CultureInfo.InvariantCulture;

        var unsuited = await team.PostFormAsync($"/Programme/Communities/Session/{session.Id}", new() { ["ProtocolId"] = troika.ToString(inv) }, "form#session-protocol");
        var chosen = await team.PostFormAsync($"/Programme/Communities/Session/{session.Id}", new() { ["ProtocolId"] = actionLearning.ToString(inv) }, "form#session-protocol");

        Assert.Contains("Troika consulting suits groups of 3; this group has 4", Html.Errors(await Html.ParseAsync(unsuited)));
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal(53, await AgendaMinutesAsync(session.Id));
        await App.WithDbAsync(async db =>
        {
            await db.CommunitySessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.RecordedAt, App.Clock.GetUtcNow().UtcDateTime));
        });
        var refused = await App.WithDbAsync(db => new ProtocolLibrary(db, App.Clock).SetSessionProtocolAsync(session.Id, troika, null!));
        Assert.Equal(Roundtable.Web.Infrastructure.FailureKind.Refused, refused!.Kind);
        Assert.Equal(53, await AgendaMinutesAsync(session.Id));
    }

    [Theory]
    [InlineData("/Programme/Protocols")]
    [InlineData("/Programme/Protocols/View/1")]
    [InlineData("/Programme/Protocols/Edit/1")]
    public async Task TeamPages_AreRefusedToDelegatesTutorsAndPartners(string path)
    {
        var (_, members, _) = await Data.GroupWithMembersAsync(App);
        await Data.TutorAsync();
        await Data.PartnerAsync();
        foreach (var email in new[] { members[0].Email!, "tutor@test.example", "partner@test.example" })
        {
            var response = await (await SignedInAsync(email)).GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
        }
    }

    [Fact]
    public async Task Posts_FromADelegate_AreRefusedAndChangeNothing()
    {
        var (_, members, group) = await Data.GroupWithMembersAsync(App);
        var seed = await PresetIdAsync(ProtocolPresets.SeedKey);
        var troika = await PresetIdAsync(ProtocolPresets.TroikaKey);
        var client = await SignedInAsync(members[0].Email!);
        var before = await App.WithDbAsync(db => db.Protocols.CountAsync());

        var copy = await client.PostAsync($"/Programme/Protocols/View/{seed}?handler=Copy", new FormUrlEncodedContent([]));
        var setDefault = await client.PostAsync("/Programme/Protocols?handler=Default", new FormUrlEncodedContent([new("Input.ProgrammeId", "1"), new("Input.ProtocolId", $"{troika}")]));
        var setGroup = await client.PostAsync($"/Programme/Communities/Group/{group.Id}?handler=Protocol", new FormUrlEncodedContent([new("ProtocolId", $"{troika}")]));

        Assert.All(new[] { copy, setDefault, setGroup }, r => Assert.Equal("/Account/AccessDenied", r.Headers.Location?.AbsolutePath));
        Assert.Equal(before, await App.WithDbAsync(db => db.Protocols.CountAsync()));
        Assert.Null(await App.WithDbAsync(db => db.CommunityGroups.Where(g => g.Id == group.Id).Select(g => g.ProtocolId).SingleAsync()));
        Assert.All(await App.WithDbAsync(db => db.Programmes.Select(p => p.DefaultProtocolId).ToListAsync()), v => Assert.Null(v));
    }

    [Fact]
    public async Task Pages_ShowTheLibraryAndAProtocolsSteps()
    {
        var team = await TeamAsync();
        var troika = await PresetIdAsync(ProtocolPresets.TroikaKey);

        var list = await team.GetDocumentAsync("/Programme/Protocols");
        var view = await team.GetDocumentAsync($"/Programme/Protocols/View/{troika}");

        Assert.Equal(5, list.QuerySelectorAll("#protocols tbody tr").Length);
        Assert.Contains("Troika consulting", list.Text("#protocols"), StringComparison.Ordinal);
        Assert.Contains("Groups of 3: 55 minutes", view.Text(), StringComparison.Ordinal);
        Assert.Null(view.QuerySelector("#edit-protocol"));
        Assert.NotNull(view.QuerySelector("form#copy-protocol"));
    }

    [Fact]
    public async Task Listeners_LoadForAVersionStoredWithoutThem_AreEditedLikeSpeakers_AndShown()
    {
        var team = await TeamAsync();
        var copy = await CopyAsync(team, await PresetIdAsync(ProtocolPresets.TroikaKey));
        // The copy's version 1 as a version stored before steps had listeners.
        await App.WithDbAsync(async db =>
        {
            var version = await db.ProtocolVersions.SingleAsync(v => v.ProtocolId == copy);
            var json = JsonNode.Parse(version.Steps)!;
            foreach (var template in json["templates"]!.AsArray())
            {
                foreach (var step in template!["turn"]!.AsArray().Append(template["reconnect"]).Append(template["review"]))
                {
                    Assert.True(step!.AsObject().Remove("listeners"));
                }
            }
            version.Steps = json.ToJsonString();
            await db.SaveChangesAsync();
        });

        var view = await team.GetDocumentAsync($"/Programme/Protocols/View/{copy}");
        var rows = view.QuerySelectorAll("table tbody tr").ToList();
        // Opening, then "Client presents the challenge" (the owner speaks), then "Clarifying questions" (peers ask).
        Assert.Equal(ProtocolSpeakers.Peers, rows[1].QuerySelectorAll("td")[2].TextContent.Trim());
        Assert.Equal(ProtocolSpeakers.ProblemOwner, rows[2].QuerySelectorAll("td")[2].TextContent.Trim());
        Assert.Contains("Who listens", view.Text("table thead"), StringComparison.Ordinal);

        var edit = await team.GetDocumentAsync($"/Programme/Protocols/Edit/{copy}");
        Assert.Equal(ProtocolSpeakers.ProblemOwner, edit.QuerySelector<IHtmlSelectElement>("#Input_Steps_1__Listeners")!.Value);
        var invalid = await Html.ParseAsync(await SendFormAsync(team, edit, "form#edit-protocol", null, new() { ["Input.Steps[1].Listeners"] = "" }));
        Assert.Contains("Choose who listens in Clarifying questions", Html.Errors(invalid));
        Assert.Equal(1, await App.WithDbAsync(db => db.ProtocolVersions.CountAsync(v => v.ProtocolId == copy)));

        var saved = await SendFormAsync(team, edit, "form#edit-protocol", null, new() { ["Input.Steps[1].Listeners"] = ProtocolSpeakers.All });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var design = await App.WithDbAsync(db => db.ProtocolVersions.Where(v => v.ProtocolId == copy && v.Number == 2).Select(v => v.Steps).SingleAsync());
        Assert.Equal(ProtocolSpeakers.All, ProtocolDesign.FromJson(design).TemplateFor(3).TurnSteps[1].Listeners);
        var after = await team.GetDocumentAsync($"/Programme/Protocols/View/{copy}");
        Assert.Equal(ProtocolSpeakers.All, after.QuerySelectorAll("table tbody tr")[2].QuerySelectorAll("td")[2].TextContent.Trim());
    }
}
