namespace Remiss.Tests.Domain;

using Remiss.Domain.Audit;
using Remiss.Tests.TestSupport;

/// <summary>An audit entry: who, when, what, which tenant; fixed once made.</summary>
public sealed class AuditEntryTests
{
    private static readonly Guid TenantId = Guid.CreateVersion7();

    [Fact]
    public void Create_KeepsWhoWhenWhatAndTheTenant()
    {
        var remissId = Guid.CreateVersion7();

        var entry = AuditEntry.Create(TenantId, A.Now, A.Handlaggare, "  Hanna Handläggare  ", AuditAction.RemissSent, "Remiss", remissId, remissId, " Remissen skickades. ");

        Assert.Equal(TenantId, entry.TenantId);
        Assert.Equal(A.Now, entry.OccurredAt);
        Assert.Equal(A.Handlaggare, entry.ActorId);
        Assert.Equal("Hanna Handläggare", entry.ActorName);
        Assert.Equal(AuditAction.RemissSent, entry.Action);
        Assert.Equal(remissId, entry.SubjectId);
        Assert.Equal(remissId, entry.RemissId);
        Assert.Equal("Remissen skickades.", entry.Summary);
    }

    [Fact]
    public void Create_WithoutAnActor_IsTheSystems_AndWithoutASummary_NamesTheAction()
    {
        var entry = AuditEntry.Create(TenantId, A.Now, null, " ", AuditAction.RemissClosed, "Remiss", null, null, "");

        Assert.Null(entry.ActorId);
        Assert.Equal("Systemet", entry.ActorName);
        Assert.Equal("Remiss stängd", entry.Summary);
    }

    [Fact]
    public void Create_WithATooLongSummary_ShortensItRatherThanLosingTheEntry()
    {
        var entry = AuditEntry.Create(TenantId, A.Now, null, new string('n', 500), AuditAction.OrganisationsImported, "Organisation", null, null, new string('x', 5_000));

        Assert.Equal(AuditEntry.SummaryMaxLength, entry.Summary.Length);
        Assert.EndsWith("…", entry.Summary, StringComparison.Ordinal);
        Assert.Equal(AuditEntry.ActorNameMaxLength, entry.ActorName.Length);
    }

    [Fact]
    public void Create_WithoutATenant_IsRefused() =>
        Assert.Throws<ArgumentException>(() => AuditEntry.Create(Guid.Empty, A.Now, null, null, AuditAction.SignedIn, "User", null, null, "Inloggad."));

    [Fact]
    public void Create_WithAnUnknownActionOrNoSubjectType_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AuditEntry.Create(TenantId, A.Now, null, null, (AuditAction)999, "User", null, null, "x"));
        Assert.Throws<ArgumentException>(() => AuditEntry.Create(TenantId, A.Now, null, null, AuditAction.SignedIn, " ", null, null, "x"));
        Assert.Throws<ArgumentException>(() => AuditEntry.Create(TenantId, A.Now, null, null, AuditAction.SignedIn, new string('t', 51), null, null, "x"));
    }

    [Fact]
    public void EveryAction_HasASwedishLabel() =>
        Assert.All(AuditActions.All, a => Assert.NotEqual(a.ToString(), AuditActions.Label(a)));
}
