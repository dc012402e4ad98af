namespace Remiss.Tests.Domain;

using Remiss.Domain.Common;
using Remiss.Domain.Remisser;
using Remiss.Tests.TestSupport;

/// <summary>When the chase speaks: the rules of <see cref="ReminderPlan"/>, each refusal included.</summary>
public sealed class ReminderPlanTests
{
    private static readonly int[] Default = [14, 7, 2];
    private static readonly DateOnly Deadline = new(2023, 11, 30);
    private static readonly DateOnly SentOn = new(2023, 9, 27);

    [Fact]
    public void Nothing_is_due_before_the_first_step()
    {
        Assert.Null(ReminderPlan.Due(Default, Deadline, new(2023, 11, 15), SentOn, []));
    }

    [Theory]
    [InlineData(2023, 11, 16, 14)]
    [InlineData(2023, 11, 23, 7)]
    [InlineData(2023, 11, 28, 2)]
    public void Each_step_is_due_on_its_day(int year, int month, int day, int step)
    {
        var handled = Default.Where(d => d > step).ToArray();

        var due = ReminderPlan.Due(Default, Deadline, new(year, month, day), SentOn, handled);

        Assert.NotNull(due);
        Assert.Equal(step, due.DaysBefore);
        Assert.Empty(due.PassedOver);
    }

    [Fact]
    public void A_step_already_handled_is_never_due_again()
    {
        Assert.Null(ReminderPlan.Due(Default, Deadline, new(2023, 11, 16), SentOn, [14]));
        Assert.Null(ReminderPlan.Due(Default, Deadline, new(2023, 11, 20), SentOn, [14]));
    }

    [Fact]
    public void A_missed_run_catches_up_with_one_påminnelse_and_passes_over_the_earlier_step()
    {
        var due = ReminderPlan.Due(Default, Deadline, new(2023, 11, 24), SentOn, []);

        Assert.NotNull(due);
        Assert.Equal(7, due.DaysBefore);
        Assert.Equal([14], due.PassedOver);
    }

    [Fact]
    public void A_step_on_or_before_the_day_the_deadline_was_told_is_not_due()
    {
        // Invited 20 November: the 14-day step (16 Nov) came before the invitation; the 7-day step (23 Nov) is after.
        Assert.Null(ReminderPlan.Due(Default, Deadline, new(2023, 11, 20), new(2023, 11, 20), []));
        Assert.Equal(7, ReminderPlan.Due(Default, Deadline, new(2023, 11, 23), new(2023, 11, 20), [])!.DaysBefore);

        // A step on the day of the invitation itself is not due either: the invitation said when.
        Assert.Null(ReminderPlan.Due(Default, Deadline, new(2023, 11, 16), new(2023, 11, 16), []));
    }

    [Fact]
    public void No_påminnelse_after_the_deadline_only_the_late_notice()
    {
        Assert.Null(ReminderPlan.Due(Default, Deadline, new(2023, 12, 1), SentOn, []));
        Assert.True(ReminderPlan.OverdueNoticeDue(Deadline, new(2023, 12, 1), alreadySent: false));
    }

    [Fact]
    public void The_late_notice_is_not_due_on_the_deadline_day_nor_a_second_time()
    {
        Assert.False(ReminderPlan.OverdueNoticeDue(Deadline, Deadline, alreadySent: false));
        Assert.False(ReminderPlan.OverdueNoticeDue(Deadline, new(2023, 12, 2), alreadySent: true));
    }

    [Fact]
    public void An_empty_schedule_sends_no_påminnelse()
    {
        Assert.Null(ReminderPlan.Due([], Deadline, new(2023, 11, 29), SentOn, []));
    }

    [Theory]
    [InlineData(7, false)]
    [InlineData(8, true)]
    [InlineData(23, true)]
    [InlineData(0, false)]
    public void The_chase_speaks_from_eight_in_the_morning(int hour, bool sends)
    {
        Assert.Equal(sends, ReminderPlan.IsSendingTime(new DateTime(2023, 11, 16, hour, 30, 0)));
    }

    [Fact]
    public void A_reminder_records_its_step_and_refuses_an_impossible_one()
    {
        var remiss = A.SentRemiss();
        var recipient = A.RecipientsOf(remiss)[0];
        var reminder = Reminder.Before(recipient, Deadline, 7, sent: true, A.Now);

        Assert.Equal((recipient.Id, remiss.Id, ReminderKind.BeforeDeadline, 7, true), (reminder.RecipientId, reminder.RemissId, reminder.Kind, reminder.DaysBefore, reminder.WasSent));
        Assert.Equal(recipient.TenantId, reminder.TenantId);
        Assert.Throws<ArgumentOutOfRangeException>(() => Reminder.Before(recipient, Deadline, 0, sent: true, A.Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => Reminder.Before(recipient, Deadline, 91, sent: true, A.Now));
        Assert.Equal((ReminderKind.Overdue, 0), (Reminder.Overdue(recipient, Deadline, A.Now).Kind, Reminder.Overdue(recipient, Deadline, A.Now).DaysBefore));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LateDigest(remiss, Deadline, 0, A.Now));
    }
}

/// <summary>The remiss's own påminnelse schedule and the dates the chase reckons from.</summary>
public sealed class RemissReminderScheduleTests
{
    [Fact]
    public void A_remiss_follows_the_tenant_schedule_until_it_is_given_its_own()
    {
        var remiss = A.ReadyRemiss();

        Assert.Null(remiss.ReminderDaysBefore);

        remiss.SetReminderSchedule([2, 40, 10]);

        Assert.Equal([40, 10, 2], remiss.ReminderDaysBefore);

        remiss.SetReminderSchedule(null);
        Assert.Null(remiss.ReminderDaysBefore);
    }

    [Fact]
    public void An_impossible_schedule_is_refused_in_swedish_and_changes_nothing()
    {
        var remiss = A.ReadyRemiss();
        remiss.SetReminderSchedule([7]);

        Assert.Throws<DomainException>(() => remiss.SetReminderSchedule([0])).AssertRefused(Field.ReminderDays, RefusalKey.ReminderDaysOutOfRange, 90);
        Assert.Throws<DomainException>(() => remiss.SetReminderSchedule([7, 7])).AssertRefused(Field.ReminderDays, RefusalKey.ReminderDaysRepeated);
        Assert.Equal([7], remiss.ReminderDaysBefore);
    }

    [Fact]
    public void A_closed_or_withdrawn_remiss_cannot_change_its_schedule()
    {
        var remiss = A.SentRemiss();
        remiss.SetReminderSchedule([3]);
        remiss.Withdraw("Inaktuell", A.Now);

        Assert.Throws<DomainException>(() => remiss.SetReminderSchedule([5]));
    }

    [Fact]
    public void Sending_invites_every_recipient_and_a_later_one_is_invited_when_added()
    {
        var tenant = A.Tenant();
        var remiss = A.ReadyRemiss(A.Owner(tenant), [A.Organisation(tenant, "Tekniska nämnden")]);

        Assert.All(A.RecipientsOf(remiss), r => Assert.Null(r.InvitedAt));
        A.Send(remiss, A.Today, A.Now);
        Assert.All(A.RecipientsOf(remiss), r => Assert.Equal(A.Now, r.InvitedAt));

        var later = A.AddRecipient(remiss, A.Organisation(tenant, "Kulturnämnden"), A.Now.AddDays(3));
        Assert.Equal(A.Now.AddDays(3), later.InvitedAt);
    }

    [Fact]
    public void Moving_the_deadline_and_granting_anstånd_record_the_day_the_new_deadline_was_told()
    {
        var remiss = A.SentRemiss();
        remiss.MoveDeadline(A.Deadline.AddDays(10), A.Today.AddDays(1));
        Assert.Equal(A.Today.AddDays(1), remiss.DeadlineMovedOn);

        var recipient = A.RecipientsOf(remiss)[0];
        var extension = recipient.RequestExtension(A.Deadline.AddDays(30), "Nämnden sammanträder sent.", A.Namndsekreterare, A.Now, A.Today);
        recipient.GrantExtension(extension.Id, null, A.Handlaggare, A.Now, A.Today.AddDays(2));

        Assert.Equal(A.Today.AddDays(2), recipient.ExtendedOn);
        Assert.Null(A.RecipientsOf(remiss)[1].ExtendedOn);
    }
}
