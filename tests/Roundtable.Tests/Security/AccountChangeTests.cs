using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;

namespace Roundtable.Tests.Security;

// Issue 12, point 5: a change of roles or e-mail takes effect at once, and access that comes from
// membership (of a group, of a booking) also needs the role it came with.
public class AccountChangeTests(AppFactory app) : AppTest(app)
{
    private async Task<string> BearerAsync(string email)
    {
        var login = await Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestData.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task<HttpResponseMessage> SaveRolesAsync(HttpClient team, AppUser person, string email, params string[] roles) =>
        await team.PostFormAsync($"/Programme/People/Edit/{person.Id}",
            new() { ["Input.FullName"] = person.FullName, ["Input.Email"] = email },
            formSelector: "main form[novalidate]",
            extra: roles.Select(r => new KeyValuePair<string, string>("Input.Roles", r)));

    private async Task RemoveRoleQuietlyAsync(AppUser person, string role)
    {
        // As a role taken away in the minute before the person's cookie is checked again: the
        // membership rows stay, the signed-in person no longer holds the role.
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(person.Id);
        Assert.True((await users.RemoveFromRoleAsync(user!, role)).Succeeded);
    }

    private Task<string?> StampAsync(string id) => App.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync());

    [Fact]
    public async Task RoleChange_RotatesTheStamp()
    {
        var team = await SignedInAsync((await Data.ProgrammeTeamAsync()).Email!);
        var tutor = await Data.TutorAsync();
        var before = await StampAsync(tutor.Id);

        Assert.Equal(HttpStatusCode.Redirect, (await SaveRolesAsync(team, tutor, tutor.Email!, Roles.Partner)).StatusCode);

        Assert.NotEqual(before, await StampAsync(tutor.Id));
    }

    [Fact]
    public async Task RoleChange_RefusesTheOldCookieOnceAMinuteHasPassed_AndOtherCookiesStillWork()
    {
        var team = await SignedInAsync((await Data.ProgrammeTeamAsync()).Email!);
        var cohort = await Data.CohortAsync();
        var leaver = await Data.DelegateAsync(cohort, "leaver@test.example");
        var stayer = await Data.DelegateAsync(cohort, "stayer@test.example");
        var oldCookie = await SignedInAsync(leaver.Email!);
        var otherCookie = await SignedInAsync(stayer.Email!);
        Assert.Equal(HttpStatusCode.OK, (await oldCookie.GetAsync("/Delegate")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await SaveRolesAsync(team, leaver, leaver.Email!, Roles.Tutor)).StatusCode);

        // Within the minute the cookie is not checked again: it still carries the old role.
        App.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await oldCookie.GetAsync("/Delegate")).StatusCode);

        App.Clock.Advance(TimeSpan.FromSeconds(31));
        var refused = await oldCookie.GetAsync("/Delegate");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/SignIn", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldCookie.GetAsync("/api/v1/me")).StatusCode);
        // Someone whose account did not change stays signed in across the same check.
        Assert.Equal(HttpStatusCode.OK, (await otherCookie.GetAsync("/Delegate")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await otherCookie.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task EmailChange_RefusesTheOldCookieOnceAMinuteHasPassed()
    {
        var team = await SignedInAsync((await Data.ProgrammeTeamAsync()).Email!);
        var tutor = await Data.TutorAsync();
        var oldCookie = await SignedInAsync(tutor.Email!);
        Assert.Equal(HttpStatusCode.OK, (await oldCookie.GetAsync("/api/v1/me")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await SaveRolesAsync(team, tutor, "moved@test.example", Roles.Tutor)).StatusCode);
        App.Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(HttpStatusCode.Unauthorized, (await oldCookie.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task UnchangedRolesAndEmail_KeepTheStamp()
    {
        var team = await SignedInAsync((await Data.ProgrammeTeamAsync()).Email!);
        var tutor = await Data.TutorAsync();
        var before = await StampAsync(tutor.Id);

        Assert.Equal(HttpStatusCode.Redirect, (await SaveRolesAsync(team, tutor, tutor.Email!, Roles.Tutor)).StatusCode);

        Assert.Equal(before, await StampAsync(tutor.Id));
    }

    [Fact]
    public async Task RoleChange_RefusesTheBearerTokenAtOnce()
    {
        var team = await SignedInAsync((await Data.ProgrammeTeamAsync()).Email!);
        var tutor = await Data.TutorAsync();
        var api = Anonymous();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await BearerAsync(tutor.Email!));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        await SaveRolesAsync(team, tutor, tutor.Email!, Roles.Partner);

        var refused = await api.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        // A new sign-in gets a token that works, with the new role.
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await BearerAsync(tutor.Email!));
        var me = await api.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(["Partner"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
    }

    [Fact]
    public async Task EmailChange_RefusesTheBearerToken()
    {
        var team = await SignedInAsync((await Data.ProgrammeTeamAsync()).Email!);
        var tutor = await Data.TutorAsync();
        var api = Anonymous();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await BearerAsync(tutor.Email!));

        Assert.Equal(HttpStatusCode.Redirect, (await SaveRolesAsync(team, tutor, "new.address@test.example", Roles.Tutor)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task GroupMember_WithoutTheDelegateRole_SeesNoGroupSessionOrLiveState()
    {
        var (_, members, group) = await Data.GroupWithMembersAsync(App);
        var session = await App.SessionAsync(group, TimeSpan.FromDays(7));
        var member = members[0];
        Assert.Equal(HttpStatusCode.OK, (await (await SignedInAsync(member.Email!)).GetAsync($"/api/v1/groups/{group.Id}/chairs")).StatusCode);

        await RemoveRoleQuietlyAsync(member, Roles.Delegate);
        var client = await SignedInAsync(member.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/groups/{group.Id}/chairs")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Communities/Session/{session.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/sessions/{session.Id}/live")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/sessions/{session.Id}/live/start", new { })).StatusCode);
    }

    [Fact]
    public async Task Tutor_WithoutTheTutorRole_SeesNotTheirFormerDelegatesGroup()
    {
        var tutor = await Data.TutorAsync();
        var cohort = await Data.CohortAsync();
        var member = await Data.DelegateAsync(cohort, "tutee@test.example", tutor: tutor);
        var group = await App.GroupAsync(cohort, [member]);
        Assert.Equal(HttpStatusCode.OK, (await (await SignedInAsync(tutor.Email!)).GetAsync($"/api/v1/groups/{group.Id}/chairs")).StatusCode);

        await RemoveRoleQuietlyAsync(tutor, Roles.Tutor);

        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync(tutor.Email!)).GetAsync($"/api/v1/groups/{group.Id}/chairs")).StatusCode);
    }

    [Fact]
    public async Task BookingDelegate_WithoutTheDelegateRole_CannotCancelOrDownloadTheCalendar()
    {
        var partner = await Data.PartnerAsync();
        var profile = await App.PartnerProfileAsync(partner);
        var cohort = await Data.CohortAsync();
        var booker = await Data.DelegateAsync(cohort, "booker@test.example");
        var booking = await App.BookingAsync(await App.SlotAsync(profile, TimeSpan.FromDays(10)), booker);
        Assert.Equal(HttpStatusCode.OK, (await (await SignedInAsync(booker.Email!)).GetAsync($"/api/v1/bookings/{booking.Id}/calendar.ics")).StatusCode);

        await RemoveRoleQuietlyAsync(booker, Roles.Delegate);
        var client = await SignedInAsync(booker.Email!);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/bookings/{booking.Id}/calendar.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/bookings/{booking.Id}/cancel", new { reason = "Left the programme" })).StatusCode);
        Assert.Equal("Booked", (await App.WithDbAsync(db => db.Bookings.Where(b => b.Id == booking.Id).Select(b => b.Status).SingleAsync())).ToString());
        // Its partner, who holds the role, still can.
        Assert.Equal(HttpStatusCode.OK, (await (await SignedInAsync(partner.Email!)).GetAsync($"/api/v1/bookings/{booking.Id}/calendar.ics")).StatusCode);
    }
}
