using Roundtable.Web.Infrastructure;
using Roundtable.Web.People;
using Roundtable.Web.Tutorials;
using Xunit;

namespace Roundtable.Tests.Domain.Tutorials;

// The booking rules, without a host: time is passed in.
public class BookingChangesTests
{
    // Monday 23 November 2026, 10:00 UK (GMT).
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    private static TutorialSlot Slot(int id, DateTime startsAt, int minutes = 60) =>
        new() { Id = id, PartnerId = 1, StartsAt = startsAt, Minutes = minutes, Mode = TutorialMode.Online, Where = "https://meet.example.org/t" };

    private static Booking Booked(DateTime startsAt, BookingStatus status = BookingStatus.Booked)
    {
        var slot = Slot(10, startsAt);
        var booking = new Booking
        {
            Id = 5, Slot = slot, SlotId = slot.Id, ParticipantId = 3, Project = 1, Status = status,
            Participant = new Participant { Id = 3, TutorId = "tutor-1" },
        };
        booking.SyncIndexColumns();
        return booking;
    }

    [Fact]
    public void Cancel_ByTheDelegate_OutsideTheNoticePeriod_FreesTheSlotAndTheAllowance()
    {
        var booking = Booked(Now.AddHours(49));

        Assert.Null(booking.Cancel(CancelledBy.Delegate, "delegate-1", "Unwell", Now, noticeHours: 48));

        Assert.Equal(BookingStatus.Cancelled, booking.Status);
        Assert.Equal((Now, "delegate-1", "Unwell", false), (booking.CancelledAt!.Value, booking.CancelledById, booking.CancelReason, booking.CancelledByPartner));
        Assert.Equal((null, null), (booking.ActiveSlotId, booking.AllowanceProject));
        Assert.Equal("Cancelled by delegate", booking.CancellationText);
        Assert.Null(booking.Slot.WithdrawnAt);
    }

    [Fact]
    public void Cancel_ByTheDelegate_InsideTheNoticePeriod_IsLate_AndKeepsUsingTheAllowance()
    {
        var booking = Booked(Now.AddHours(47));

        Assert.Null(booking.Cancel(CancelledBy.Delegate, "delegate-1", "Unwell", Now, noticeHours: 48));

        Assert.Equal(BookingStatus.LateCancelled, booking.Status);
        Assert.Equal((null, (int?)1), (booking.ActiveSlotId, booking.AllowanceProject));
        Assert.Equal("Cancelled late by delegate", booking.CancellationText);
    }

    [Fact]
    public void Cancel_ByThePartner_IsNeverLate_AndWithdrawsTheSlot()
    {
        var booking = Booked(Now.AddHours(2));

        Assert.Null(booking.Cancel(CancelledBy.Partner, "partner-1", "Ofsted arrived", Now, noticeHours: 48));

        Assert.Equal((BookingStatus.Cancelled, true), (booking.Status, booking.CancelledByPartner));
        Assert.Equal((Now, "Ofsted arrived"), (booking.Slot.WithdrawnAt!.Value, booking.Slot.WithdrawnReason));
        Assert.Null(booking.AllowanceProject);
        Assert.Equal("Cancelled by partner", booking.CancellationText);
    }

    [Theory]
    [InlineData(BookingStatus.Cancelled, "cancelled")]
    [InlineData(BookingStatus.Held, "held")]
    [InlineData(BookingStatus.LateCancelled, "cancelled late")]
    public void Cancel_WhenNoLongerBooked_IsAConflict_AndChangesNothing(BookingStatus status, string said)
    {
        var booking = Booked(Now.AddDays(3), status);

        var failure = booking.Cancel(CancelledBy.Delegate, "delegate-1", "Unwell", Now, 48);

        Assert.Equal(FailureKind.Conflict, failure?.Kind);
        Assert.Equal($"This tutorial is {said}, so it cannot be cancelled.", failure!.Message);
        Assert.Equal(status, booking.Status);
        Assert.Null(booking.CancelledAt);
    }

    [Fact]
    public void Cancel_OnceStarted_IsAConflict()
    {
        var booking = Booked(Now);

        Assert.Equal(FailureKind.Conflict, booking.Cancel(CancelledBy.Partner, "partner-1", "Late", Now, 48)?.Kind);
        Assert.Equal(BookingStatus.Booked, booking.Status);
    }

    [Fact]
    public void MoveTo_AFreeSlot_MovesInOneStep()
    {
        var booking = Booked(Now.AddDays(7));
        var later = Slot(11, Now.AddDays(14));

        Assert.Null(booking.MoveTo(later, outsideWindow: true, Now, noticeHours: 48));

        Assert.Equal((11, (int?)11, true), (booking.SlotId, booking.ActiveSlotId, booking.OutsideWindow));
        Assert.Same(later, booking.Slot);
    }

    [Fact]
    public void MoveTo_InsideTheNoticePeriod_IsRefusedOnTheSlot()
    {
        var booking = Booked(Now.AddHours(47));

        var failure = booking.MoveTo(Slot(11, Now.AddDays(14)), false, Now, noticeHours: 48);

        Assert.Equal((FailureKind.Refused, nameof(BookingInput.SlotId)), (failure!.Kind, failure.Field));
        Assert.StartsWith("Your tutorial is less than 48 hours away", failure.Message, StringComparison.Ordinal);
        Assert.Equal(10, booking.SlotId);
    }

    [Fact]
    public void MoveTo_TheSameSlot_IsRefused_AndTheBookingsOwnRulesComeBeforeTheNewSlots()
    {
        var booking = Booked(Now.AddDays(7));
        var taken = Failure.Conflict("This slot has already been booked. Choose another.", nameof(BookingInput.SlotId));

        Assert.Equal("Your tutorial is already in this slot.", booking.MoveTo(booking.Slot, false, Now, 48)?.Message);
        Assert.Same(taken, booking.MoveTo(Slot(11, Now.AddDays(14)), false, Now, 48, newSlotRefused: taken));
        Assert.Equal(10, booking.SlotId);

        var started = Booked(Now.AddMinutes(-5));
        Assert.Equal("This tutorial has already started, so it cannot be moved.", started.MoveTo(Slot(11, Now.AddDays(14)), false, Now, 48, taken)?.Message);
    }

    [Fact]
    public void RecordFeedback_AfterTheStart_SetsTheStatus_AndNotTwice()
    {
        var booking = Booked(Now.AddMinutes(-30));

        var recorded = booking.RecordFeedback(new FeedbackInput(Held: false, " ", null), alreadyRecorded: false, "partner-1", Now);

        Assert.True(recorded.Succeeded);
        Assert.Equal((5, false, "", Now, "partner-1"), (recorded.Value.BookingId, recorded.Value.Held, recorded.Value.Notes, recorded.Value.RecordedAt, recorded.Value.RecordedById));
        Assert.Equal((BookingStatus.NoShow, (int?)10, (int?)1), (booking.Status, booking.ActiveSlotId, booking.AllowanceProject));
        Assert.Equal(Booking.FeedbackAlreadyRecorded, booking.RecordFeedback(new FeedbackInput(true, "n", null), alreadyRecorded: true, "partner-1", Now).Failure?.Message);
    }

    [Fact]
    public void RecordFeedback_BeforeTheStart_OrOnACancelledTutorial_IsRefused()
    {
        var early = Booked(Now.AddMinutes(30)).RecordFeedback(new FeedbackInput(true, "n", null), false, "partner-1", Now);
        var cancelled = Booked(Now.AddMinutes(-30), BookingStatus.Cancelled).RecordFeedback(new FeedbackInput(true, "n", null), false, "partner-1", Now);

        Assert.Equal(FailureKind.Refused, early.Failure?.Kind);
        Assert.StartsWith("This tutorial starts on 23 November 2026, 10:30am", early.Failure!.Message, StringComparison.Ordinal);
        Assert.Equal("This tutorial was cancelled: there is nothing to give feedback on.", cancelled.Failure?.Message);
    }

    [Fact]
    public void RestoreAllowance_OnlyForALateCancellationStillUsingIt()
    {
        var late = Booked(Now.AddHours(10), BookingStatus.LateCancelled);

        Assert.Null(late.RestoreAllowance("team-1", Now));
        Assert.Null(late.AllowanceProject);
        Assert.Equal(FailureKind.Conflict, late.RestoreAllowance("team-1", Now)?.Kind);
        Assert.Equal(FailureKind.Conflict, Booked(Now.AddDays(2)).RestoreAllowance("team-1", Now)?.Kind);
    }

    [Fact]
    public void Allowance_IsOneTutorialPerProject_AndALateCancellationKeepsUsingIt()
    {
        Assert.Null(Allowance.Check(1, holder: null));
        Assert.StartsWith("You already have a tutorial for Project 2.", Allowance.Check(2, BookingStatus.Held)?.Message, StringComparison.Ordinal);
        var late = Allowance.Check(1, BookingStatus.LateCancelled);
        Assert.Equal((FailureKind.Refused, nameof(BookingInput.Project)), (late!.Kind, late.Field));
        Assert.Contains("cancelled late", late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PartnerMonth_IsTheUkCalendarMonth_AndFullAtTheCap()
    {
        // 00:30 on 1 July UK time is still 30 June in UTC.
        var firstOfJuly = new DateTime(2026, 6, 30, 23, 30, 0, DateTimeKind.Utc);

        var (from, to) = PartnerMonth.Of(firstOfJuly);

        Assert.Equal((new DateTime(2026, 6, 30, 23, 0, 0, DateTimeKind.Utc), new DateTime(2026, 7, 31, 23, 0, 0, DateTimeKind.Utc)), (from, to));
        Assert.Null(PartnerMonth.Check(cap: 6, taken: 5, firstOfJuly));
        Assert.Equal("This partner takes at most 6 tutorials a month and July 2026 is full. Choose a slot in another month or another partner.",
            PartnerMonth.Check(cap: 6, taken: 6, firstOfJuly)?.Message);
    }
}

public class SlotRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime December1 = new(2026, 12, 1, 16, 0, 0, DateTimeKind.Utc);

    private static SlotInput Input(DateTime start, int minutes = 60, TutorialMode mode = TutorialMode.Online, string? where = "https://meet.example.org/x") =>
        new(start, minutes, mode, where);

    [Theory]
    [InlineData(14, TutorialMode.Online, "https://meet.example.org/x", nameof(SlotInput.Minutes))]
    [InlineData(181, TutorialMode.Online, "https://meet.example.org/x", nameof(SlotInput.Minutes))]
    [InlineData(60, TutorialMode.Online, "http://insecure.example.org", nameof(SlotInput.Where))]
    [InlineData(60, TutorialMode.InPerson, " ", nameof(SlotInput.Where))]
    public void Check_NamesTheFieldThatIsWrong(int minutes, TutorialMode mode, string where, string field)
    {
        var failure = Input(December1, minutes, mode, where).Check();

        Assert.Equal((FailureKind.Invalid, field), (failure?.Kind, failure?.Field));
    }

    [Fact]
    public void Publish_InThePast_IsRefused()
    {
        Assert.Equal("The start must be in the future.", TutorialSlot.Publish(1, Input(Now), [], Now).Failure?.Message);
    }

    [Theory]
    [InlineData(30, 60, true)]
    [InlineData(-30, 31, true)]
    [InlineData(60, 60, false)]
    [InlineData(-60, 60, false)]
    public void Publish_MayNotOverlapAnotherOfferedSlot_ButMayTouchIt(int offsetMinutes, int minutes, bool clashes)
    {
        var existing = new TutorialSlot { Id = 1, PartnerId = 1, StartsAt = December1, Minutes = 60 };

        var published = TutorialSlot.Publish(1, Input(December1.AddMinutes(offsetMinutes), minutes), [existing], Now);

        Assert.Equal(clashes, !published.Succeeded);
        if (clashes)
        {
            Assert.StartsWith("This overlaps your slot on 1 December 2026, 4:00pm (60 minutes).", published.Failure!.Message, StringComparison.Ordinal);
            Assert.Equal(nameof(SlotInput.Start), published.Failure.Field);
        }
    }

    [Fact]
    public void Publish_AWithdrawnSlotDoesNotClash()
    {
        var withdrawn = new TutorialSlot { Id = 1, PartnerId = 1, StartsAt = December1, Minutes = 60, WithdrawnAt = Now };

        var published = TutorialSlot.Publish(7, Input(December1, where: " https://meet.example.org/x "), [withdrawn], Now);

        Assert.True(published.Succeeded);
        Assert.Equal((7, December1, "https://meet.example.org/x", Now), (published.Value.PartnerId, published.Value.StartsAt, published.Value.Where, published.Value.CreatedAt));
    }

    [Fact]
    public void RefuseBooking_WithdrawnOrTaken_IsAConflict_InThePast_Refused()
    {
        var slot = new TutorialSlot { Id = 1, StartsAt = December1, Minutes = 60 };

        Assert.Null(slot.RefuseBooking(taken: false, Now));
        Assert.Equal(FailureKind.Conflict, slot.RefuseBooking(taken: true, Now)?.Kind);
        Assert.Equal(FailureKind.Refused, slot.RefuseBooking(taken: false, December1)?.Kind);
        slot.WithdrawnAt = Now;
        Assert.Equal("The partner has withdrawn this slot. Choose another.", slot.RefuseBooking(taken: false, Now)?.Message);
    }

    [Fact]
    public void Withdraw_OnlyOnce_AndNotOnceStarted()
    {
        var slot = new TutorialSlot { Id = 1, StartsAt = December1, Minutes = 60 };

        Assert.Equal(FailureKind.Refused, slot.Withdraw("Ill", December1)?.Kind);
        Assert.Null(slot.Withdraw(" Ill ", Now));
        Assert.Equal((Now, "Ill"), (slot.WithdrawnAt!.Value, slot.WithdrawnReason));
        Assert.Equal(FailureKind.Conflict, slot.Withdraw("Ill", Now)?.Kind);
    }
}

public class TutorialInputTests
{
    [Theory]
    [InlineData(3, "Focus", "Summary", nameof(BookingInput.Project))]
    [InlineData(1, " ", "Summary", nameof(BookingInput.Focus))]
    [InlineData(2, "Focus", "", nameof(BookingInput.ProjectSummary))]
    public void BookingInput_NamesTheFieldThatIsWrong(int project, string focus, string summary, string field) =>
        Assert.Equal(field, new BookingInput(1, project, focus, summary).Check()?.Field);

    [Fact]
    public void FeedbackInput_NeedsNotesWhenHeld_AndAReasonWhenReferring()
    {
        Assert.Null(new FeedbackInput(Held: false, null, null).Check());
        Assert.Equal(nameof(FeedbackInput.Notes), new FeedbackInput(Held: true, " ", null).Check()?.Field);
        Assert.Equal(nameof(FeedbackInput.ReferralReason), new FeedbackInput(Held: false, null, " ").Check()?.Field);
        Assert.Equal(nameof(FeedbackInput.ReferralReason), new FeedbackInput(Held: true, "n", new string('x', Referral.ReasonMaxLength + 1)).Check()?.Field);
    }

    [Fact]
    public void Reasons_AreRequired_AndKeptToTheirLength()
    {
        Assert.Equal(nameof(CancelInput.Reason), new CancelInput("  ").Check()?.Field);
        Assert.Null(new CancelInput("Unwell").Check());
        Assert.Equal(nameof(WithdrawInput.Reason), new WithdrawInput(new string('x', TutorialSlot.ReasonMaxLength + 1)).Check()?.Field);
        Assert.Equal(nameof(WindowOverrideInput.Project), new WindowOverrideInput(1, 0, "Joined late").Check()?.Field);
        Assert.Equal(nameof(WindowOverrideInput.Reason), new WindowOverrideInput(1, 1, null).Check()?.Field);
    }
}
