using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Calendars;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
using Roundtable.Web.Infrastructure.Api;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.People;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Tutorials;

// Times in and out are UK wall-clock times without an offset ("2026-12-01T16:00:00"), as in the
// rest of the API; ids of people are their user ids.
public static class TutorialsApi
{
    public sealed record PartnerResponse(string Id, string Name, string? Phase, string? SettingType, string? Region, int Score, IReadOnlyList<string> Reasons);
    public sealed record SlotRequest(string? Start, int? Minutes, string? Mode, string? Where);
    public sealed record SlotResponse(int Id, string PartnerId, string Start, string End, int Minutes, string Mode, string? Where);
    public sealed record WithdrawRequest(string? Reason);
    public sealed record BookingRequest(int? SlotId, int? Project, string? Focus, string? ProjectSummary);
    public sealed record BookingResponse(int Id, int SlotId, string PartnerId, string DelegateId, int Project, string Start, string Status);
    public sealed record BookingCreatedResponse(int Id, int SlotId, string PartnerId, string DelegateId, int Project, string Start, string End,
        string Mode, string Where, string Status, string Focus, string ProjectSummary, IReadOnlyList<string> Warnings);
    public sealed record CancelRequest(string? Reason);
    public sealed record RescheduleRequest(int? SlotId);
    public sealed record ReferralRequest(string? Reason);
    public sealed record FeedbackRequest(bool? Held, string? Notes, ReferralRequest? Referral);
    public sealed record ReferralResponse(int Id, int BookingId, string DelegateId, string DelegateName, string PartnerName, int Project, string CreatedAt, string Reason, string? DealtWithAt);
    public sealed record FeedbackResponse(int BookingId, bool Held, string Notes, string RecordedAt, string? Referral);

    public static RouteGroupBuilder MapTutorialsApi(this RouteGroupBuilder v1)
    {
        var tutorials = v1.MapArea("Tutorials");
        tutorials.MapGet("/partners", GetPartners).RequireAuthorization(Roles.Delegate)
            .WithName("ListTutorialPartners").WithSummary("Partners ranked by likeness to the delegate's school for a project, with the reasons")
            .Fails(FailureKind.Invalid, FailureKind.Refused).Paged();
        tutorials.MapPost("/partners/me/slots", PostSlot).RequireAuthorization(Roles.Partner)
            .WithName("PublishTutorialSlot").WithSummary("Publish a free slot (the signed-in partner's)")
            .Fails(FailureKind.Invalid, FailureKind.Refused, FailureKind.TooMany);
        tutorials.MapPost("/partners/me/slots/{id:int}/withdraw", WithdrawSlot).RequireAuthorization(Roles.Partner)
            .WithName("WithdrawTutorialSlot").WithSummary("Withdraw a slot; a tutorial booked on it is cancelled by the partner")
            .Fails(FailureKind.Invalid, FailureKind.NotFound, FailureKind.Conflict, FailureKind.Refused);
        tutorials.MapGet("/partners/{id}/slots", GetSlots)
            .WithName("ListFreeTutorialSlots").WithSummary("A partner's free slots (for delegates, the partner and the programme team)")
            .Fails(FailureKind.Invalid, FailureKind.Forbidden, FailureKind.NotFound).Paged();
        tutorials.MapPost("/bookings", PostBooking).RequireAuthorization(Roles.Delegate)
            .WithName("BookTutorial").WithSummary("Book a tutorial slot for Project 1 or 2")
            .Fails(FailureKind.Invalid, FailureKind.NotFound, FailureKind.Conflict, FailureKind.Refused);
        tutorials.MapGet("/bookings/mine", GetMine)
            .WithName("ListMyTutorialBookings").WithSummary("Tutorials where the signed-in person is the delegate or the partner").Paged();
        tutorials.MapPost("/bookings/{id:int}/cancel", Cancel)
            .WithName("CancelTutorial").WithSummary("Cancel a tutorial, as its delegate (late inside the notice period) or its partner")
            .Fails(FailureKind.Invalid, FailureKind.NotFound, FailureKind.Conflict);
        tutorials.MapPost("/bookings/{id:int}/reschedule", Reschedule).RequireAuthorization(Roles.Delegate)
            .WithName("RescheduleTutorial").WithSummary("Move a tutorial to another free slot in one step")
            .Fails(FailureKind.Invalid, FailureKind.NotFound, FailureKind.Conflict, FailureKind.Refused);
        tutorials.MapGet("/bookings/{id:int}/calendar.ics", GetCalendar)
            .WithName("GetTutorialCalendarEvent").WithSummary("The tutorial as an iCalendar event, in UK time")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .Fails(FailureKind.NotFound);
        tutorials.MapPost("/bookings/{id:int}/feedback", PostFeedback).RequireAuthorization(Roles.Partner)
            .WithName("RecordTutorialFeedback").WithSummary("Record whether the tutorial was held, with notes and an optional referral to the tutor")
            .Fails(FailureKind.Invalid, FailureKind.NotFound, FailureKind.Refused);
        tutorials.MapGet("/referrals/mine", GetMyReferrals).RequireAuthorization(Roles.Tutor)
            .WithName("ListMyReferrals").WithSummary("Referrals partners made to the signed-in tutor").Paged();
        tutorials.MapPost("/referrals/{id:int}/dealt-with", MarkDealtWith).RequireAuthorization(Roles.Tutor)
            .WithName("MarkReferralDealtWith").WithSummary("Mark a referral to the signed-in tutor as dealt with")
            .Fails(FailureKind.NotFound);
        return v1;
    }

    private static async Task<Results<Ok<List<PartnerResponse>>, ProblemHttpResult>> GetPartners(
        [FromQuery] int? project, [FromQuery] string? phase, [FromQuery] string? region, [FromQuery] string? settingType, [FromQuery] string? mode,
        [AsParameters] PageRequest page, HttpResponse response, ClaimsPrincipal user, ProjectProgress progress, PartnerDirectory directory, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (project is not (1 or 2))
        {
            errors.Add(nameof(project), "Say which project the tutorial is for, as project=1 or project=2.");
        }
        var p = Filter<SchoolPhase>(phase, nameof(phase), $"Phase: {EnumText.AllDisplayed<SchoolPhase>()}", errors);
        var r = Filter<Region>(region, nameof(region), $"Region: {EnumText.AllDisplayed<Region>()}", errors);
        var s = Filter<SettingType>(settingType, nameof(settingType), $"Setting type: {EnumText.AllDisplayed<SettingType>()}", errors);
        var m = Filter<TutorialMode>(mode, nameof(mode), "Mode: Online, InPerson", errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        if (page.Check() is { } outOfRange)
        {
            return outOfRange.ToProblem();
        }
        var place = await progress.NpqhPlaceAsync(user.UserId(), ct);
        if (place is null)
        {
            return Failure.Refused(TutorialBookings.NotOnNpqh).ToProblem();
        }
        var target = await directory.TargetAsync(place, project!.Value, ct);
        var ranked = (await directory.RankAsync(target, new DirectoryFilter(p, r, s, m), ct)).ToPage(page, response);
        return TypedResults.Ok(ranked.Select(e => new PartnerResponse(e.Partner.UserId, e.Name, e.Partner.Phase?.ToString(), e.Partner.SettingType?.ToString(),
            e.Partner.Region?.ToString(), e.Match.Score, e.Match.Reasons)).ToList());
    }

    // An empty filter is no filter; an unknown value is an error naming the values there are.
    private static T? Filter<T>(string? text, string field, string known, FieldErrors errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (EnumText.TryParse<T>(text, out var parsed))
        {
            return parsed;
        }
        errors.Add(field, $"Unknown filter value. {known}.");
        return null;
    }

    private static async Task<Results<Created<SlotResponse>, ProblemHttpResult>> PostSlot(
        SlotRequest? body, ClaimsPrincipal user, PartnerSlots slots, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (ParseStart(body?.Start, out var start) is { } startError)
        {
            errors.Add(nameof(SlotRequest.Start), startError);
        }
        if (body?.Minutes is null)
        {
            errors.Add(nameof(SlotRequest.Minutes), "Give the length in minutes.");
        }
        if (!Enum.TryParse<TutorialMode>(body?.Mode, ignoreCase: true, out var mode) || !Enum.IsDefined(mode) || int.TryParse(body?.Mode, CultureInfo.InvariantCulture, out _))
        {
            errors.Add(nameof(SlotRequest.Mode), "Mode must be Online or InPerson.");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var published = await slots.PublishAsync(user.UserId(), new SlotInput(start, body!.Minutes!.Value, mode, body.Where), ct);
        return published.Succeeded
            ? TypedResults.Created($"/api/v1/partners/{user.UserId()}/slots", ToSlot(published.Value, user.UserId(), showWhere: true))
            : published.Failure.ToProblem();
    }

    private static async Task<Results<Ok<SlotResponse>, ProblemHttpResult>> WithdrawSlot(
        int id, WithdrawRequest? body, ClaimsPrincipal user, PartnerSlots slots, CancellationToken ct)
    {
        var withdrawn = await slots.WithdrawAsync(user.UserId(), id, body?.Reason, ct);
        return withdrawn.Succeeded ? TypedResults.Ok(ToSlot(withdrawn.Value, user.UserId(), showWhere: true)) : withdrawn.Failure.ToProblem();
    }

    // Free slots of one partner, for anyone signed in who may choose a partner or run the programme.
    private static async Task<Results<Ok<List<SlotResponse>>, ProblemHttpResult>> GetSlots(
        string id, [FromQuery] string? from, [FromQuery] string? to, [AsParameters] PageRequest page, HttpResponse response, ClaimsPrincipal user,
        PartnerDirectory directory, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Delegate) && !user.IsInRole(Roles.ProgrammeTeam) && !(user.IsInRole(Roles.Partner) && user.UserId() == id))
        {
            return Failure.Forbidden("Free slots are for delegates choosing a partner, the partner and the programme team.").ToProblem();
        }
        var errors = new FieldErrors();
        var first = errors.OptionalDate(from, nameof(from));
        var last = errors.OptionalDate(to, nameof(to));
        if (first > last)
        {
            errors.Add(nameof(to), "The last day (to) must not be before the first day (from).");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        if (page.Check() is { } outOfRange)
        {
            return outOfRange.ToProblem();
        }
        var partner = await directory.ActivePartners.AsNoTracking().Where(p => p.UserId == id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (partner is null)
        {
            return Failure.NotFound("There is no professional partner with that id.").ToProblem();
        }
        var slots = (await directory.FreeSlotsAsync(partner.Value, first is { } f ? StartOfDay(f) : null, last is { } l ? StartOfDay(l.AddDays(1)) : null, ct))
            .ToPage(page, response);
        return TypedResults.Ok(slots.Select(s => new SlotResponse(s.Id, id, UkFormat.IsoLocal(s.StartsAt), UkFormat.IsoLocal(s.StartsAt.AddMinutes(s.Minutes)),
            s.Minutes, s.Mode.ToString(), s.Mode == TutorialMode.InPerson ? s.Where : null)).ToList());
    }

    private static async Task<Results<Created<BookingCreatedResponse>, ProblemHttpResult>> PostBooking(
        BookingRequest? body, ClaimsPrincipal user, TutorialBookings bookings, AppDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (body?.SlotId is null)
        {
            errors.Add(nameof(BookingRequest.SlotId), "Say which slot to book (slotId).");
        }
        if (body?.Project is null)
        {
            errors.Add(nameof(BookingRequest.Project), "Say which project the tutorial is for: 1 or 2.");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var booked = await bookings.BookAsync(user.UserId(), new BookingInput(body!.SlotId!.Value, body.Project!.Value, body.Focus, body.ProjectSummary), ct);
        if (!booked.Succeeded)
        {
            return booked.Failure.ToProblem();
        }
        var created = await CreatedResponseAsync(db, booked.Value.Id, booked.Warnings, ct);
        return TypedResults.Created($"/api/v1/bookings/{created.Id}", created);
    }

    private static async Task<BookingCreatedResponse> CreatedResponseAsync(AppDbContext db, int id, IReadOnlyList<string> warnings, CancellationToken ct)
    {
        var b = await db.Bookings.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.SlotId, PartnerId = x.Slot.Partner.UserId, DelegateId = x.Participant.UserId, x.Project, x.Slot.StartsAt, x.Slot.Minutes, x.Slot.Mode, x.Slot.Where, x.Status, x.Focus, x.ProjectSummary })
            .SingleAsync(ct);
        return new BookingCreatedResponse(b.Id, b.SlotId, b.PartnerId, b.DelegateId, b.Project, UkFormat.IsoLocal(b.StartsAt), UkFormat.IsoLocal(b.StartsAt.AddMinutes(b.Minutes)),
            b.Mode.ToString(), b.Where, b.Status.ToString(), b.Focus, b.ProjectSummary, warnings);
    }

    private static async Task<Results<Ok<List<BookingResponse>>, ProblemHttpResult>> GetMine(
        [AsParameters] PageRequest page, HttpResponse response, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        if (page.Check() is { } outOfRange)
        {
            return outOfRange.ToProblem();
        }
        var me = user.UserId();
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.Participant.UserId == me || b.Slot.Partner.UserId == me)
            .OrderBy(b => b.Slot.StartsAt).ThenBy(b => b.Id)
            .Select(b => new { b.Id, b.SlotId, PartnerId = b.Slot.Partner.UserId, DelegateId = b.Participant.UserId, b.Project, b.Slot.StartsAt, b.Status })
            .ToPageAsync(page, response, ct);
        return TypedResults.Ok(rows.Select(b => new BookingResponse(b.Id, b.SlotId, b.PartnerId, b.DelegateId, b.Project, UkFormat.IsoLocal(b.StartsAt), b.Status.ToString())).ToList());
    }

    private static async Task<Results<Ok<BookingResponse>, ProblemHttpResult>> Cancel(
        int id, CancelRequest? body, ClaimsPrincipal user, TutorialBookings bookings, CancellationToken ct)
    {
        var cancelled = await bookings.CancelAsync(id, user, body?.Reason, ct);
        return cancelled.Succeeded ? TypedResults.Ok(ToBooking(cancelled.Value)) : cancelled.Failure.ToProblem();
    }

    private static async Task<Results<Ok<BookingCreatedResponse>, ProblemHttpResult>> Reschedule(
        int id, RescheduleRequest? body, ClaimsPrincipal user, TutorialBookings bookings, AppDbContext db, CancellationToken ct)
    {
        if (body?.SlotId is null)
        {
            return new FieldErrors().Add(nameof(RescheduleRequest.SlotId), "Say which slot to move to (slotId).").ToProblem();
        }
        var moved = await bookings.RescheduleAsync(id, user.UserId(), body.SlotId.Value, ct);
        return moved.Succeeded ? TypedResults.Ok(await CreatedResponseAsync(db, id, moved.Warnings, ct)) : moved.Failure.ToProblem();
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetCalendar(
        int id, ClaimsPrincipal user, BookingFacts facts, CalendarFeeds calendars, CancellationToken ct)
    {
        var booking = await facts.VisibleBookingAsync(id, user, ct);
        if (booking is null)
        {
            return Failure.NotFound("There is no booking of yours with that id.").ToProblem();
        }
        var ics = calendars.TutorialEvent(booking, forPartner: booking.Slot.Partner.UserId == user.UserId());
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ics), IcsCalendar.ContentType, $"tutorial-{booking.Id}.ics");
    }

    private static async Task<Results<Created<FeedbackResponse>, ProblemHttpResult>> PostFeedback(
        int id, FeedbackRequest? body, ClaimsPrincipal user, TutorialFeedbackService feedback, HttpRequest request, AppLinks links, CancellationToken ct)
    {
        if (body?.Held is null)
        {
            return new FieldErrors().Add(nameof(FeedbackRequest.Held), "Say whether the tutorial was held (true) or the delegate did not attend (false).").ToProblem();
        }
        var referral = body.Referral is null ? null : body.Referral.Reason ?? "";
        var recorded = await feedback.RecordAsync(id, user.UserId(), new FeedbackInput(body.Held.Value, body.Notes, referral), links.BaseUrl(request), ct);
        if (!recorded.Succeeded)
        {
            return recorded.Failure.ToProblem();
        }
        var f = recorded.Value;
        return TypedResults.Created($"/api/v1/bookings/{id}/feedback", new FeedbackResponse(f.BookingId, f.Held, f.Notes, UkFormat.IsoLocal(f.RecordedAt), referral));
    }

    private static async Task<Results<Ok<List<ReferralResponse>>, ProblemHttpResult>> GetMyReferrals(
        [AsParameters] PageRequest page, HttpResponse response, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        if (page.Check() is { } outOfRange)
        {
            return outOfRange.ToProblem();
        }
        var me = user.UserId();
        var rows = await db.Referrals.AsNoTracking().Where(r => r.TutorId == me).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.BookingId, DelegateId = r.Booking.Participant.UserId, DelegateName = r.Booking.Participant.User.FullName,
                PartnerName = r.Booking.Slot.Partner.User.FullName, r.Booking.Project, r.CreatedAt, r.Reason, r.DealtWithAt })
            .ToPageAsync(page, response, ct);
        return TypedResults.Ok(rows.Select(r => new ReferralResponse(r.Id, r.BookingId, r.DelegateId, r.DelegateName, r.PartnerName, r.Project,
            UkFormat.IsoLocal(r.CreatedAt), r.Reason, r.DealtWithAt is { } d ? UkFormat.IsoLocal(d) : null)).ToList());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> MarkDealtWith(int id, ClaimsPrincipal user, TutorialFeedbackService feedback, CancellationToken ct)
    {
        var marked = await feedback.MarkReferralDealtWithAsync(id, user.UserId(), ct);
        return marked.Succeeded ? TypedResults.NoContent() : marked.Failure.ToProblem();
    }

    private static SlotResponse ToSlot(TutorialSlot s, string partnerId, bool showWhere) =>
        new(s.Id, partnerId, UkFormat.IsoLocal(s.StartsAt), UkFormat.IsoLocal(s.EndsAt), s.Minutes, s.Mode.ToString(), showWhere ? s.Where : null);

    private static BookingResponse ToBooking(Booking b) =>
        new(b.Id, b.SlotId, b.Slot.Partner.UserId, b.Participant.UserId, b.Project, UkFormat.IsoLocal(b.Slot.StartsAt), b.Status.ToString());

    // Without an offset the start is a UK wall-clock time; with one (or Z) it is an exact instant,
    // which also tells apart the two 01:30s of the night the clocks go back. Null when it parses.
    private static string? ParseStart(string? text, out DateTime utc)
    {
        utc = default;
        const string Malformed = "Give the start as a UK time, as 2026-12-01T16:00.";
        if (string.IsNullOrWhiteSpace(text))
        {
            return Malformed;
        }
        if (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > 10)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
            {
                return Malformed;
            }
            utc = exact.UtcDateTime;
            return null;
        }
        if (!DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return Malformed;
        }
        return LondonTime.TryToUtc(local, out utc) ? null : TutorialSlot.ClocksGoForward;
    }

    private static DateTime StartOfDay(DateOnly date)
    {
        LondonTime.TryToUtc(date.ToDateTime(TimeOnly.MinValue), out var utc);
        return utc;
    }
}
