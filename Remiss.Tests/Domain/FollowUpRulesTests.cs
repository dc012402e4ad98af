namespace Remiss.Tests.Domain;

using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>
/// The owner's follow-up rules: a draft, and only a draft, may be deleted; Påminn nu reminds a recipient still
/// answering at most once a day of the tenant's calendar; red means late or closer to the deadline than the last
/// påminnelse.
/// </summary>
public sealed class FollowUpRulesTests
{
    // ---- Deleting a draft ------------------------------------------------------------------------------

    [Fact]
    public void EnsureCanBeDeleted_OnADraft_Allows()
    {
        var remiss = A.DraftRemiss();

        remiss.EnsureCanBeDeleted();
    }

    [Fact]
    public void EnsureCanBeDeleted_OnASentRemiss_IsRefused()
    {
        var remiss = A.SentRemiss();

        var e = Assert.Throws<DomainException>(remiss.EnsureCanBeDeleted);
        e.AssertRefused(Field.Form, RefusalKey.DeleteOnlyDraft);
        Assert.Equal("Bara ett utkast kan tas bort. En skickad remiss kan stängas eller återkallas.", e.Said());
    }

    [Fact]
    public void EnsureCanBeDeleted_OnAClosedOrWithdrawnRemiss_IsRefused()
    {
        var closed = A.SentRemiss();
        closed.Close(A.Now);
        var withdrawn = A.SentRemiss();
        withdrawn.Withdraw(null, A.Now);

        Assert.Throws<DomainException>(closed.EnsureCanBeDeleted).AssertRefused(Field.Form, RefusalKey.DeleteOnlyDraft);
        Assert.Throws<DomainException>(withdrawn.EnsureCanBeDeleted).AssertRefused(Field.Form, RefusalKey.DeleteOnlyDraft);
    }

    // ---- Påminn nu -------------------------------------------------------------------------------------

    [Fact]
    public void RemindNow_ARecipientStillAnswering_RecordsTheDay()
    {
        var recipient = A.RecipientOfSentRemiss();
        var version = recipient.Version;

        recipient.RemindNow(A.Today);

        Assert.Equal(A.Today, recipient.RemindedOn);
        Assert.Equal(version + 1, recipient.Version);
        Assert.False(Recipient.CanBeRemindedOn(A.Today, recipient.RemindedOn));
        Assert.True(Recipient.CanBeRemindedOn(A.Today.AddDays(1), recipient.RemindedOn));
    }

    [Fact]
    public void RemindNow_TwiceTheSameDay_IsRefused()
    {
        var recipient = A.RecipientOfSentRemiss();
        recipient.RemindNow(A.Today);
        var version = recipient.Version;

        var e = Assert.Throws<DomainException>(() => recipient.RemindNow(A.Today));

        e.AssertRefused(Field.Form, RefusalKey.AlreadyRemindedToday);
        Assert.Equal("Remissinstansen har redan fått en påminnelse i dag. Du kan påminna igen i morgon.", e.Said());
        Assert.Equal(version, recipient.Version);
    }

    [Fact]
    public void RemindNow_TheNextDay_IsAllowedAgain()
    {
        var recipient = A.RecipientOfSentRemiss();
        recipient.RemindNow(A.Today);

        recipient.RemindNow(A.Today.AddDays(1));

        Assert.Equal(A.Today.AddDays(1), recipient.RemindedOn);
    }

    [Fact]
    public void RemindNow_ByTheTenantsClock_BeforeAndAfterMidnightInStockholm_AreTwoDays()
    {
        // 22:30 UTC on 23 November is 23:30 in Stockholm; at 23:10 UTC it is already the 24th there, though not in UTC.
        var clock = new FakeClock();
        clock.Set(new DateTimeOffset(2026, 11, 23, 22, 30, 0, TimeSpan.Zero));
        var calendar = TenantCalendar.Stockholm();
        var recipient = A.RecipientOfSentRemiss();
        recipient.RemindNow(calendar.Today(clock.UtcNow));

        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Throws<DomainException>(() => recipient.RemindNow(calendar.Today(clock.UtcNow))).AssertRefused(Field.Form, RefusalKey.AlreadyRemindedToday);
        clock.Advance(TimeSpan.FromMinutes(20));
        recipient.RemindNow(calendar.Today(clock.UtcNow));

        Assert.Equal(new DateOnly(2026, 11, 24), recipient.RemindedOn);
        Assert.Equal(23, clock.UtcNow.Day);
    }

    [Fact]
    public void RemindNow_ARecipientThatHasSubmitted_IsRefused()
    {
        var recipient = A.RecipientOfSentRemiss();
        recipient.SaveDraft(A.CompleteResponse(), 1, A.Context, A.Namndsekreterare, A.Now);
        recipient.Submit(A.Namndsekreterare, A.Now);

        var e = Assert.Throws<DomainException>(() => recipient.RemindNow(A.Today));

        e.AssertRefused(Field.Form, RefusalKey.RemindAnswered);
        Assert.Null(recipient.RemindedOn);
    }

    [Fact]
    public void RemindNow_ARecipientThatHasDeclined_IsRefused()
    {
        var recipient = A.RecipientOfSentRemiss();
        recipient.Decline(null, A.Namndsekreterare, A.Now);

        Assert.Throws<DomainException>(() => recipient.RemindNow(A.Today)).AssertRefused(Field.Form, RefusalKey.RemindAnswered);
    }

    [Fact]
    public void RemindNow_WhenTheRemissIsClosed_IsRefused()
    {
        var recipient = A.RecipientOfSentRemiss();
        A.ChangeRemissOf(recipient, r => r.Close(A.Now));

        var e = Assert.Throws<DomainException>(() => recipient.RemindNow(A.Today));

        e.AssertRefused(Field.Form, RefusalKey.RemissClosed, Act.Remind);
        Assert.Equal("Att påminna går inte: remissen är stängd.", e.Said());
    }

    [Fact]
    public void RemindNow_WhenTheRemissIsADraft_IsRefused()
    {
        var remiss = A.ReadyRemiss();
        var recipient = A.RecipientsOf(remiss)[0];

        Assert.Throws<DomainException>(() => recipient.RemindNow(A.Today)).AssertRefused(Field.Form, RefusalKey.RemissNotSent, Act.Remind);
    }

    [Fact]
    public void AManualReminder_IsRecordedWithTheDaysLeft_NegativeOnceLate()
    {
        var recipient = A.RecipientOfSentRemiss();

        var early = Reminder.Manual(recipient, A.Deadline, A.Today, A.Now);
        var late = Reminder.Manual(recipient, A.Deadline, A.Deadline.AddDays(3), A.Now);

        Assert.Equal(ReminderKind.Manual, early.Kind);
        Assert.Equal(A.Deadline.DayNumber - A.Today.DayNumber, early.DaysBefore);
        Assert.True(early.WasSent);
        Assert.Equal(-3, late.DaysBefore);
    }

    // ---- Red: late or close to the deadline ---------------------------------------------------------------

    [Theory]
    [InlineData(364, false)]
    [InlineData(14, false)]
    [InlineData(2, false)]
    [InlineData(1, true)]
    [InlineData(0, true)]
    [InlineData(-1, false)]
    public void IsNearDeadline_IsCloserThanTheLastStepOfTheSchedule_AndNotYetLate(int daysLeft, bool near)
    {
        var today = new DateOnly(2026, 11, 23);

        Assert.Equal(near, ReminderPlan.IsNearDeadline([14, 7, 2], today.AddDays(daysLeft), today));
    }

    [Fact]
    public void IsNearDeadline_WithoutPaminnelserBeforeTheDeadline_IsNever()
    {
        var today = new DateOnly(2026, 11, 23);

        Assert.False(ReminderPlan.IsNearDeadline([], today, today));
    }
}
