using Roundtable.Web.Infrastructure.Email;

namespace Roundtable.Web.Tutorials;

public sealed record Recipient(string Email, string Name);

// What a tutorial e-mail is about, read fresh once the change is committed.
public sealed record TutorialMailFacts(
    int BookingId, int Project, DateTime StartsAt, int Minutes, string Focus, string CancelReason,
    string PartnerName, string? PartnerEmail, string DelegateName, string? DelegateEmail, string? TutorId);

// Every e-mail about tutorials, worded in one place. Times are UK times.
public static class TutorialEmails
{
    public static EmailMessage Booked(Recipient partner, TutorialMailFacts t) =>
        ToPartner(partner, $"New tutorial booked: {t.DelegateName}", "has booked a tutorial with you", t);

    public static EmailMessage Moved(Recipient partner, TutorialMailFacts t, DateTime from) =>
        ToPartner(partner, $"Tutorial moved: {t.DelegateName}", $"has moved their tutorial with you from {UkFormat.DateTime(from)} to a new time", t);

    public static EmailMessage CancelledByDelegate(Recipient partner, TutorialMailFacts t) => new(partner.Email, partner.Name, $"Tutorial cancelled: {t.DelegateName}",
        $"""
        Dear {partner.Name},

        {t.DelegateName} has cancelled their Project {t.Project} tutorial with you on {UkFormat.DateTime(t.StartsAt)}. The slot is free again.

        Reason: {t.CancelReason}
        """);

    public static EmailMessage CancelledByPartner(Recipient delegatePerson, TutorialMailFacts t) =>
        new(delegatePerson.Email, delegatePerson.Name, "Your tutorial has been cancelled by the partner",
        $"""
        Dear {delegatePerson.Name},

        Your Project {t.Project} tutorial on {UkFormat.DateTime(t.StartsAt)} has been cancelled by the partner.

        Reason: {t.CancelReason}

        This does not use your allowance: you can book another tutorial for Project {t.Project} in Roundtable.
        """);

    public static EmailMessage Referral(Recipient tutor, TutorialMailFacts t, string reason, string baseUrl) =>
        new(tutor.Email, tutor.Name, $"Referral from a professional partner: {t.DelegateName}",
        $"""
        Dear {tutor.Name},

        {t.PartnerName} has referred {t.DelegateName} to you after their Project {t.Project} tutorial on {UkFormat.DateTime(t.StartsAt)}.

        Reason: {reason}

        See and mark it dealt with on your home page: {baseUrl.TrimEnd('/')}/Tutor
        """);

    // No tutor to tell: the programme team hears of it instead, so the referral is not lost.
    public static EmailMessage ReferralWithoutTutor(Recipient member, TutorialMailFacts t, string reason, string baseUrl) =>
        new(member.Email, member.Name, $"Referral with no tutor to receive it: {t.DelegateName}",
        $"""
        {t.PartnerName} has referred {t.DelegateName} to their tutor after their Project {t.Project} tutorial on {UkFormat.DateTime(t.StartsAt)}, but no tutor is assigned to them.

        Reason: {reason}

        Assign a tutor under People, or follow it up yourselves: {baseUrl.TrimEnd('/')}/Programme/Tutorials/Booking/{t.BookingId}
        """);

    private static EmailMessage ToPartner(Recipient partner, string subject, string what, TutorialMailFacts t) => new(partner.Email, partner.Name, subject,
        $"""
        Dear {partner.Name},

        {t.DelegateName} {what}: their Project {t.Project} tutorial on {UkFormat.DateTime(t.StartsAt)} ({t.Minutes} minutes, UK time).

        What they would like to focus on: {t.Focus}

        Their project summary and the coaching guide for this tutorial are on your Roundtable home page.
        """);
}
