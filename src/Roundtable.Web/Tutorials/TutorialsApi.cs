using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Roundtable.Web.Communities;
using Roundtable.Web.Data;
using Roundtable.Web.Infrastructure;
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
        v1.MapGet("/partners", GetPartners).RequireAuthorization(Roles.Delegate);
        v1.MapPost("/partners/me/slots", PostSlot).RequireAuthorization(Roles.Partner);
        v1.MapPost("/partners/me/slots/{id:int}/withdraw", WithdrawSlot).RequireAuthorization(Roles.Partner);
        v1.MapGet("/partners/{id}/slots", GetSlots);
        v1.MapPost("/bookings", PostBooking).RequireAuthorization(Roles.Delegate);
        v1.MapGet("/bookings/mine", GetMine);
        v1.MapPost("/bookings/{id:int}/cancel", Cancel);
        v1.MapPost("/bookings/{id:int}/reschedule", Reschedule).RequireAuthorization(Roles.Delegate);
        v1.MapGet("/bookings/{id:int}/calendar.ics", GetCalendar);
        v1.MapPost("/bookings/{id:int}/feedback", PostFeedback).RequireAuthorization(Roles.Partner);
        v1.MapGet("/referrals/mine", GetMyReferrals).RequireAuthorization(Roles.Tutor);
        v1.MapPost("/referrals/{id:int}/dealt-with", MarkDealtWith).RequireAuthorization(Roles.Tutor);
        return v1;
    }

    private static async Task<Results<Ok<List<PartnerResponse>>, ProblemHttpResult>> GetPartners(
        [FromQuery] int? project, [FromQuery] string? phase, [FromQuery] string? region, [FromQuery] string? settingType, [FromQuery] string? mode,
        ClaimsPrincipal user, ProjectProgress progress, PartnerDirectory directory, CancellationToken ct)
    {
        if (project is not (1 or 2))
        {
            return Problem(StatusCodes.Status400BadRequest, "Say which project the tutorial is for, as project=1 or project=2.");
        }
        if (!TryFilter(phase, out SchoolPhase? p) || !TryFilter(region, out Region? r) || !TryFilter(settingType, out SettingType? s) || !TryFilter(mode, out TutorialMode? m))
        {
            return Problem(StatusCodes.Status400BadRequest,
                $"Unknown filter value. Phase: {EnumText.AllDisplayed<SchoolPhase>()}. Region: {EnumText.AllDisplayed<Region>()}. Setting type: {EnumText.AllDisplayed<SettingType>()}. Mode: Online, InPerson.");
        }
        var place = await progress.NpqhPlaceAsync(user.UserId(), ct);
        if (place is null)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "Tutorials with professional partners are part of NPQH, and you are not on an NPQH cohort.");
        }
        var target = await directory.TargetAsync(place, project.Value, ct);
        var ranked = await directory.RankAsync(target, new DirectoryFilter(p, r, s, m), ct);
        return TypedResults.Ok(ranked.Select(e => new PartnerResponse(e.Partner.UserId, e.Name, e.Partner.Phase?.ToString(), e.Partner.SettingType?.ToString(),
            e.Partner.Region?.ToString(), e.Match.Score, e.Match.Reasons)).ToList());
    }

    private static bool TryFilter<T>(string? text, out T? value) where T : struct, Enum
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (EnumText.TryParse<T>(text, out var parsed))
        {
            value = parsed;
            return true;
        }
        return false;
    }

    private static async Task<Results<Created<SlotResponse>, ValidationProblem, ProblemHttpResult>> PostSlot(
        SlotRequest? body, ClaimsPrincipal user, TutorialBookings bookings, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!TryStart(body?.Start, out var start, out var exact))
        {
            errors["start"] = ["Give the start as a UK time, as 2026-12-01T16:00."];
        }
        if (body?.Minutes is null)
        {
            errors["minutes"] = ["Give the length in minutes."];
        }
        if (!Enum.TryParse<TutorialMode>(body?.Mode, ignoreCase: true, out var mode) || !Enum.IsDefined(mode) || int.TryParse(body?.Mode, CultureInfo.InvariantCulture, out _))
        {
            errors["mode"] = ["Mode must be Online or InPerson."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var outcome = await bookings.AddSlotAsync(user.UserId(), new SlotInput(start, body!.Minutes!.Value, mode, body.Where, exact), ct);
        if (!outcome.Succeeded)
        {
            return Failure(outcome);
        }
        var slot = outcome.Value!;
        return TypedResults.Created($"/api/v1/partners/{user.UserId()}/slots", ToSlot(slot, user.UserId(), showWhere: true));
    }

    private static async Task<Results<Ok<SlotResponse>, ValidationProblem, ProblemHttpResult>> WithdrawSlot(
        int id, WithdrawRequest? body, ClaimsPrincipal user, TutorialBookings bookings, CancellationToken ct)
    {
        var outcome = await bookings.WithdrawSlotAsync(user.UserId(), id, body?.Reason, ct);
        return outcome.Succeeded ? TypedResults.Ok(ToSlot(outcome.Value!, user.UserId(), showWhere: true)) : Failure(outcome);
    }

    // Free slots of one partner, for anyone signed in who may choose a partner or run the programme.
    private static async Task<Results<Ok<List<SlotResponse>>, ProblemHttpResult>> GetSlots(
        string id, [FromQuery] string? from, [FromQuery] string? to, ClaimsPrincipal user, PartnerDirectory directory, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Delegate) && !user.IsInRole(Roles.ProgrammeTeam) && !(user.IsInRole(Roles.Partner) && user.UserId() == id))
        {
            return Problem(StatusCodes.Status403Forbidden, "Free slots are for delegates choosing a partner, the partner and the programme team.");
        }
        DateTime? fromUtc = null, toUtc = null;
        if (!string.IsNullOrEmpty(from))
        {
            if (!TryDate(from, out var f))
            {
                return Problem(StatusCodes.Status400BadRequest, "Give from as a date, YYYY-MM-DD.");
            }
            fromUtc = StartOfDay(f);
        }
        if (!string.IsNullOrEmpty(to))
        {
            if (!TryDate(to, out var t))
            {
                return Problem(StatusCodes.Status400BadRequest, "Give to as a date, YYYY-MM-DD.");
            }
            toUtc = StartOfDay(t.AddDays(1));
        }
        if (fromUtc > toUtc)
        {
            return Problem(StatusCodes.Status400BadRequest, "The last day (to) must not be before the first day (from).");
        }
        var partner = await directory.ActivePartners.AsNoTracking().Where(p => p.UserId == id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (partner is null)
        {
            return Problem(StatusCodes.Status404NotFound, "There is no professional partner with that id.");
        }
        var slots = await directory.FreeSlotsAsync(partner.Value, fromUtc, toUtc, ct);
        return TypedResults.Ok(slots.Select(s => new SlotResponse(s.Id, id, CommunitiesApi.Local(s.StartsAt), CommunitiesApi.Local(s.StartsAt.AddMinutes(s.Minutes)),
            s.Minutes, s.Mode.ToString(), s.Mode == TutorialMode.InPerson ? s.Where : null)).ToList());
    }

    private static async Task<Results<Created<BookingCreatedResponse>, ValidationProblem, ProblemHttpResult>> PostBooking(
        BookingRequest? body, ClaimsPrincipal user, TutorialBookings bookings, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (body?.SlotId is null)
        {
            errors["slotId"] = ["Say which slot to book (slotId)."];
        }
        if (body?.Project is null)
        {
            errors["project"] = ["Say which project the tutorial is for: 1 or 2."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var outcome = await bookings.BookAsync(user.UserId(), new BookingInput(body!.SlotId!.Value, body.Project!.Value, body.Focus, body.ProjectSummary), ct);
        if (!outcome.Succeeded)
        {
            return Failure(outcome);
        }
        var created = await CreatedResponseAsync(db, outcome.Value!.Id, outcome.Warnings, ct);
        return TypedResults.Created($"/api/v1/bookings/{created.Id}", created);
    }

    private static async Task<BookingCreatedResponse> CreatedResponseAsync(AppDbContext db, int id, IReadOnlyList<string> warnings, CancellationToken ct)
    {
        var b = await db.Bookings.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.SlotId, PartnerId = x.Slot.Partner.UserId, DelegateId = x.Participant.UserId, x.Project, x.Slot.StartsAt, x.Slot.Minutes, x.Slot.Mode, x.Slot.Where, x.Status, x.Focus, x.ProjectSummary })
            .SingleAsync(ct);
        return new BookingCreatedResponse(b.Id, b.SlotId, b.PartnerId, b.DelegateId, b.Project, CommunitiesApi.Local(b.StartsAt), CommunitiesApi.Local(b.StartsAt.AddMinutes(b.Minutes)),
            b.Mode.ToString(), b.Where, b.Status.ToString(), b.Focus, b.ProjectSummary, warnings);
    }

    // Bookings where the signed-in person is the delegate or the partner.
    private static async Task<Ok<List<BookingResponse>>> GetMine(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var me = user.UserId();
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.Participant.UserId == me || b.Slot.Partner.UserId == me)
            .OrderBy(b => b.Slot.StartsAt).ThenBy(b => b.Id)
            .Select(b => new { b.Id, b.SlotId, PartnerId = b.Slot.Partner.UserId, DelegateId = b.Participant.UserId, b.Project, b.Slot.StartsAt, b.Status })
            .ToListAsync(ct);
        return TypedResults.Ok(rows.Select(b => new BookingResponse(b.Id, b.SlotId, b.PartnerId, b.DelegateId, b.Project, CommunitiesApi.Local(b.StartsAt), b.Status.ToString())).ToList());
    }

    private static async Task<Results<Ok<BookingResponse>, ValidationProblem, ProblemHttpResult>> Cancel(
        int id, CancelRequest? body, ClaimsPrincipal user, TutorialBookings bookings, CancellationToken ct)
    {
        var outcome = await bookings.CancelAsync(id, user.UserId(), body?.Reason, ct);
        return outcome.Succeeded ? TypedResults.Ok(ToBooking(outcome.Value!)) : Failure(outcome);
    }

    private static async Task<Results<Ok<BookingCreatedResponse>, ValidationProblem, ProblemHttpResult>> Reschedule(
        int id, RescheduleRequest? body, ClaimsPrincipal user, TutorialBookings bookings, AppDbContext db, CancellationToken ct)
    {
        if (body?.SlotId is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["slotId"] = ["Say which slot to move to (slotId)."] });
        }
        var outcome = await bookings.RescheduleAsync(id, user.UserId(), body.SlotId.Value, ct);
        return outcome.Succeeded ? TypedResults.Ok(await CreatedResponseAsync(db, id, outcome.Warnings, ct)) : Failure(outcome);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetCalendar(
        int id, ClaimsPrincipal user, TutorialBookings bookings, HttpRequest request, IConfiguration configuration, TimeProvider time, CancellationToken ct)
    {
        var booking = await bookings.VisibleBookingAsync(id, user.UserId(), ct);
        if (booking is null)
        {
            return Problem(StatusCodes.Status404NotFound, "There is no booking of yours with that id.");
        }
        var host = new Uri(Invitations.BaseUrl(request, configuration)).Host;
        var ics = TutorialCalendar.ForBooking(booking, forPartner: booking.Slot.Partner.UserId == user.UserId(), host, time.UtcNow());
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"tutorial-{booking.Id}.ics");
    }

    private static async Task<Results<Created<FeedbackResponse>, ValidationProblem, ProblemHttpResult>> PostFeedback(
        int id, FeedbackRequest? body, ClaimsPrincipal user, TutorialBookings bookings, HttpRequest request, IConfiguration configuration, CancellationToken ct)
    {
        if (body?.Held is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["held"] = ["Say whether the tutorial was held (true) or the delegate did not attend (false)."] });
        }
        var referral = body.Referral is null ? null : body.Referral.Reason ?? "";
        var outcome = await bookings.RecordFeedbackAsync(id, user.UserId(), new FeedbackInput(body.Held.Value, body.Notes, referral), Invitations.BaseUrl(request, configuration), ct);
        if (!outcome.Succeeded)
        {
            return Failure(outcome);
        }
        var f = outcome.Value!;
        return TypedResults.Created($"/api/v1/bookings/{id}/feedback", new FeedbackResponse(f.BookingId, f.Held, f.Notes, CommunitiesApi.Local(f.RecordedAt), referral));
    }

    // Referrals partners made to the signed-in tutor about their delegates.
    private static async Task<Ok<List<ReferralResponse>>> GetMyReferrals(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var me = user.UserId();
        var rows = await db.Referrals.AsNoTracking().Where(r => r.TutorId == me).OrderByDescending(r => r.CreatedAt)
            .Select(r => new { r.Id, r.BookingId, DelegateId = r.Booking.Participant.UserId, DelegateName = r.Booking.Participant.User.FullName,
                PartnerName = r.Booking.Slot.Partner.User.FullName, r.Booking.Project, r.CreatedAt, r.Reason, r.DealtWithAt })
            .ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => new ReferralResponse(r.Id, r.BookingId, r.DelegateId, r.DelegateName, r.PartnerName, r.Project,
            CommunitiesApi.Local(r.CreatedAt), r.Reason, r.DealtWithAt is { } d ? CommunitiesApi.Local(d) : null)).ToList());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> MarkDealtWith(int id, ClaimsPrincipal user, TutorialBookings bookings, CancellationToken ct)
    {
        var outcome = await bookings.MarkReferralDealtWithAsync(id, user.UserId(), ct);
        return outcome.Succeeded ? TypedResults.NoContent() : Failure(outcome);
    }

    private static SlotResponse ToSlot(TutorialSlot s, string partnerId, bool showWhere) =>
        new(s.Id, partnerId, CommunitiesApi.Local(s.StartsAt), CommunitiesApi.Local(s.EndsAt), s.Minutes, s.Mode.ToString(), showWhere ? s.Where : null);

    private static BookingResponse ToBooking(Booking b) =>
        new(b.Id, b.SlotId, b.Slot.Partner.UserId, b.Participant.UserId, b.Project, CommunitiesApi.Local(b.Slot.StartsAt), b.Status.ToString());

    private static ProblemHttpResult Failure<T>(TutorialOutcome<T> outcome) =>
        TypedResults.Problem(statusCode: outcome.StatusCode, detail: outcome.Error,
            extensions: outcome.Field is null ? null : new Dictionary<string, object?> { ["field"] = outcome.Field });

    // Without an offset the start is a UK wall-clock time; with one (or Z) it is an exact instant,
    // which also tells apart the two 01:30s of the night the clocks go back.
    private static bool TryStart(string? text, out DateTime local, out DateTime? utc)
    {
        local = default;
        utc = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        if (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > 10)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
            {
                return false;
            }
            utc = exact.UtcDateTime;
            local = TimeZoneInfo.ConvertTime(exact, LondonTime.Zone).DateTime;
            return true;
        }
        return DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out local);
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static DateTime StartOfDay(DateOnly date)
    {
        LondonTime.TryToUtc(date.ToDateTime(TimeOnly.MinValue), out var utc);
        return utc;
    }

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(statusCode: status, detail: detail);
}
