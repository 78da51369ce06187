using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.Communities;
using Roundtable.Web.Infrastructure.Email;
using Roundtable.Web.Invoicing;
using Roundtable.Web.People;
using Roundtable.Web.Reminders;

namespace Roundtable.Tests.Scheduling;

public sealed record QueuedReminder(string Kind, string To, string Subject);

// Runs the reminders job's work with the app's clock, and reads back what it queued.
public static class ReminderTestData
{
    public static async Task<ReminderRun> QueueRemindersAsync(this AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderService>().QueueDueAsync();
    }

    public static async Task<List<QueuedReminder>> QueuedAsync(this AppFactory app, ReminderKind kind)
    {
        var rows = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
        return rows.Select(r => (Row: r, Message: r.ToMessage()))
            .Where(r => r.Message.Headers?.GetValueOrDefault(ReminderKind.Header) == kind.Code)
            .Select(r => new QueuedReminder(kind.Code, r.Row.To, r.Row.Subject)).ToList();
    }

    public static Task OptOutAsync(this AppFactory app, AppUser user, ReminderKind kind) =>
        app.WithDbAsync(async db =>
        {
            db.ReminderOptOuts.Add(new ReminderOptOut { UserId = user.Id, Kind = kind.Code, At = app.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        });

    public static Task CardAsync(this AppFactory app, CommunitySession session, AppUser owner) =>
        app.WithDbAsync(async db =>
        {
            db.ProblemCards.Add(new ProblemCard
            {
                SessionId = session.Id, OwnerId = owner.Id, Problem = "Reading at KS2", Evidence = "Scores", Context = "Year 5", Why = "Matters",
                FrameworkArea = "Curriculum", UpdatedAt = app.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        });

    public static Task ChairAsync(this AppFactory app, CommunitySession session, AppUser chair) =>
        app.WithDbAsync(async db =>
        {
            await db.CommunitySessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ChairId, chair.Id));
        });

    public static Task InvoiceAsync(this AppFactory app, Roundtable.Web.Tutorials.PartnerProfile partner, AppUser partnerUser, DateTime submittedAt, int sequence) =>
        app.WithDbAsync(async db =>
        {
            db.Invoices.Add(new Invoice
            {
                Sequence = sequence, Number = $"RT-{sequence:0000}", PartnerId = partner.Id, IssuedOn = DateOnly.FromDateTime(submittedAt),
                SubmittedAt = submittedAt, SubmittedById = partnerUser.Id, Status = InvoiceStatus.Submitted, PartnerName = partnerUser.FullName,
                PartnerEmail = partnerUser.Email!, PartnerAddress = "1 High Street", PaymentDetails = "00-00-00 12345678",
                SubtotalPence = 30000, TotalPence = 30000,
            });
            await db.SaveChangesAsync();
        });

    public static Task QueueEmailsAsync(this AppFactory app, int count, string prefix = "person") =>
        app.WithDbAsync(async db =>
        {
            for (var i = 1; i <= count; i++)
            {
                db.QueueEmail(new EmailMessage($"{prefix}{i}@test.example", $"Person {i}", $"Message {i}", "Hello"), app.Clock);
            }
            await db.SaveChangesAsync();
        });
}
